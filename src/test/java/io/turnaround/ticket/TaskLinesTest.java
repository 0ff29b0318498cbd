package io.turnaround.ticket;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static io.turnaround.ticket.HistoryEvent.NOTE_ADDED;
import static io.turnaround.ticket.HistoryEvent.TASK_ASSIGNED;
import static io.turnaround.ticket.HistoryEvent.TASK_CREATED;
import static io.turnaround.ticket.HistoryEvent.TASK_FORWARDED;

/** The history's task lines are read back to the group they name: who may write to a ticket depends on it. */
class TaskLinesTest {

    private static HistoryEntry line(HistoryEvent event, String detail) {
        return new HistoryEntry(Instant.EPOCH, "workflow", event.name(), detail);
    }

    @Test
    void aCreatedOrForwardedTaskNamesItsGroup() {
        assertThat(TaskLines.group(line(TASK_CREATED, TaskLines.created("Address and assign the request",
                "support-desk")))).contains("support-desk");
        assertThat(TaskLines.group(line(TASK_FORWARDED, TaskLines.forwarded("Address and assign the request",
                "on-call")))).contains("on-call");
    }

    @Test
    void aTaskNameThatReadsLikeALineDoesNotHideTheGroup() {
        String name = "Confirm 'x' for sales' to dev-team";

        assertThat(TaskLines.group(line(TASK_CREATED, TaskLines.created(name, "hosting-liaison"))))
                .contains("hosting-liaison");
        assertThat(TaskLines.group(line(TASK_FORWARDED, TaskLines.forwarded(name, "on-call")))).contains("on-call");
    }

    @Test
    void otherLinesAndTasksOfNoGroupNameNone() {
        assertThat(TaskLines.group(line(TASK_CREATED, TaskLines.created("Talk to alice", null)))).isEmpty();
        assertThat(TaskLines.group(line(TASK_ASSIGNED, "'Address and assign the request' to alice"))).isEmpty();
        assertThat(TaskLines.group(line(NOTE_ADDED, "'quoted' for sales"))).isEmpty();
        assertThat(TaskLines.group(line(TASK_CREATED, null))).isEmpty();
    }
}
