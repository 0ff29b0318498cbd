package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListEventsTest {

    private static final Instant SEEN = Instant.parse("2026-12-07T09:00:00.123456Z");
    private static final Staff ALICE = new Staff("alice", Set.of("AGENT"), Set.of("support-desk"));
    private static final Staff MARIA = new Staff("maria", Set.of("MANAGER"), Set.of("support-managers"));

    @Test
    void eventsAreSpacedSoThatTheListsToldFetchTwentyPagesASecondAtMost() {
        assertThat(TaskListEvents.spacing(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TaskListEvents.spacing(20)).isEqualTo(Duration.ofSeconds(1));
        assertThat(TaskListEvents.spacing(50)).isEqualTo(Duration.ofMillis(2500));
        assertThat(TaskListEvents.spacing(200)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aChangeConcernsTheGroupAndThePeopleOfTheTaskBeforeAndAfterIt() {
        assertThat(concernsAlice(touch("support-desk", null))).isTrue();
        assertThat(concernsAlice(touch("dev-team", "alice"))).as("a task of another group she holds").isTrue();
        assertThat(concernsAlice(new TaskRows.Touch(SEEN.plusSeconds(1), Set.of("dev-team", "support-desk"),
                Set.of()))).as("forwarded from her group to another").isTrue();
        assertThat(concernsAlice(new TaskRows.Touch(SEEN.plusSeconds(1), Set.of("dev-team"), Set.of("dave", "alice"))))
                .as("delegated from her to dave").isTrue();
        assertThat(concernsAlice(touch("dev-team", "dave"))).isFalse();
        assertThat(concernsAlice(touch("dev-team", null))).isFalse();
    }

    @Test
    void aManagerHearsOfEveryChangeAndAListWhoseMarkIsUnknownOfTheNext() {
        assertThat(TaskListEvents.concerns(MARIA, Optional.of(SEEN), List.of(touch("dev-team", "dave")))).isTrue();
        assertThat(TaskListEvents.concerns(ALICE, Optional.empty(), List.of(touch("dev-team", "dave")))).isTrue();
    }

    @Test
    void changesLongBeforeTheMarkAreHeardOfAlreadyButOnesThatMayHaveCommittedLateAreNot() {
        Instant late = SEEN.minus(TaskListEvents.LATE_COMMIT).plusMillis(1);
        Instant before = SEEN.minus(TaskListEvents.LATE_COMMIT).minusMillis(1);
        assertThat(concernsAlice(new TaskRows.Touch(late, Set.of("support-desk"), Set.of()))).isTrue();
        assertThat(concernsAlice(new TaskRows.Touch(before, Set.of("support-desk"), Set.of()))).isFalse();
    }

    @Test
    void aPagesMarkComesBackAsItWasWrittenAndAnythingElseIsUnknown() {
        TaskRows.Mark mark = new TaskRows.Mark(SEEN, 42);
        assertThat(TaskRows.Mark.parse(mark.text())).contains(mark);
        assertThat(TaskRows.Mark.parse("none")).contains(new TaskRows.Mark(null, 0));
        assertThat(TaskRows.Mark.parse("None")).isEmpty();
        assertThat(TaskRows.Mark.parse("2026-12-07 42")).isEmpty();
        assertThat(TaskRows.Mark.parse("")).isEmpty();
        assertThat(TaskRows.Mark.parse(null)).isEmpty();
    }

    private static boolean concernsAlice(TaskRows.Touch touch) {
        return TaskListEvents.concerns(ALICE, Optional.of(SEEN), List.of(touch));
    }

    private static TaskRows.Touch touch(String group, String holder) {
        return new TaskRows.Touch(SEEN.plusSeconds(1), Set.of(group), holder == null ? Set.of() : Set.of(holder));
    }
}
