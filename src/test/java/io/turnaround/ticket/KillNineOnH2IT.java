package io.turnaround.ticket;

import io.turnaround.support.Api;
import io.turnaround.support.CrashLoad;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.TicketLedger;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's first command, the demo on the embedded H2 database, is killed with SIGKILL under intake load from four
 * clients. Every ticket acknowledged with 201 is on disk when the server answers: after the kill the H2 file
 * holds it whole (process, exactly one task and one timer), and after the restart every emergency's timer fires once.
 */
class KillNineOnH2IT {

    private static final Logger log = LoggerFactory.getLogger(KillNineOnH2IT.class);
    private static final String NODE = "kill-h2";

    @Test
    void killedUnderIntakeLoadKeepsEveryAcknowledgedTicket() throws Exception {
        FileSystemUtils.deleteRecursively(ServerProcess.h2Directory(NODE));
        TicketLedger ledger = new TicketLedger("jdbc:h2:file:" + ServerProcess.h2Directory(NODE).resolve("turnaround")
                + ";NON_KEYWORDS=VALUE", "sa");
        Set<String> acknowledged = killUnderLoad(60);

        assertThat(acknowledged).allSatisfy(key -> assertThat(ledger.exists(key)).as(key).isTrue());
        assertThat(ledger.withoutProcess()).as("half-made tickets").isEmpty();
        assertThat(ledger.notExactlyOneWorkTask()).as("tickets without exactly one task").isEmpty();
        assertThat(ledger.pendingWithoutExactlyOneTimer()).as("pending tickets without exactly one timer").isEmpty();

        // Read with the server down: one process at a time opens an H2 file.
        List<String> emergencies = ledger.jdbc().queryForList(
                "select id from ticket where category = 'EMERGENCY' order by id", Long.class).stream()
                .map(TicketKey::of).toList();
        assertThat(emergencies).isNotEmpty();
        try (ServerProcess restarted = ServerProcess.startOnH2(NODE)) {
            Waits.waitUntil(() -> breached(restarted, emergencies) == emergencies.size(), Duration.ofSeconds(90),
                    "every emergency's timer fired after the restart");
            Waits.sleep(Duration.ofSeconds(3)); // room for a second, wrong firing to show itself
        }
        for (String key : emergencies) {
            long id = TicketKey.idOf(key);
            assertThat(ledger.breaches(id)).as("breaches of ticket %s", key).isEqualTo(1);
            assertThat(ledger.escalationTasks(id)).as("escalations of ticket %s", key).isEqualTo("1/1");
        }
    }

    private static Set<String> killUnderLoad(int tickets) throws InterruptedException, IOException {
        try (ServerProcess server = ServerProcess.startOnH2(NODE)) {
            CrashLoad load = CrashLoad.start(4, server::api);
            load.awaitAcknowledged(tickets, Duration.ofSeconds(60));
            server.kill();
            load.close();
            log.info("killed after {} requests, {} acknowledged", load.sent(), load.acknowledged().size());
            return load.acknowledged();
        }
    }

    /** How many of the tickets' histories say their SLA was breached, as a manager sees them. */
    private static long breached(ServerProcess server, List<String> keys) {
        Api api = server.api();
        return keys.stream().filter(key -> api.get("maria", "/api/tickets/" + key).body().get("history").findValuesAsText("event")
                .contains("SLA_BREACHED")).count();
    }
}
