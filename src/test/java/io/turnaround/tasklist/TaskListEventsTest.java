package io.turnaround.tasklist;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListEventsTest {

    @Test
    void eventsAreSpacedSoThatOpenListsFetchTwentyPagesASecondAtMost() {
        assertThat(TaskListEvents.spacing(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TaskListEvents.spacing(20)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TaskListEvents.spacing(50)).isEqualTo(Duration.ofMillis(2500));
        assertThat(TaskListEvents.spacing(200)).isEqualTo(Duration.ofSeconds(10));
    }
}
