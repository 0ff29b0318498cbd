package io.turnaround.support;

import io.turnaround.ticket.TicketKey;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a server's database directly, as an auditor would after a crash: are the tickets, their
 * tasks and their SLA timers all there, once each?
 */
public final class TicketLedger {

    public static final String ESCALATION_TASK = "Resolve SLA breach";

    private final JdbcTemplate jdbc;

    public TicketLedger(PostgresDatabase database) {
        this(database.url(), database.user());
    }

    /** Any database the server ran on, e.g. an H2 file while its server is down (H2 lets one process open it). */
    public TicketLedger(String url, String user) {
        this.jdbc = new JdbcTemplate(new DriverManagerDataSource(url, user, ""));
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public int tickets() {
        return jdbc.queryForObject("select count(*) from ticket", Integer.class);
    }

    public boolean exists(String key) {
        return jdbc.queryForObject("select count(*) from ticket where id = ?", Integer.class, TicketKey.idOf(key)) == 1;
    }

    /** Tickets that are not in triage but have no process: a half-created ticket. */
    public List<Long> withoutProcess() {
        return jdbc.queryForList("select id from ticket where status <> 'TRIAGE' and process_instance_id is null", Long.class);
    }

    /** Process instances whose count of route tasks (engine and task list alike) is not exactly one. */
    public List<Map<String, Object>> notExactlyOneWorkTask() {
        return jdbc.queryForList("select t.id, (select count(*) from task k where k.processinstanceid = t.process_instance_id"
                + " and k.name <> ?) engine_tasks, (select count(*) from task_list_entry e where e.process_instance_id ="
                + " t.process_instance_id and e.name <> ?) listed_tasks from ticket t where t.process_instance_id is not null"
                + " and ((select count(*) from task k where k.processinstanceid = t.process_instance_id and k.name <> ?) <> 1"
                + " or (select count(*) from task_list_entry e where e.process_instance_id = t.process_instance_id"
                + " and e.name <> ?) <> 1)", ESCALATION_TASK, ESCALATION_TASK, ESCALATION_TASK, ESCALATION_TASK);
    }

    /** Open tickets whose SLA has not been breached and which do not have exactly one pending SLA timer. */
    public List<Long> pendingWithoutExactlyOneTimer() {
        // jBPM names a timer's Quartz job "<kind>-<process instance id>-...".
        Map<String, Long> timers = jdbc.queryForList("select job_name from qrtz_job_details", String.class).stream()
                .filter(name -> name.contains("-"))
                .collect(Collectors.groupingBy(name -> name.split("-")[1], Collectors.counting()));
        return jdbc.queryForList("select t.id, t.process_instance_id from ticket t where t.process_instance_id is not null"
                        + " and t.sla_outcome is null and not exists (select 1 from ticket_history h where h.ticket_id = t.id"
                        + " and h.event = 'SLA_BREACHED')").stream()
                .filter(row -> timers.getOrDefault(String.valueOf(row.get("process_instance_id")), 0L) != 1)
                .map(row -> ((Number) row.get("id")).longValue())
                .toList();
    }

    /** Tickets that do not have exactly one acknowledgement in the outbox. */
    public List<Map<String, Object>> notExactlyOneAcknowledgement() {
        return jdbc.queryForList("select t.id, (select count(*) from outbound_mail m where m.ticket_id = t.id"
                + " and m.kind = 'ACKNOWLEDGEMENT') acknowledgements from ticket t where (select count(*) from outbound_mail m"
                + " where m.ticket_id = t.id and m.kind = 'ACKNOWLEDGEMENT') <> 1");
    }

    /** Subjects that more than one ticket carries: a request taken in twice, where every request has its own. */
    public List<String> subjectsTakenTwice() {
        return jdbc.queryForList("select subject from ticket group by subject having count(*) > 1", String.class);
    }

    public int breaches(long ticketId) {
        return jdbc.queryForObject("select count(*) from ticket_history where ticket_id = ? and event = 'SLA_BREACHED'",
                Integer.class, ticketId);
    }

    /** Escalation tasks of a ticket as "engine tasks/task list rows", e.g. "1/1". */
    public String escalationTasks(long ticketId) {
        return jdbc.queryForObject("select (select count(*) from task k where k.processinstanceid = t.process_instance_id"
                + " and k.name = ?) || '/' || (select count(*) from task_list_entry e where e.process_instance_id ="
                + " t.process_instance_id and e.name = ?) from ticket t where t.id = ?", String.class,
                ESCALATION_TASK, ESCALATION_TASK, ticketId);
    }

    /** Rungs of the SLA ladder logged for the ticket: each firing once. */
    public int escalations(long ticketId) {
        return jdbc.queryForObject("select count(*) from sla_escalation where ticket_id = ?", Integer.class, ticketId);
    }

    /** How late each logged rung ran, due instant to firing, in milliseconds, sorted. */
    public List<Long> latenessMillis() {
        return jdbc.queryForList("select round(extract(epoch from (fired_at - due_at)) * 1000) from sla_escalation"
                + " order by 1", Long.class);
    }

    public int ticketsBreached() {
        return jdbc.queryForObject("select count(distinct ticket_id) from ticket_history where event = 'SLA_BREACHED'",
                Integer.class);
    }
}
