package io.turnaround.ticket;

import io.turnaround.support.CrashLoad;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.TicketLedger;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server is killed with SIGKILL on PostgreSQL, once under intake load and once while SLA timers are firing.
 * After a restart every acknowledged ticket is there with exactly one task and one timer, no ticket is half
 * made, and every timer has fired exactly once.
 */
class KillNineOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(KillNineOnPostgresIT.class);

    @Test
    void killedUnderIntakeLoadLosesNothingAcknowledgedAndDoublesNothing() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        TicketLedger ledger = new TicketLedger(database);
        Set<String> acknowledged;
        int sent;
        try (ServerProcess server = ServerProcess.start(database, "kill-intake")) {
            CrashLoad load = CrashLoad.start(4, server::api);
            load.awaitAcknowledged(60, Duration.ofSeconds(60));
            server.kill();
            load.close();
            acknowledged = load.acknowledged();
            sent = load.sent();
        }
        log.info("killed after {} requests, {} acknowledged", sent, acknowledged.size());

        assertThat(acknowledged).allSatisfy(key -> assertThat(ledger.exists(key)).as(key).isTrue());
        assertThat(ledger.withoutProcess()).as("half-made tickets").isEmpty();
        assertThat(ledger.notExactlyOneWorkTask()).as("tickets without exactly one task").isEmpty();
        assertThat(ledger.pendingWithoutExactlyOneTimer()).as("pending tickets without exactly one timer").isEmpty();

        try (ServerProcess restarted = ServerProcess.start(database, "kill-intake")) {
            List<Long> emergencies = ledger.jdbc().queryForList(
                    "select id from ticket where category = 'EMERGENCY' order by id", Long.class);
            assertThat(emergencies).isNotEmpty();
            Waits.waitUntil(() -> ledger.ticketsBreached() >= emergencies.size(), Duration.ofSeconds(90),
                    "every emergency's timer fired after the restart");
            Waits.sleep(Duration.ofSeconds(3)); // room for a second, wrong firing to show itself
            for (long id : emergencies) {
                assertThat(ledger.breaches(id)).as("breaches of ticket %d", id).isEqualTo(1);
                assertThat(ledger.escalationTasks(id)).as("escalations of ticket %d", id).isEqualTo("1/1");
            }
            assertThat(ledger.ticketsBreached()).isEqualTo(emergencies.size());
            assertThat(ledger.notExactlyOneWorkTask()).isEmpty();
        }
    }

    @Test
    void killedWhileTimersFireEveryTimerStillFiresExactlyOnce() {
        PostgresDatabase database = PostgresDatabase.create();
        TicketLedger ledger = new TicketLedger(database);
        int count = 40;
        try (ServerProcess server = ServerProcess.start(database, "kill-firing")) {
            String token = CrashLoad.intakeToken(server.api());
            Instant due = Instant.now().plusSeconds(20);
            for (int i = 0; i < count; i++) {
                assertThat(server.api().request("POST", bearer(token), "/api/tickets", CrashLoad.platinumEmergencyDueAt(due)).status())
                        .isEqualTo(201);
            }
            assertThat(Instant.now()).as("all tickets made before their timers fall due").isBefore(due);
            Waits.waitUntil(() -> ledger.ticketsBreached() > 0, Duration.ofSeconds(60), "the first timer fired");
            server.kill();
        }
        int firedBeforeKill = ledger.ticketsBreached();
        log.info("killed with {} of {} timers fired", firedBeforeKill, count);

        try (ServerProcess restarted = ServerProcess.start(database, "kill-firing")) {
            Waits.waitUntil(() -> ledger.ticketsBreached() == count, Duration.ofSeconds(90),
                    "every timer fired after the restart");
            Waits.sleep(Duration.ofSeconds(3));
            for (long id : ledger.jdbc().queryForList("select id from ticket", Long.class)) {
                assertThat(ledger.breaches(id)).as("breaches of ticket %d", id).isEqualTo(1);
                assertThat(ledger.escalationTasks(id)).as("escalations of ticket %d", id).isEqualTo("1/1");
            }
        }
    }
}
