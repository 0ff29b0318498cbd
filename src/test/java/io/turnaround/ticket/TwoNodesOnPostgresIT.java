package io.turnaround.ticket;

import io.turnaround.support.Api;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one PostgreSQL database take tickets at the same time (timers are scheduled without
 * Quartz's cluster-wide insert lock), then one node is killed while the timers fire: every timer fires once,
 * on whichever node is left.
 */
class TwoNodesOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesOnPostgresIT.class);
    private static final int TICKETS_PER_CLIENT = 15;

    @Test
    void everyTimerFiresOnceAcrossTwoNodesAndTheDeathOfOne() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        TicketLedger ledger = new TicketLedger(database);
        try (ServerProcess a = ServerProcess.start(database, "node-a");
             ServerProcess b = ServerProcess.start(database, "node-b")) {
            String token = CrashLoad.intakeToken(a.api());
            Instant due = Instant.now().plusSeconds(40);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<Integer>> created = new ArrayList<>();
            for (ServerProcess node : List.of(a, b, a, b)) {
                created.add(clients.submit(() -> {
                    Api api = node.api();
                    int ok = 0;
                    for (int n = 0; n < TICKETS_PER_CLIENT; n++) {
                        if (api.request("POST", bearer(token), "/api/tickets",
                                CrashLoad.platinumEmergencyDueAt(due)).status() == 201) {
                            ok++;
                        }
                    }
                    return ok;
                }));
            }
            int total = 0;
            for (Future<Integer> f : created) {
                total += f.get();
            }
            clients.shutdown();
            assertThat(total).isEqualTo(4 * TICKETS_PER_CLIENT);
            assertThat(Instant.now()).as("all tickets made before their timers fall due").isBefore(due);
            assertThat(ledger.notExactlyOneWorkTask()).isEmpty();
            assertThat(ledger.pendingWithoutExactlyOneTimer()).isEmpty();

            Waits.waitUntil(() -> ledger.ticketsBreached() > 0, Duration.ofSeconds(90), "the first timer fired");
            a.kill();
            log.info("node a killed with {} of {} timers fired", ledger.ticketsBreached(), total);

            int expected = total;
            Waits.waitUntil(() -> ledger.ticketsBreached() == expected, Duration.ofSeconds(90),
                    "node b fired the rest");
            Waits.sleep(Duration.ofSeconds(3));
            for (long id : ledger.jdbc().queryForList("select id from ticket", Long.class)) {
                assertThat(ledger.breaches(id)).as("breaches of ticket %d", id).isEqualTo(1);
                assertThat(ledger.escalationTasks(id)).as("escalations of ticket %d", id).isEqualTo("1/1");
                assertThat(ledger.escalations(id)).as("ladder rungs run for ticket %d", id).isEqualTo(1);
            }
            List<Long> lateness = ledger.latenessMillis();
            assertThat(lateness).hasSize(expected);
            log.info("lateness of {} timers across the kill, ms: p50 {}, p99 {}, max {}", lateness.size(),
                    lateness.get(lateness.size() / 2), lateness.get((int) Math.ceil(0.99 * lateness.size()) - 1),
                    lateness.get(lateness.size() - 1));
            // The survivor takes over a dead node's timers at its next cluster check-in (every 5 s), or its next poll.
            assertThat(lateness.get(lateness.size() - 1)).as("worst lateness, ms").isLessThan(30_000L);
        }
    }
}
