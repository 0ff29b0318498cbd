package io.turnaround.retention;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.TurnaroundApplication;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.Smtp;
import io.turnaround.support.StaffPages;
import io.turnaround.support.Waits;
import io.turnaround.ticket.TicketKey;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention job on PostgreSQL, with real tickets run through the real process and mail really sent (GreenMail):
 * tickets resolved long ago (their resolution pushed into the past by SQL) lose their engine tasks and logs, raw
 * mail, sent outbox rows and attachments; recent and open tickets, unreadable mail, and every ticket's history,
 * conversation and time log stay. Then the old ticket's pages and reports still work.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RetentionOnPostgresIT {

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    private static final PostgresDatabase database = PostgresDatabase.create();
    private static final String GOLDCREST = "ops@goldcrest.example";
    private static ConfigurableApplicationContext server;
    private static JdbcTemplate jdbc;
    private static Api api;
    private static int port;

    /** Resolved long ago: everything retention removes goes. */
    private static String old;
    /** Resolved long ago after a re-decision: the tasks of both its processes go. */
    private static String redecided;
    /** Resolved just now: everything stays. */
    private static String recent;
    /** Received long ago and still open: its task stays. */
    private static String open;
    private static long unreadableMail;
    private static long oldTaskId;
    private static Map<String, Object> oldTicketBefore;

    @BeforeAll
    static void startServer() {
        EnginePersistence.configure();
        List<String> args = new ArrayList<>(Arrays.asList(database.springArgsWithDemoData()));
        args.addAll(List.of("--server.port=0", "--jbpm.quartz.start-delay=1", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Smtp.port(smtp), "--turnaround.mail.outbox.poll-every=PT0.2S",
                "--turnaround.retention.cron=-", "--turnaround.retention.attachments=P30D",
                // Small batches, so that a run takes several of them.
                "--turnaround.retention.batch-size=2"));
        server = new SpringApplicationBuilder(TurnaroundApplication.class).run(args.toArray(String[]::new));
        port = ((ServletWebServerApplicationContext) server).getWebServer().getPort();
        api = new Api(port);
        jdbc = server.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void retentionRemovesWhatWasKeptLongEnoughAndNothingElse() {
        old = mailedTicket("old@example.test", "Train our editors", "old.pdf");
        api.post("tess", "/api/tickets/" + old + "/replies", "{\"body\":\"We will book two sessions.\"}");
        oldTaskId = openTaskOf(old, "tess");
        Api.Response logged = api.post("tess", "/api/tickets/" + old + "/time", "{\"duration\":\"PT1H\",\"kind\":\"TRAINING\","
                + "\"note\":\"first session\",\"taskId\":" + oldTaskId + "}");
        assertThat(logged.status()).as(logged.text()).isEqualTo(201);
        resolve(old, "tess");

        redecided = apiTicket("Train our editors", "Two sessions please");
        Api.Response corrected = api.post("maria", "/api/tickets/" + redecided + "/category", "{\"category\":\"NON_EMERGENCY\"}");
        assertThat(corrected.status()).as(corrected.text()).isEqualTo(200);
        resolve(redecided, "alice");

        recent = mailedTicket("recent@example.test", "Train our editors too", "recent.pdf");
        resolve(recent, "tess");
        open = apiTicket("Train our new staff", "One session please");

        Api.Response unreadable = api.post("intake", "/api/inbound/email", ("Message-ID: <broken@example.test>\r\nFrom: "
                + GOLDCREST + "\r\nSubject: broken\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"nowhere\""
                + "\r\n\r\nno boundary ever starts here\r\n").getBytes(StandardCharsets.UTF_8), "message/rfc822");
        assertThat(unreadable.body().get("kind").asText()).isEqualTo("UNREADABLE");
        unreadableMail = unreadable.body().get("inboundMailId").asLong();

        Waits.waitUntil(() -> count("select count(*) from outbound_mail where status <> 'SENT'") == 0,
                Duration.ofSeconds(30), "every mail sent");
        // The engine writes no audit log (AuditMode.NONE), but a database from before that, or a deployment that turns
        // it on, has one: rows for every process instance, and a sub-process the old ticket's process called.
        for (long processInstance : processesOf(old, redecided, recent, open)) {
            auditRows(processInstance, null);
        }
        auditRows(9_000_001L, processesOf(old).get(0));
        // Kept raw by the mailbox for every message it takes in; unreadable mail only, before that was so.
        jdbc.update("update inbound_mail set raw = ? where raw is null", "raw message".getBytes(StandardCharsets.UTF_8));

        // Long ago: the old tickets' resolution, all mail but the recent ticket's, and the open ticket's arrival.
        pushBack(Duration.ofDays(40), "update ticket set updated_at = updated_at - ? where id in (?, ?, ?)",
                id(old), id(redecided), id(open));
        pushBack(Duration.ofDays(100), "update inbound_mail set received_at = received_at - ? where ticket_id <> ?"
                + " or ticket_id is null", id(recent));
        pushBack(Duration.ofDays(100), "update outbound_mail set sent_at = sent_at - ?, created_at = created_at - ?"
                + " where ticket_id <> ?", Duration.ofDays(100), id(recent));

        List<Long> oldProcesses = processesOf(old, redecided);
        assertThat(oldProcesses).as("the re-decided ticket had two processes").hasSize(3);
        List<Long> oldTasks = jdbc.queryForList("select id from Task where processInstanceId in (?, ?, ?)", Long.class,
                oldProcesses.toArray());
        List<Long> oldContent = jdbc.queryForList("select documentContentId from Task where processInstanceId in (?, ?, ?)"
                + " union select outputContentId from Task where processInstanceId in (?, ?, ?)", Long.class,
                concat(oldProcesses, oldProcesses));
        assertThat(oldTasks).hasSize(3);
        assertThat(jdbc.queryForList("select status from Task where id in (?, ?, ?)", String.class, oldTasks.toArray()))
                .containsExactlyInAnyOrder("Completed", "Exited", "Completed");
        List<Long> keptProcesses = processesOf(recent, open);
        Map<String, Long> keptBefore = engineRows(keptProcesses);
        assertThat(keptBefore).allSatisfy((table, rows) -> assertThat(rows).as(table).isPositive());
        long oldSent = count("select count(*) from outbound_mail where ticket_id in (?, ?, ?)", id(old), id(redecided), id(open));
        oldTicketBefore = ticketRecord(old);

        Api.Response run = api.post("admin", "/api/admin/retention/run", null);

        assertThat(run.status()).as(run.text()).isEqualTo(200);
        assertThat(run.body().get("complete").asBoolean()).isTrue();
        assertThat(removed(run.body(), "completed-tasks")).isEqualTo(3);
        assertThat(removed(run.body(), "engine-logs")).isEqualTo(3);
        assertThat(removed(run.body(), "sent-mail")).isEqualTo(oldSent);
        assertThat(removed(run.body(), "raw-mail")).isEqualTo(1);
        assertThat(removed(run.body(), "attachments")).isEqualTo(1);
        assertThat(step(run.body(), "completed-tasks").get("batches").asInt()).as("batches of 2").isEqualTo(2);

        // The engine's data of the old tickets is gone, every row that hung off their tasks with it.
        assertThat(engineRows(oldProcesses)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(engineRows(List.of(9_000_001L))).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
        assertThat(count("select count(*) from I18NText where Task_Names_Id in (?, ?, ?) or Task_Subjects_Id in (?, ?, ?)"
                + " or Task_Descriptions_Id in (?, ?, ?)", concat(oldTasks, oldTasks, oldTasks))).isZero();
        assertThat(count("select count(*) from Content where id in (" + String.join(", ",
                oldContent.stream().map(c -> "?").toList()) + ")", oldContent.toArray())).isZero();
        assertThat(count("select count(*) from task_list_entry where task_id in (?, ?, ?)", oldTasks.toArray())).isZero();
        assertThat(count("select count(*) from ticket_process where ticket_id in (?, ?)", id(old), id(redecided))).isZero();
        // ... and nothing of the recent and the open ticket.
        assertThat(engineRows(keptProcesses)).isEqualTo(keptBefore);
        assertThat(jdbc.queryForObject("select status from Task where processInstanceId = ?", String.class,
                processesOf(open).get(0))).isEqualTo("Ready");

        // Mail: sent rows gone (the history says they were sent), raw messages dropped but their log kept.
        assertThat(count("select count(*) from outbound_mail where ticket_id in (?, ?, ?)", id(old), id(redecided),
                id(open))).isZero();
        assertThat(count("select count(*) from outbound_mail where ticket_id = ? and status = 'SENT'", id(recent))).isPositive();
        assertThat(count("select count(*) from ticket_history where ticket_id = ? and event = 'MAIL_SENT'", id(old)))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("select detail from ticket_history where ticket_id = ? and event = 'MAIL_SENT'"
                + " order by id", String.class, id(old))).anySatisfy(line -> assertThat(line)
                .startsWith("acknowledgement to old@example.test: [" + old + "]"))
                .anySatisfy(line -> assertThat(line).startsWith("reply to old@example.test: [" + old + "] Re:"));
        assertThat(count("select count(*) from inbound_mail where ticket_id = ? and raw is null", id(old))).isEqualTo(1);
        assertThat(count("select count(*) from inbound_mail where ticket_id = ? and raw is not null", id(recent))).isEqualTo(1);
        assertThat(count("select count(*) from inbound_mail where id = ? and raw is not null", unreadableMail))
                .as("unreadable mail keeps its raw message").isEqualTo(1);
        // Attachments: the old ticket's content dropped, the file still listed; the recent one's kept.
        assertThat(jdbc.queryForMap("select filename, size_bytes, content, removed_at from ticket_attachment"
                + " where ticket_id = ?", id(old))).containsEntry("filename", "old.pdf").containsEntry("content", null)
                .hasEntrySatisfying("removed_at", at -> assertThat(at).isNotNull());
        assertThat(count("select count(*) from ticket_attachment where ticket_id = ? and content is not null", id(recent)))
                .isEqualTo(1);

        // The ticket, its conversation and time log are as they were; its history only gained lines.
        Map<String, Object> after = ticketRecord(old);
        assertThat(after).containsAllEntriesOf(Map.of("ticket", oldTicketBefore.get("ticket"),
                "messages", oldTicketBefore.get("messages"), "time", oldTicketBefore.get("time")));
        List<?> historyBefore = (List<?>) oldTicketBefore.get("history");
        assertThat(((List<?>) after.get("history")).subList(0, historyBefore.size())).isEqualTo(historyBefore);

        Api.Response again = api.post("admin", "/api/admin/retention/run", null);
        assertThat(again.body().findValues("removed")).allSatisfy(n -> assertThat(n.asLong()).isZero());
        Api.Response metric = api.get("admin", "/actuator/metrics/turnaround.retention.removed?tag=what:completed-tasks");
        assertThat(metric.body().at("/measurements/0/value").asDouble()).isEqualTo(3.0);
    }

    @Test
    @Order(2)
    void aResolvedTicketsPagesAndReportsStillWorkAfterRetention() {
        Api.Response view = api.get("maria", "/api/tickets/" + old);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.body().get("status").asText()).isEqualTo("RESOLVED");
        assertThat(view.body().get("history").findValuesAsText("event"))
                .contains("RECEIVED", "DECIDED", "TASK_COMPLETED", "REPLY_QUEUED", "MAIL_SENT", "ATTACHMENTS_REMOVED");
        Api.Response time = api.get("maria", "/api/tickets/" + old + "/time");
        assertThat(time.status()).isEqualTo(200);
        assertThat(time.text()).contains("first session");

        String page = StaffPages.signIn(port, "maria").get("/tickets/" + old);
        assertThat(page).contains("Train our editors", "We will book two sessions.", "mail sent", "old.pdf",
                "removed some time after the ticket was resolved");
        assertThat(StaffPages.signIn(port, "tess").get("/tickets/" + old)).contains("Train our editors");
        assertThat(StaffPages.signIn(port, "maria").get("/tasks")).doesNotContain(old);
        assertThat(StaffPages.signIn(port, "maria").response("/manager").statusCode()).isEqualTo(200);

        long client = jdbc.queryForObject("select client_id from ticket where id = ?", Long.class, id(old));
        String month = YearMonth.now(ZoneId.of(jdbc.queryForObject("select time_zone from client where id = ?",
                String.class, client))).toString();
        Api.Response statement = api.get("maria", "/api/clients/" + client + "/statements/" + month);
        assertThat(statement.status()).as(statement.text()).isEqualTo(200);
        assertThat(statement.text()).contains("first session");
        assertThat(api.get("maria", "/api/clients/" + client + "/statements/" + month + ".csv").text()).contains(old);
        java.net.http.HttpResponse<byte[]> pdf = bytes("maria", "/api/clients/" + client + "/statements/" + month + ".pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        assertThat(StaffPages.signIn(port, "maria").get("/clients/" + client + "/statements/" + month)).contains(old);
    }

    @Test
    @Order(3)
    void onlyOneNodeRunsItAtATime() {
        jdbc.update("update retention_lease set holder = 'node-2 4f1c', held_until = ?",
                java.time.OffsetDateTime.now().plusMinutes(5));

        Api.Response refused = api.post("admin", "/api/admin/retention/run", null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("detail").asText()).contains("node-2");
        assertThat(api.post("maria", "/api/admin/retention/run", null).status()).isEqualTo(403);
        // A lease that ran out (its node died) is taken over.
        jdbc.update("update retention_lease set held_until = ?", java.time.OffsetDateTime.now().minusSeconds(1));
        assertThat(api.post("admin", "/api/admin/retention/run", null).status()).isEqualTo(200);
        assertThat(count("select count(*) from retention_lease where holder is not null")).isZero();
    }

    private static java.net.http.HttpResponse<byte[]> bytes(String user, String path) {
        try {
            return io.turnaround.support.Http.CLIENT.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("Authorization", Api.basic(user)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mailedTicket(String from, String subject, String file) {
        // The sender becomes a contact of the demo client, so the mail is a Gold client's.
        jdbc.update("insert into client_contact (email, client_id) select ?, client_id from client_contact where email = ?",
                from, GOLDCREST);
        String boundary = "b0undary";
        byte[] mail = ("Message-ID: <" + file + "@example.test>\r\nFrom: " + from + "\r\nSubject: " + subject
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + "\"\r\n\r\n--" + boundary
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nTwo sessions please, see the attached plan.\r\n--"
                + boundary + "\r\nContent-Type: application/pdf; name=\"" + file + "\"\r\nContent-Disposition: attachment;"
                + " filename=\"" + file + "\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString("%PDF-1.4 plan".getBytes(StandardCharsets.US_ASCII)) + "\r\n--"
                + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Api.Response pushed = api.post("intake", "/api/inbound/email", mail, "message/rfc822");
        assertThat(pushed.status()).as(pushed.text()).isEqualTo(201);
        return pushed.body().get("ticketKey").asText();
    }

    private static String apiTicket(String subject, String body) {
        Api.Response created = api.post("intake", "/api/tickets", "{\"from\":\"" + GOLDCREST + "\",\"subject\":\""
                + subject + "\",\"body\":\"" + body + "\"}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body().get("key").asText();
    }

    private static long openTaskOf(String key, String agent) {
        for (JsonNode task : api.get(agent, "/api/tasks").body()) {
            if (key.equals(task.get("ticketKey").asText())) {
                return task.get("id").asLong();
            }
        }
        throw new AssertionError("no open task of " + key + " for " + agent);
    }

    private static void resolve(String key, String agent) {
        long task = openTaskOf(key, agent);
        assertThat(api.post(agent, "/api/tasks/" + task + "/claim", null).status()).isEqualTo(200);
        Api.Response completed = api.post(agent, "/api/tasks/" + task + "/complete", null);
        assertThat(completed.status()).as(completed.text()).isEqualTo(200);
        assertThat(api.get(agent, "/api/tickets/" + key).body().get("status").asText()).isEqualTo("RESOLVED");
    }

    private static long id(String key) {
        return TicketKey.idOf(key);
    }

    private static List<Long> processesOf(String... keys) {
        List<Long> ids = new ArrayList<>();
        for (String key : keys) {
            ids.addAll(jdbc.queryForList("select process_instance_id from ticket_process where ticket_id = ?"
                    + " order by process_instance_id", Long.class, id(key)));
        }
        return ids;
    }

    /** A row in each of the engine's audit and log tables for the process instance (and its task, if it has one). */
    private static void auditRows(long processInstance, Long parent) {
        Long task = jdbc.queryForList("select id from Task where processInstanceId = ?", Long.class, processInstance)
                .stream().findFirst().orElse(null);
        long row = processInstance * 10;
        jdbc.update("insert into ProcessInstanceLog (id, processInstanceId, parentProcessInstanceId, processId, status,"
                + " start_date) values (?, ?, ?, 'support-ticket', 2, now())", row, processInstance, parent);
        jdbc.update("insert into NodeInstanceLog (id, processInstanceId, type, nodeName, log_date) values (?, ?, 0,"
                + " 'decidePolicy', now())", row, processInstance);
        jdbc.update("insert into VariableInstanceLog (id, processInstanceId, variableId, value, log_date)"
                + " values (?, ?, 'ticketKey', 'TCK', now())", row, processInstance);
        jdbc.update("insert into ExecutionErrorInfo (id, PROCESS_INST_ID, ERROR_MSG, ERROR_ACK) values (?, ?, 'timer failed', 1)",
                row, processInstance);
        if (task != null) {
            jdbc.update("insert into AuditTaskImpl (id, taskId, processInstanceId, parentId, priority, processSessionId,"
                    + " status) values (?, ?, ?, -1, 0, 0, 'Completed')", row, task, processInstance);
            jdbc.update("insert into TaskEvent (id, taskId, processInstanceId, type, logTime) values (?, ?, ?, 'ADDED', now())",
                    row, task, processInstance);
            jdbc.update("insert into BAMTaskSummary (pk, taskId, processInstanceId, status) values (?, ?, ?, 'Completed')",
                    row, task, processInstance);
        }
    }

    /** Rows the engine keeps of these process instances, by table. */
    private static Map<String, Long> engineRows(List<Long> processes) {
        String in = "(" + String.join(", ", processes.stream().map(p -> "?").toList()) + ")";
        String tasks = "(select id from Task where processInstanceId in " + in + ")";
        Map<String, Long> rows = new java.util.TreeMap<>();
        for (String table : List.of("ProcessInstanceLog", "NodeInstanceLog", "VariableInstanceLog", "AuditTaskImpl",
                "TaskEvent", "BAMTaskSummary", "Task")) {
            rows.put(table, count("select count(*) from " + table + " where processInstanceId in " + in, processes.toArray()));
        }
        rows.put("ExecutionErrorInfo", count("select count(*) from ExecutionErrorInfo where PROCESS_INST_ID in " + in,
                processes.toArray()));
        for (String table : List.of("PeopleAssignments_PotOwners", "PeopleAssignments_BAs")) {
            rows.put(table, count("select count(*) from " + table + " where task_id in " + tasks, processes.toArray()));
        }
        rows.put("I18NText", count("select count(*) from I18NText where Task_Names_Id in " + tasks, processes.toArray()));
        rows.put("Content", count("select count(*) from Content where id in (select documentContentId from Task where"
                + " processInstanceId in " + in + ")", processes.toArray()));
        rows.put("task_list_entry", count("select count(*) from task_list_entry where process_instance_id in " + in,
                processes.toArray()));
        return rows;
    }

    /** What retention must never change: the ticket, its conversation, its time log; and its history so far. */
    private static Map<String, Object> ticketRecord(String key) {
        return Map.of("ticket", jdbc.queryForMap("select * from ticket where id = ?", id(key)),
                "messages", jdbc.queryForList("select * from ticket_message where ticket_id = ? order by id", id(key)),
                "time", jdbc.queryForList("select * from time_entry where ticket_id = ? order by id", id(key)),
                "history", jdbc.queryForList("select * from ticket_history where ticket_id = ? order by id", id(key)));
    }

    private static void pushBack(Duration by, String sql, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = new org.postgresql.util.PGInterval(0, 0, (int) by.toDays(), 0, 0, 0);
        for (int i = 0; i < args.length; i++) {
            all[i + 1] = args[i] instanceof Duration d ? new org.postgresql.util.PGInterval(0, 0, (int) d.toDays(), 0, 0, 0)
                    : args[i];
        }
        jdbc.update(sql, all);
    }

    private static long removed(JsonNode report, String what) {
        return step(report, what).get("removed").asLong();
    }

    private static JsonNode step(JsonNode report, String what) {
        for (JsonNode step : report.get("steps")) {
            if (step.get("what").asText().equals(what)) {
                return step;
            }
        }
        throw new AssertionError("no step " + what + " in " + report);
    }

    private static long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Object[] concat(List<Long>... lists) {
        List<Object> all = new ArrayList<>();
        for (List<Long> list : lists) {
            all.addAll(list);
        }
        return all.toArray();
    }
}
