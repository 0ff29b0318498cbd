package io.turnaround.tasklist;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class ShownRowsTest {

    private static final Instant AT = Instant.parse("2026-12-07T09:00:00Z");
    private static final TaskRow ROW = new TaskRow(7, "Address and assign the request", "support-desk", null, "READY",
            "TCK-000007", "Goldcrest Live", "GOLD", "NON_EMERGENCY", false, "SUPPORT_DESK", AT, Duration.ofHours(12),
            AT.plus(Duration.ofHours(12)), null, null, AT);

    @Test
    void aRowKeepsItsVersionUntilSomethingItsRenderingReadsChanges() {
        String version = version(ROW, List.of("alice", "dave"), "/tasks", "Europe/Paris");
        assertThat(version).hasSize(12).matches("[A-Za-z0-9_-]+");
        assertThat(version(ROW, List.of("alice", "dave"), "/tasks", "Europe/Paris")).isEqualTo(version);

        TaskRow claimed = new TaskRow(7, ROW.name(), ROW.candidateGroup(), "alice", "RESERVED", ROW.ticketKey(),
                ROW.client(), ROW.tier(), ROW.category(), false, ROW.route(), ROW.receivedAt(), ROW.slaTarget(), ROW.slaDueAt(),
                null, null, ROW.createdAt());
        TaskRow paused = new TaskRow(7, ROW.name(), ROW.candidateGroup(), null, "READY", ROW.ticketKey(), ROW.client(),
                ROW.tier(), ROW.category(), false, ROW.route(), ROW.receivedAt(), ROW.slaTarget(), ROW.slaDueAt(), null, AT,
                ROW.createdAt());
        assertThat(List.of(version(claimed, List.of("alice", "dave"), "/tasks", "Europe/Paris"),
                version(paused, List.of("alice", "dave"), "/tasks", "Europe/Paris"),
                version(ROW, List.of("alice", "dave", "erin"), "/tasks", "Europe/Paris"),
                version(ROW, List.of("alice", "dave"), "/tasks?scope=MINE", "Europe/Paris"),
                version(ROW, List.of("alice", "dave"), "/tasks", "America/Los_Angeles")))
                .doesNotContain(version).doesNotHaveDuplicates();
    }

    @Test
    void theShownRowsAreReadFromIdDotVersionPairsAndAnythingElseIsLeftOut() {
        assertThat(ShownRows.parse("7.abc,8.def")).containsEntry(7L, "abc").containsEntry(8L, "def").hasSize(2);
        assertThat(ShownRows.parse("x.abc,.abc,7,99999999999999999999.abc, 9 . ghi ")).containsOnlyKeys(9L)
                .containsEntry(9L, "ghi");
        assertThat(ShownRows.parse("")).isEmpty();
        assertThat(ShownRows.parse(null)).isEmpty();
        String many = IntStream.range(0, 1000).mapToObj(i -> i + ".v").collect(Collectors.joining(","));
        assertThat(ShownRows.parse(many)).hasSize(ShownRows.MOST);
    }

    private static String version(TaskRow row, List<String> assignees, String returnTo, String zone) {
        return ShownRows.version(row, assignees, returnTo, zone);
    }
}
