package io.turnaround.report;

import io.turnaround.ticket.TicketBacklog.OpenTicket;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backlog's counts against a fixture counted by hand: eleven open tickets, each bucket's edges (4 h old is no
 * longer "1–4 h", half the turnaround left is "more", due now is overdue), paused, met, breached and undecided ones.
 */
class BacklogTest {

    private static final Instant NOW = Instant.parse("2026-03-09T18:00:00Z");

    private static final List<OpenTicket> TICKETS = List.of(
            // 1: 30 min old, 11.5 of 12 h left
            ticket(min(30), "support-desk", "PT12H", NOW.plus(Duration.ofMinutes(690)), null, null),
            // 2: 2 h old, exactly half of 4 h left
            ticket(hours(2), "support-desk", "PT4H", NOW.plus(Duration.ofHours(2)), null, null),
            // 3: 3 h old, 59 of 240 min left
            ticket(hours(3), "dev-team", "PT4H", NOW.plus(Duration.ofMinutes(59)), null, null),
            // 4: exactly 4 h old, due 3.5 h ago
            ticket(hours(4), "hosting-liaison", "PT30M", NOW.minus(Duration.ofMinutes(210)), null, null),
            // 5: 23 h old, 5 of 12 business hours left
            ticket(hours(23), "support-desk", "PT12H", NOW.plus(Duration.ofHours(5)), null, null),
            // 6: a day old, assigned in time
            ticket(hours(24), "support-desk", "PT12H", NOW.minus(Duration.ofHours(12)), "MET", null),
            // 7: just under 3 days old, assigned late
            ticket(min(72 * 60 - 1), "dev-team", "PT4H", NOW.minus(Duration.ofHours(60)), "BREACHED", null),
            // 8: 3 days old, waiting on the customer with the clock paused
            ticket(hours(72), "support-desk", "PT12H", NOW.minus(Duration.ofHours(1)), null, NOW.minus(Duration.ofHours(2))),
            // 9: 10 days in triage, not decided
            ticket(hours(240), null, null, null, null, null),
            // 10: 10 min old, due this very instant
            ticket(min(10), "support-desk", "PT1H", NOW, null, null),
            // 11: breached, then paused
            ticket(hours(5), "hosting-liaison", "PT30M", NOW.minus(Duration.ofHours(4)), "BREACHED", NOW.minus(Duration.ofHours(1))));

    @Test
    void openTicketsAreCountedByAgeTimeLeftAndGroup() {
        Backlog backlog = Backlog.of(TICKETS, NOW);

        assertThat(backlog.open()).isEqualTo(11);
        assertThat(backlog.byAge()).containsExactly(count("< 1 h", 2), count("1–4 h", 2), count("4–24 h", 3),
                count("1–3 d", 2), count("> 3 d", 2));
        assertThat(backlog.byTimeLeft()).containsExactly(count("overdue", 4), count("< 25% left", 1),
                count("< 50% left", 1), count("more", 2), count("paused", 1), count("met", 1),
                count("not decided yet", 1));
        assertThat(backlog.byGroup()).containsExactly(new Backlog.GroupCount("support-desk", 6, 1),
                new Backlog.GroupCount("dev-team", 2, 1), new Backlog.GroupCount("hosting-liaison", 2, 2),
                new Backlog.GroupCount("(none: in triage)", 1, 0));
    }

    @Test
    void anEmptyBacklogStillListsEveryBucket() {
        Backlog backlog = Backlog.of(List.of(), NOW);

        assertThat(backlog.byAge()).extracting(Backlog.Count::count).containsOnly(0).hasSize(5);
        assertThat(backlog.byTimeLeft()).extracting(Backlog.Count::count).containsOnly(0).hasSize(7);
        assertThat(backlog.byGroup()).isEmpty();
    }

    @Test
    void eachTableIsItsOwnCsvAndAGroupNamedLikeAFormulaIsDefused() {
        Backlog backlog = Backlog.of(List.of(ticket(min(5), "=HYPERLINK(\"x\")", "PT1H", NOW.plus(Duration.ofMinutes(55)),
                null, null)), NOW);

        assertThat(BacklogCsv.write(backlog, BacklogCsv.Table.AGE)).startsWith("\"Age\",\"Open tickets\"\r\n"
                + "\"< 1 h\",\"1\"\r\n\"1–4 h\",\"0\"\r\n");
        assertThat(BacklogCsv.write(backlog, BacklogCsv.Table.TIME_LEFT)).contains("\"more\",\"1\"\r\n");
        assertThat(BacklogCsv.write(backlog, BacklogCsv.Table.GROUP)).isEqualTo("\"Group\",\"Open tickets\",\"Overdue\"\r\n"
                + "\"'=HYPERLINK(\"\"x\"\")\",\"1\",\"0\"\r\n");
    }

    private static Instant min(long minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static Instant hours(long hours) {
        return NOW.minus(Duration.ofHours(hours));
    }

    private static OpenTicket ticket(Instant receivedAt, String group, String target, Instant dueAt, String outcome,
                                     Instant pausedAt) {
        return new OpenTicket(receivedAt, group, target == null ? null : Duration.parse(target), dueAt, outcome, pausedAt);
    }

    private static Backlog.Count count(String bucket, int count) {
        return new Backlog.Count(bucket, count);
    }
}
