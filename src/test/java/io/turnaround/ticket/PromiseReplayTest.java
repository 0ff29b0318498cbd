package io.turnaround.ticket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Promises read back from history lines as the server writes them. */
class PromiseReplayTest {

    private static final Instant RECEIVED = Instant.parse("2026-11-02T17:00:00Z");

    @Test
    void aDecisionLineReadsBackWithAReasonThatLooksLikeTheLineItself() {
        String detail = "NON_EMERGENCY (matched \"down -> up\" (twice), for x, PT1H on the y clock) -> SUPPORT_DESK"
                + " for support-desk, GOLD plan: PT12H on the BUSINESS_HOURS clock, due 2026-11-03T17:00:00Z"
                + " (after PT1H paused)";

        PromiseLines.Decided decided = PromiseLines.readDecided("policy v3", detail).orElseThrow();

        assertThat(decided).isEqualTo(new PromiseLines.Decided(3, "GOLD", "NON_EMERGENCY", "SUPPORT_DESK",
                "support-desk", Duration.ofHours(12), "BUSINESS_HOURS", Instant.parse("2026-11-03T17:00:00Z")));
        assertThat(PromiseLines.readDecided("alice", detail)).as("only a policy decides").isEmpty();
        assertThat(PromiseLines.readDecided("policy v1", "EMERGENCY (x) -> HOSTING_PARTNER for hosting-liaison,"
                + " PT30M on the 24x7 clock, due 2026-11-02T17:30:00Z").orElseThrow().tier())
                .as("a line written before the tier was").isNull();
    }

    @Test
    void aStoppedLineReadsBackWhatItWrote() {
        String line = PromiseLines.stopped("hana", RECEIVED, RECEIVED, "BREACHED", Duration.ofMinutes(45), "24x7");

        assertThat(PromiseLines.readStopped(line)).contains(new PromiseLines.Stopped("hana", "BREACHED",
                Duration.ofMinutes(45)));
        assertThat(PromiseLines.readStopped("assigned to hana at " + RECEIVED + ", due " + RECEIVED + ": met"))
                .contains(new PromiseLines.Stopped("hana", "MET", null));
    }

    @Test
    void aReopenedTicketHasTwoPromisesAndAReDecisionReplacesTheFirstOnesDecision() {
        Instant reopened = RECEIVED.plus(Duration.ofDays(3));
        List<HistoryEntry> lines = List.of(
                line(0, "policy v1", "DECIDED", decided("NON_EMERGENCY", "PT12H", RECEIVED.plus(Duration.ofHours(12)))),
                line(10, "alice", "REPLY_QUEUED", "to someone: hello"),
                line(20, "maria", "CATEGORY_CORRECTED", "NON_EMERGENCY -> EMERGENCY"),
                line(20, "policy v1", "DECIDED", decided("EMERGENCY", "PT4H", RECEIVED.plus(Duration.ofHours(4)))),
                line(30, "alice", "WAITING", "on customer" + PromiseLines.PAUSED),
                line(90, "alice", "WAITING_ENDED", "waited on customer; the SLA clock runs again after PT1H of paused"
                        + " 24x7 time, due 2026-11-02T22:00:00Z"),
                line(120, "alice", "SLA_STOPPED", "assigned to alice at x, due y: met; ran PT1H on its 24x7 clock"),
                line(180, "alice", "TASK_COMPLETED", "'Handle request'"),
                new HistoryEntry(reopened, "someone", "REOPENED", "the customer wrote again at " + reopened
                        + "; decided anew from then by policy v1"),
                new HistoryEntry(reopened, "policy v1", "DECIDED", decided("NON_EMERGENCY", "PT12H",
                        reopened.plus(Duration.ofHours(12)))),
                new HistoryEntry(reopened.plus(Duration.ofHours(13)), "sla-timer", "SLA_BREACHED", "nobody assigned"));

        List<PromiseReplay.Promise> promises = PromiseReplay.of(new PromiseReplay.TicketFacts(1, 2L, "SILVER", RECEIVED,
                null), lines);

        assertThat(promises).hasSize(2);
        PromiseReplay.Promise first = promises.get(0);
        assertThat(first.category).isEqualTo("EMERGENCY");
        assertThat(first.clockFrom).isEqualTo(RECEIVED);
        assertThat(first.nextClockFrom).isEqualTo(reopened);
        assertThat(first.dueAt).isEqualTo(Instant.parse("2026-11-02T22:00:00Z"));
        assertThat(first.pausedTotal).isEqualTo(Duration.ofHours(1));
        assertThat(first.paused).isTrue();
        assertThat(first.outcome).isEqualTo("MET");
        assertThat(first.ranOnItsClock).isEqualTo(Duration.ofHours(1));
        assertThat(first.firstResponseAt).isEqualTo(RECEIVED.plus(Duration.ofMinutes(10)));
        assertThat(first.resolvedAt).isEqualTo(RECEIVED.plus(Duration.ofMinutes(180)));
        PromiseReplay.Promise second = promises.get(1);
        assertThat(second.clockFrom).isEqualTo(reopened);
        assertThat(second.outcome).isEqualTo("BREACHED");
        assertThat(second.breachedAt).isEqualTo(reopened.plus(Duration.ofHours(13)));
        assertThat(second.firstResponseAt).isNull();
        assertThat(second.tier).isEqualTo("GOLD");
    }

    private static String decided(String category, String target, Instant due) {
        return category + " (a reason) -> SUPPORT_DESK for support-desk, GOLD plan: " + target + " on the 24x7 clock,"
                + " due " + due;
    }

    private static HistoryEntry line(int minutes, String actor, String event, String detail) {
        return new HistoryEntry(RECEIVED.plus(Duration.ofMinutes(minutes)), actor, event, detail);
    }
}
