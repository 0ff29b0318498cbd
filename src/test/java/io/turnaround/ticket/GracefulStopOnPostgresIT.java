package io.turnaround.ticket;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import io.turnaround.support.CrashLoad;
import io.turnaround.support.IntakeLoad;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.Smtp;
import io.turnaround.support.TicketLedger;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.turnaround.support.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while 4 clients post tickets and the outbox sends their acknowledgements: the server stops taking requests,
 * finishes those under way and ends by itself. Every ticket answered 201 is whole, no request that was refused or
 * left unanswered made a ticket, and no outbox row is left claimed.
 */
class GracefulStopOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(GracefulStopOnPostgresIT.class);

    @RegisterExtension
    static final GreenMailExtension smtp = Smtp.server();

    @Test
    void sigtermDuringIntakeFinishesWhatWasUnderWayAndLeavesNothingHalfDone() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        TicketLedger ledger = new TicketLedger(database);
        ServerProcess server = ServerProcess.start(database, "graceful-stop", "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + Smtp.port(smtp), "--turnaround.mail.outbox.poll-every=PT0.2S",
                // The load comes from one address, which would otherwise be acknowledged 5 times an hour.
                "--turnaround.mail.acknowledgement-limit.max=1000000");
        IntakeLoad intake;
        Duration stopping;
        int exit;
        try {
            String token = CrashLoad.intakeToken(server.api());
            intake = new IntakeLoad(server.port(), bearer(token), 4, "graceful");
            Waits.waitUntil(() -> intake.acknowledged().size() >= 40, Duration.ofSeconds(60), "40 tickets taken in");
            Instant signalled = Instant.now();
            exit = server.terminate();
            stopping = Duration.between(signalled, Instant.now());
            intake.close();
        } finally {
            server.kill();
        }
        Map<String, String> acknowledged = intake.acknowledged();
        log.info("stopped {} ms after SIGTERM (exit {}); {} requests, {} tickets taken in, {} mails sent", stopping.toMillis(),
                exit, intake.attempts().size(), acknowledged.size(), smtp.getReceivedMessages().length);

        String output = Files.readString(server.log());
        assertThat(output).contains("Graceful shutdown complete");
        assertThat(stopping).as("time to stop").isLessThan(Duration.ofSeconds(40));
        List<IntakeLoad.Attempt> refused = intake.attempts().stream()
                .filter(a -> a.status() != 201 && a.status() != 200 && a.status() != 503 && a.status() != 0)
                .collect(Collectors.toList());
        assertThat(refused).as("answers other than 201, 200 (a replay), 503 or none (the server had stopped)").isEmpty();

        assertThat(ledger.jdbc().queryForList("select subject from ticket", String.class))
                .as("tickets, each answered 201").containsExactlyInAnyOrderElementsOf(acknowledged.keySet());
        assertThat(acknowledged.values()).allSatisfy(key -> assertThat(ledger.exists(key)).as(key).isTrue());
        assertThat(ledger.withoutProcess()).as("half-made tickets").isEmpty();
        assertThat(ledger.notExactlyOneWorkTask()).as("tickets without exactly one task").isEmpty();
        assertThat(ledger.pendingWithoutExactlyOneTimer()).as("pending tickets without exactly one timer").isEmpty();
        assertThat(ledger.notExactlyOneAcknowledgement()).as("tickets without exactly one acknowledgement").isEmpty();
        assertThat(ledger.jdbc().queryForObject("select count(*) from outbound_mail where claimed_by is not null",
                Integer.class)).as("outbox rows left claimed").isZero();
    }
}
