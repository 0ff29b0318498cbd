package io.turnaround.workflow;

import io.turnaround.policy.PolicyCompiler;
import io.turnaround.policy.PolicyFixtures;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;
import org.kie.api.time.SessionPseudoClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks processes/support-ticket.bpmn on an in-memory engine with a pseudo clock: each route reaches
 * its group's task, and the SLA timer fires at the due instant without waiting in real time.
 */
class SupportTicketProcessTest {

    private static KieBase policy;

    private KieSession session;
    private SessionPseudoClock clock;
    private final HumanTasks humanTasks = new HumanTasks();
    private final BreachRecorder breachRecorder = new BreachRecorder();

    @BeforeAll
    static void compileShippedPolicy() {
        policy = KieServices.get()
                .newKieContainer(PolicyCompiler.compile(PolicyFixtures.shippedBundle(), "0.0.2-process-test"))
                .getKieBase(PolicyCompiler.KBASE);
    }

    @BeforeEach
    void newSession() {
        KieSessionConfiguration config = KieServices.get().newKieSessionConfiguration();
        config.setOption(ClockTypeOption.get("pseudo"));
        session = policy.newKieSession(config, null);
        clock = session.getSessionClock();
        // BPMN timeDate timers are measured from the wall clock: start the pseudo clock at "now".
        clock.advanceTime(System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        session.getWorkItemManager().registerWorkItemHandler("Human Task", humanTasks);
        session.getWorkItemManager().registerWorkItemHandler(TicketProcess.RECORD_SLA_BREACH, breachRecorder);
    }

    @AfterEach
    void dispose() {
        session.dispose();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} task for {3}")
    @CsvSource(delimiter = '|', textBlock = """
        EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | Confirm the hosting partner picked up the emergency
        EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | Alert the client's hosting support and track the emergency
        NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | Address and assign the request
        CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | Prepare a custom-work quote
        TRAINING      | SELF    | TRAINING        | training         | Schedule the training or development hours
        """)
    void eachRouteReachesItsGroupsTask(Category category, Hosting hosting, Route route, String group, String taskName) {
        ProcessInstance instance = start(category, hosting, "Please help");

        Decision decision = decisionOf(instance);
        assertThat(decision.getRoute()).isEqualTo(route);
        assertThat(humanTasks.open).singleElement().satisfies(task -> {
            assertThat(task.getParameter("GroupId")).isEqualTo(group).isEqualTo(decision.getCandidateGroup());
            assertThat(task.getParameter("TaskName")).isEqualTo(taskName);
            assertThat(task.getParameter("ticketKey")).isEqualTo("TCK-000001");
        });
    }

    @Test
    void aCodeDefectEmergencyReachesTheDevTeam() {
        ProcessInstance instance = start(null, Hosting.PARTNER, "Site is down with error 500 since your update");

        assertThat(decisionOf(instance).getRoute()).isEqualTo(Route.DEV_TEAM);
        assertThat(humanTasks.open).singleElement().satisfies(task -> assertThat(task.getParameter("GroupId")).isEqualTo("dev-team"));
    }

    @Test
    void unassignedTicketEscalatesToManagersAtTheDueInstant() {
        ProcessInstance instance = start(Category.EMERGENCY, Hosting.PARTNER, "Site down");
        breachRecorder.stillUnassigned = true;

        clock.advanceTime(Duration.ofMinutes(29).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(breachRecorder.calls).isEmpty();

        clock.advanceTime(Duration.ofMinutes(1).toMillis(), TimeUnit.MILLISECONDS);
        assertThat(breachRecorder.calls).containsExactly("TCK-000001");
        assertThat(humanTasks.open).extracting(t -> t.getParameter("GroupId")).containsExactly("hosting-liaison", "support-managers");
        assertThat(humanTasks.open.get(1).getParameter("TaskName")).isEqualTo("Resolve SLA breach");
        assertThat(instance.getState()).isEqualTo(ProcessInstance.STATE_ACTIVE);
    }

    @Test
    void ticketAssignedInTimeDoesNotEscalate() {
        start(Category.EMERGENCY, Hosting.PARTNER, "Site down");
        breachRecorder.stillUnassigned = false;

        clock.advanceTime(Duration.ofMinutes(31).toMillis(), TimeUnit.MILLISECONDS);

        assertThat(breachRecorder.calls).containsExactly("TCK-000001");
        assertThat(humanTasks.open).extracting(t -> t.getParameter("GroupId")).containsExactly("hosting-liaison");
    }

    @Test
    void completingTheWorkEndsTheProcessAndCancelsTheTimer() {
        ProcessInstance instance = start(Category.NON_EMERGENCY, Hosting.PARTNER, "One user cannot log in");

        session.getWorkItemManager().completeWorkItem(humanTasks.open.remove(0).getId(), Map.of());
        clock.advanceTime(Duration.ofDays(7).toMillis(), TimeUnit.MILLISECONDS);

        assertThat(session.getProcessInstance(instance.getId())).isNull();
        assertThat(breachRecorder.calls).isEmpty();
    }

    private ProcessInstance start(Category category, Hosting hosting, String subject) {
        Instant receivedAt = Instant.ofEpochMilli(clock.getCurrentTime());
        var facts = category == null
                ? PolicyFixtures.facts(Tier.PLATINUM, hosting, subject, "", receivedAt)
                : PolicyFixtures.factsWithCategory(Tier.PLATINUM, hosting, category, receivedAt);
        return session.startProcess(TicketProcess.PROCESS_ID, TicketProcess.variables("TCK-000001", facts,
                PolicyFixtures.shippedCalendars()));
    }

    private static Decision decisionOf(ProcessInstance instance) {
        return (Decision) ((org.kie.api.runtime.process.WorkflowProcessInstance) instance).getVariable(TicketProcess.DECISION);
    }

    /** Stands in for the human task service: keeps the work items it was given. */
    private static final class HumanTasks implements WorkItemHandler {
        final List<WorkItem> open = new ArrayList<>();

        @Override
        public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
            open.add(workItem);
        }

        @Override
        public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
            open.removeIf(w -> w.getId() == workItem.getId());
        }
    }

    /** Answers the process's "still unassigned?" question the way the ticket store would. */
    private static final class BreachRecorder implements WorkItemHandler {
        final List<String> calls = new ArrayList<>();
        boolean stillUnassigned;

        @Override
        public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
            calls.add((String) workItem.getParameter("ticketKey"));
            manager.completeWorkItem(workItem.getId(), Map.of("breached", stillUnassigned));
        }

        @Override
        public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        }
    }
}
