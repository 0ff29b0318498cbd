package io.turnaround.tasklist;

import io.turnaround.staff.Staff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TaskListEventsTest {

    private static final Instant SEEN = Instant.parse("2026-12-07T09:00:00.123456Z");
    private static final Staff ALICE = new Staff("alice", Set.of("AGENT"), Set.of("support-desk"));
    private static final Staff MARIA = new Staff("maria", Set.of("MANAGER"), Set.of("support-managers"));

    @Test
    void theListsWaitingLongestAreToldFirstAndALimitedNumberAtEachLook() {
        long now = System.nanoTime();
        Map<String, TaskListEvents.OpenList> lists = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            TaskListEvents.OpenList list = new TaskListEvents.OpenList(ALICE, Optional.empty());
            list.changeWaits(now - 1000L * (i % 20) - i);
            lists.put("list " + i, list);
        }
        lists.put("nothing waits", new TaskListEvents.OpenList(ALICE, Optional.empty()));

        List<String> first = names(TaskListEvents.toTell(lists, now, TaskListEvents.TOLD_PER_LOOK));
        assertThat(first).hasSize(TaskListEvents.TOLD_PER_LOOK).doesNotContain("nothing waits")
                .startsWith("list 39", "list 19", "list 38", "list 18");
        TaskListEvents.toTell(lists, now, TaskListEvents.TOLD_PER_LOOK).forEach(list -> list.getValue().told(now));
        List<String> second = names(TaskListEvents.toTell(lists, now, 100));
        assertThat(second).hasSize(40 - TaskListEvents.TOLD_PER_LOOK).doesNotContainAnyElementsOf(first);
    }

    @Test
    void aListIsToldAtMostOnceASecondAndAgainWhenANewChangeWaits() {
        long now = System.nanoTime();
        TaskListEvents.OpenList list = new TaskListEvents.OpenList(ALICE, Optional.empty());
        assertThat(list.mayBeTold(now)).as("nothing waits").isFalse();
        list.changeWaits(now);
        assertThat(list.mayBeTold(now)).isTrue();
        list.told(now);
        assertThat(list.mayBeTold(now)).isFalse();
        list.changeWaits(now + 1);
        long oneSecondLater = now + TaskListEvents.TELL_AT_MOST_EVERY.toNanos();
        assertThat(list.mayBeTold(oneSecondLater - 1)).isFalse();
        assertThat(list.mayBeTold(oneSecondLater)).isTrue();
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

    private static List<String> names(List<Map.Entry<String, TaskListEvents.OpenList>> lists) {
        return lists.stream().map(Map.Entry::getKey).toList();
    }

    private static boolean concernsAlice(TaskRows.Touch touch) {
        return TaskListEvents.concerns(ALICE, Optional.of(SEEN), List.of(touch));
    }

    private static TaskRows.Touch touch(String group, String holder) {
        return new TaskRows.Touch(SEEN.plusSeconds(1), Set.of(group), holder == null ? Set.of() : Set.of(holder));
    }
}
