package io.turnaround.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The history's task lines are read back to the group they name: who may write to a ticket depends on it. */
class TaskLinesTest {

    private static HistoryEntry line(String event, String detail) {
        return new HistoryEntry(Instant.EPOCH, "workflow", event, detail);
    }

    @Test
    void aCreatedOrForwardedTaskNamesItsGroup() {
        assertThat(TaskLines.group(line(TaskLines.CREATED, TaskLines.created("Address and assign the request",
                "support-desk")))).contains("support-desk");
        assertThat(TaskLines.group(line(TaskLines.FORWARDED, TaskLines.forwarded("Address and assign the request",
                "on-call")))).contains("on-call");
    }

    @Test
    void aTaskNameThatReadsLikeALineDoesNotHideTheGroup() {
        String name = "Confirm 'x' for sales' to dev-team";

        assertThat(TaskLines.group(line(TaskLines.CREATED, TaskLines.created(name, "hosting-liaison"))))
                .contains("hosting-liaison");
        assertThat(TaskLines.group(line(TaskLines.FORWARDED, TaskLines.forwarded(name, "on-call")))).contains("on-call");
    }

    @Test
    void otherLinesAndTasksOfNoGroupNameNone() {
        assertThat(TaskLines.group(line(TaskLines.CREATED, TaskLines.created("Talk to alice", null)))).isEmpty();
        assertThat(TaskLines.group(line(TaskLines.ASSIGNED, "'Address and assign the request' to alice"))).isEmpty();
        assertThat(TaskLines.group(line("NOTE_ADDED", "'quoted' for sales"))).isEmpty();
        assertThat(TaskLines.group(line(TaskLines.CREATED, null))).isEmpty();
    }
}
