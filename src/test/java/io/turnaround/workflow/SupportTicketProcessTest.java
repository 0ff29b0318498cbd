package io.turnaround.workflow;

import io.turnaround.policy.PolicyBundle;
import io.turnaround.policy.PolicyCompiler;
import io.turnaround.policy.PolicyFixtures;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.EscalationAction;
import io.turnaround.sla.SlaLadder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.api.time.SessionPseudoClock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static io.turnaround.support.Waits.sleep;
import static io.turnaround.support.Waits.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Walks processes/support-ticket.bpmn on an in-memory engine. Routes and single timers run on a pseudo clock;
 * the escalation ladder, whose timers follow one another, climbs in real time on a policy whose Platinum
 * emergencies are due within 4 seconds (BPMN timeDate timers are measured from the wall clock).
 */
class SupportTicketProcessTest {

    private static final Duration FAST_TURNAROUND = Duration.ofSeconds(4);
    /** No failure is stored here: nothing to clear. */
    private static final TimerFailures NO_FAILURES = new TimerFailures(null, null, null, null, 5, 1000) {
        @Override
        void clear(long processInstanceId) {
        }
    };
    /** There is no task service here to store groups for. */
    private static final TaskIdentities NO_DATABASE = new TaskIdentities(null, null) {
        @Override
        void storeGroup(String group) {
        }
    };
    private static KieBase policy;
    private static KieBase fastPolicy;

    private KieSession session;
    private final HumanTasks humanTasks = new HumanTasks();
    private final FakeEscalations escalations = new FakeEscalations();

    @BeforeAll
    static void compilePolicies() {
        policy = kieBase(PolicyFixtures.shippedBundle(), "0.0.2-process-test");
        fastPolicy = kieBase(PolicyFixtures.shippedBundleWith("rules/tiers.drl",
                drl -> drl.replace(".emergencyTurnaround(\"PT30M\")", ".emergencyTurnaround(\"PT4S\")")), "0.0.3-fast-test");
    }

    private static KieBase kieBase(PolicyBundle bundle, String version) {
        return KieServices.get().newKieContainer(PolicyCompiler.compile(bundle, version)).getKieBase(PolicyCompiler.KBASE);
    }

    @AfterEach
    void dispose() {
        if (session != null) {
            session.dispose();
        }
    }

    /** A session on a pseudo clock set to now, with the Escalate task answered through the real handler. */
    private SessionPseudoClock pseudoSession(KieBase base) {
        KieSessionConfiguration config = KieServices.get().newKieSessionConfiguration();
        config.setOption(ClockTypeOption.get("pseudo"));
        session = base.newKieSession(config, null);
        SessionPseudoClock clock = session.getSessionClock();
        clock.advanceTime(System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        register(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(clock.getCurrentTime());
            }
        });
        return clock;
    }

    private void realTimeSession(KieBase base) {
        session = base.newKieSession();
        register(Clock.systemUTC());
    }

    private void register(Clock clock) {
        session.getWorkItemManager().registerWorkItemHandler("Human Task", humanTasks);
        session.getWorkItemManager().registerWorkItemHandler(TicketProcess.ESCALATE,
                new EscalateHandler(escalations, null, NO_DATABASE, NO_FAILURES, clock));
    }

    @ParameterizedTest(name = "{0} {1} -> {2} task for {3}")
    @CsvSource(delimiter = '|', textBlock = """
        EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | Confirm the hosting partner picked up the emergency
        EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | Alert the client's hosting support and track the emergency
        NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | Address and assign the request
        CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | Estimate the custom work
        TRAINING      | SELF    | TRAINING        | training         | Schedule the training or development hours
        """)
    void eachRouteReachesItsGroupsTask(Category category, Hosting hosting, Route route, String group, String taskName) {
        pseudoSession(policy);
        ProcessInstance instance = start(category, hosting, "Please help");

        Decision decision = variable(instance, TicketProcess.DECISION);
        assertThat(decision.getRoute()).isEqualTo(route);
        assertThat(humanTasks.open).singleElement().satisfies(task -> {
            assertThat(task.getParameter("GroupId")).isEqualTo(group).isEqualTo(decision.getCandidateGroup());
            assertThat(task.getParameter("TaskName")).isEqualTo(taskName);
            assertThat(task.getParameter("ticketKey")).isEqualTo("TCK-000001");
        });
    }

    @Test
    void aCodeDefectEmergencyReachesTheDevTeam() {
        pseudoSession(policy);
        ProcessInstance instance = start(null, Hosting.PARTNER, "Site is down with error 500 since your update");

        assertThat(((Decision) variable(instance, TicketProcess.DECISION)).getRoute()).isEqualTo(Route.DEV_TEAM);
        assertThat(humanTasks.open).singleElement().satisfies(task -> assertThat(task.getParameter("GroupId")).isEqualTo("dev-team"));
    }

    @Test
    void theLadderClimbsEachRungAtItsMomentAndTheBreachGivesManagersATask() {
        realTimeSession(fastPolicy);
        ProcessInstance instance = start(Category.EMERGENCY, Hosting.PARTNER, "Site down");
        Instant received = ((Decision) variable(instance, TicketProcess.DECISION)).getSlaDueAt().minus(FAST_TURNAROUND);

        waitUntil(() -> escalations.climbs.size() == 4, Duration.ofSeconds(10), "four rungs climbed");

        assertThat(escalations.climbs).extracting(c -> c.rung().step().action(), c -> c.rung().dueAt()).containsExactly(
                tuple(EscalationAction.NOTIFY_ASSIGNEE, received.plusMillis(2000)),
                tuple(EscalationAction.NOTIFY_GROUP, received.plusMillis(2000)),
                tuple(EscalationAction.NOTIFY_ASSIGNEE, received.plusMillis(3200)),
                tuple(EscalationAction.BREACH, received.plusMillis(4000)));
        escalations.climbs.forEach(c -> assertThat(Duration.between(c.rung().dueAt(), c.firedAt()))
                .as("lateness of %s", c.rung()).isBetween(Duration.ofMillis(-50), Duration.ofMillis(900)));
        waitUntil(() -> humanTasks.open.size() == 2, Duration.ofSeconds(2), "breach task created");
        assertThat(humanTasks.open.get(1).getParameter("GroupId")).isEqualTo("support-managers");
        assertThat(humanTasks.open.get(1).getParameter("TaskName")).isEqualTo("Resolve SLA breach");
        SlaLadder ladder = variable(instance, TicketProcess.LADDER);
        assertThat(ladder.getRungs()).allMatch(r -> r.state() == SlaLadder.RungState.DONE);
        assertThat(ladder.hasNext()).isFalse();
        assertThat(session.getProcessInstance(instance.getId()).getState()).isEqualTo(ProcessInstance.STATE_ACTIVE);
    }

    @Test
    void theLadderStopsAtTheFirstRungAfterTheSlaStopped() {
        realTimeSession(fastPolicy);
        escalations.slaStopped = true;
        ProcessInstance instance = start(Category.EMERGENCY, Hosting.PARTNER, "Site down");

        waitUntil(() -> escalations.climbs.size() == 1, Duration.ofSeconds(5), "first rung");
        sleep(Duration.ofMillis(2800));

        assertThat(escalations.climbs).hasSize(1);
        SlaLadder ladder = variable(instance, TicketProcess.LADDER);
        assertThat(ladder.isStopped()).isTrue();
        assertThat(humanTasks.open).extracting(t -> t.getParameter("GroupId")).containsExactly("hosting-liaison");
    }

    @Test
    void pausingHoldsTheLadderAndResumingMovesEveryRungByThePause() {
        realTimeSession(fastPolicy);
        ProcessInstance instance = start(Category.EMERGENCY, Hosting.PARTNER, "Site down");
        Instant firstDue = ((SlaLadder) variable(instance, TicketProcess.LADDER)).next().at();

        changeClock(instance, ladder -> ladder.pause(Instant.now()));
        sleep(Duration.ofMillis(3000));
        assertThat(escalations.climbs).as("nothing climbs while paused").isEmpty();
        Duration[] paused = new Duration[1];
        changeClock(instance, ladder -> paused[0] = ladder.resume(Instant.now()));

        waitUntil(() -> escalations.climbs.size() == 4, Duration.ofSeconds(10), "four rungs climbed");
        assertThat(paused[0]).isBetween(Duration.ofMillis(2900), Duration.ofMillis(4000));
        assertThat(escalations.climbs.get(0).rung().dueAt()).isEqualTo(firstDue.plus(paused[0]));
        escalations.climbs.forEach(c -> assertThat(Duration.between(c.rung().dueAt(), c.firedAt()))
                .as("lateness of %s", c.rung()).isBetween(Duration.ofMillis(-50), Duration.ofMillis(900)));
    }

    @Test
    void completingTheWorkEndsTheLadderAndTheProcess() {
        SessionPseudoClock clock = pseudoSession(policy);
        ProcessInstance instance = start(Category.NON_EMERGENCY, Hosting.PARTNER, "One user cannot log in");

        session.getWorkItemManager().completeWorkItem(humanTasks.open.remove(0).getId(), Map.of());
        clock.advanceTime(Duration.ofDays(7).toMillis(), TimeUnit.MILLISECONDS);

        assertThat(session.getProcessInstance(instance.getId())).isNull();
        assertThat(escalations.climbs).isEmpty();
    }

    /**
     * "Work done" is thrown to the ticket's own process only. Thrown to everyone (the default scope), it would stop
     * every other ticket's ladder in a shared session, and on the server it makes the engine load every open ticket's
     * process on each completed task.
     */
    @Test
    void completingOneTicketsWorkLeavesTheOtherTicketsLadderRunning() {
        SessionPseudoClock clock = pseudoSession(policy);
        ProcessInstance done = start(Category.NON_EMERGENCY, Hosting.PARTNER, "One user cannot log in");
        ProcessInstance waiting = start(Category.NON_EMERGENCY, Hosting.PARTNER, "Another user cannot log in");

        session.getWorkItemManager().completeWorkItem(humanTasks.open.remove(0).getId(), Map.of());
        clock.advanceTime(Duration.ofDays(7).toMillis(), TimeUnit.MILLISECONDS);

        assertThat(session.getProcessInstance(done.getId())).isNull();
        assertThat(session.getProcessInstance(waiting.getId()).getState()).isEqualTo(ProcessInstance.STATE_ACTIVE);
        assertThat(escalations.climbs).isNotEmpty()
                .allSatisfy(c -> assertThat(c.rung().processInstanceId()).isEqualTo(waiting.getId()));
    }

    @Test
    void theLadderIsShapedByTheRulesAlone() {
        KieBase edited = kieBase(PolicyFixtures.shippedBundleWith("rules/escalations.drl", drl -> drl
                .replace("Escalation.atPercent(50).notifyAssignee()", "Escalation.atPercent(60).raisePriority()")
                .replace("breach(\"support-managers\")", "breach(\"duty-managers\")")), "0.0.4-edited-ladder-test");
        SessionPseudoClock clock = pseudoSession(edited);
        ProcessInstance instance = start(Category.EMERGENCY, Hosting.PARTNER, "Site down");
        Instant received = Instant.ofEpochMilli(clock.getCurrentTime());

        SlaLadder ladder = variable(instance, TicketProcess.LADDER);
        assertThat(ladder.getRungs()).extracting(r -> r.step().toString(), SlaLadder.Rung::at).containsExactly(
                tuple("at 50%: NOTIFY_GROUP on-call", received.plus(Duration.ofMinutes(15))),
                tuple("at 60%: RAISE_PRIORITY", received.plus(Duration.ofMinutes(18))),
                tuple("at 80%: NOTIFY_ASSIGNEE", received.plus(Duration.ofMinutes(24))),
                tuple("at 100%: BREACH duty-managers", received.plus(Duration.ofMinutes(30))));
        // The timer's delay is taken against the wall clock, which has moved on a little since the pseudo clock was set.
        clock.advanceTime(Duration.ofMinutes(15).minusSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(escalations.climbs).isEmpty();
        clock.advanceTime(Duration.ofSeconds(1).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(escalations.climbs).extracting(c -> c.rung().step().action()).containsExactly(EscalationAction.NOTIFY_GROUP);
    }

    /** Changes the ladder the way the Java side does: in the process's session, then the signal to re-read it. */
    private void changeClock(ProcessInstance instance, Consumer<SlaLadder> change) {
        WorkflowProcessInstance live = (WorkflowProcessInstance) session.getProcessInstance(instance.getId());
        SlaLadder ladder = (SlaLadder) live.getVariable(TicketProcess.LADDER);
        change.accept(ladder);
        live.setVariable(TicketProcess.LADDER, ladder);
        session.signalEvent(TicketProcess.SLA_CLOCK_CHANGED, null, instance.getId());
    }

    private ProcessInstance start(Category category, Hosting hosting, String subject) {
        Instant receivedAt = Instant.ofEpochMilli(session.getSessionClock().getCurrentTime());
        var facts = category == null
                ? PolicyFixtures.facts(Tier.PLATINUM, hosting, subject, "", receivedAt)
                : PolicyFixtures.factsWithCategory(Tier.PLATINUM, hosting, category, receivedAt);
        return session.startProcess(TicketProcess.PROCESS_ID, TicketProcess.variables("TCK-000001", facts,
                PolicyFixtures.shippedCalendars()));
    }

    @SuppressWarnings("unchecked")
    private <T> T variable(ProcessInstance instance, String name) {
        return (T) ((WorkflowProcessInstance) session.getProcessInstance(instance.getId())).getVariable(name);
    }

    /** Answers the ladder the way the ticket store would, and remembers each climb. */
    private static final class FakeEscalations implements SlaEscalations {
        final List<Recorded> climbs = new CopyOnWriteArrayList<>();
        volatile boolean slaStopped;

        @Override
        public Climb climb(DueRung rung, Instant firedAt) {
            climbs.add(new Recorded(rung, firedAt));
            if (slaStopped) {
                return Climb.skipped("the SLA stopped", true);
            }
            return rung.step().action() == EscalationAction.BREACH ? Climb.breached("breached", rung.step().group())
                    : Climb.done("done");
        }

        record Recorded(DueRung rung, Instant firedAt) {
        }
    }
}
