package io.turnaround.workflow;

import io.turnaround.policy.PolicyCompiler;
import io.turnaround.policy.PolicyFixtures;
import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.process.DefaultProcessEventListener;
import org.kie.api.event.process.ProcessCompletedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ClockTypeOption;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.kie.api.time.SessionPseudoClock;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks a custom-work ticket through processes/support-ticket.bpmn and the quote it calls, processes/custom-quote.bpmn,
 * on an in-memory engine with a pseudo clock: the timers of the reminder (P3D) and the expiry (P14D) fire when the
 * clock is moved on, without waiting.
 */
class CustomQuoteProcessTest {

    private static final long QUOTE_ID = 42;
    private static KieBase policy;

    private KieSession session;
    private SessionPseudoClock clock;
    private final HumanTasks humanTasks = new HumanTasks();
    private final FakeQuoteSteps steps = new FakeQuoteSteps();
    private final Map<String, Object> outcomes = new ConcurrentHashMap<>();

    @BeforeAll
    static void compilePolicy() {
        policy = KieServices.get().newKieContainer(PolicyCompiler.compile(PolicyFixtures.shippedBundle(),
                "0.0.5-quote-test")).getKieBase(PolicyCompiler.KBASE);
    }

    @BeforeEach
    void pseudoSession() {
        KieSessionConfiguration config = KieServices.get().newKieSessionConfiguration();
        config.setOption(ClockTypeOption.get("pseudo"));
        session = policy.newKieSession(config, null);
        clock = session.getSessionClock();
        clock.advanceTime(System.currentTimeMillis(), TimeUnit.MILLISECONDS);
        Clock now = new PseudoClock(clock);
        TimerFailures noFailures = new TimerFailures(null, null, null, null, 5, 1000) {
            @Override
            void clear(long processInstanceId) {
            }
        };
        TaskIdentities noDatabase = new TaskIdentities(null, null) {
            @Override
            void storeGroup(String group) {
            }
        };
        var items = session.getWorkItemManager();
        items.registerWorkItemHandler("Human Task", humanTasks);
        // The SLA stopped when sales took the estimate: the ladder's next rung ends it.
        items.registerWorkItemHandler(TicketProcess.ESCALATE, new EscalateHandler((rung, firedAt) ->
                SlaEscalations.Climb.skipped("the SLA stopped", true), null, noDatabase, noFailures, now));
        items.registerWorkItemHandler(QuoteProcess.PRICE, new PriceQuoteHandler(steps, now));
        items.registerWorkItemHandler(QuoteProcess.REMIND, new RemindQuoteHandler(steps, noFailures, now));
        items.registerWorkItemHandler(QuoteProcess.EXPIRE, new ExpireQuoteHandler(steps, noFailures, now));
        session.addEventListener(new DefaultProcessEventListener() {
            @Override
            public void beforeProcessCompleted(ProcessCompletedEvent event) {
                WorkflowProcessInstance instance = (WorkflowProcessInstance) event.getProcessInstance();
                if (QuoteProcess.PROCESS_ID.equals(instance.getProcessId())) {
                    outcomes.put(QuoteProcess.OUTCOME, String.valueOf(instance.getVariable(QuoteProcess.OUTCOME)));
                }
            }
        });
    }

    @AfterEach
    void dispose() {
        session.dispose();
    }

    @Test
    void theEstimateIsPricedWithItsDeadlinesFromTheBpmn() {
        ProcessInstance ticket = customWorkTicket();
        Instant estimatedAt = now();

        WorkItem estimate = humanTasks.open.get(0);
        assertThat(estimate.getParameter("TaskName")).isEqualTo("Estimate the custom work");
        assertThat(estimate.getParameter("GroupId")).isEqualTo("sales");
        estimate(estimate, "100", "A custom payout report");

        assertThat(steps.estimates).singleElement().satisfies(e -> {
            assertThat(e.ticketKey()).isEqualTo("TCK-000001");
            assertThat(e.hours()).isEqualByComparingTo("100");
            assertThat(e.description()).isEqualTo("A custom payout report");
            assertThat(e.processInstanceId()).isNotEqualTo(ticket.getId());
            assertThat(Duration.between(estimatedAt, e.expiresAt())).isEqualTo(Duration.ofDays(14));
        });
        WorkflowProcessInstance quote = quoteProcess();
        assertThat(quote.getVariable(QuoteProcess.QUOTE_ID)).isEqualTo(QUOTE_ID);
        assertThat(Instant.parse((String) quote.getVariable("reminderAt"))).isEqualTo(estimatedAt.plus(Duration.ofDays(3)));
        assertThat(humanTasks.open).isEmpty();
    }

    @Test
    void acceptingGivesTheDevTeamTheQuotedWork() {
        ProcessInstance ticket = customWorkTicket();
        estimate(humanTasks.open.get(0), "100", "A custom payout report");

        answer("ACCEPTED");

        assertThat(outcomes).containsEntry(QuoteProcess.OUTCOME, "ACCEPTED");
        assertThat(humanTasks.open).singleElement().satisfies(task -> {
            assertThat(task.getParameter("TaskName")).isEqualTo("Develop the quoted custom work");
            assertThat(task.getParameter("GroupId")).isEqualTo("dev-team");
            assertThat(task.getParameter("ticketKey")).isEqualTo("TCK-000001");
            assertThat(task.getParameter(QuoteProcess.QUOTE_ID)).isEqualTo(QUOTE_ID);
        });
        assertThat(session.getProcessInstance(ticket.getId()).getState()).isEqualTo(ProcessInstance.STATE_ACTIVE);

        session.getWorkItemManager().completeWorkItem(humanTasks.open.remove(0).getId(), Map.of());
        advance(Duration.ofDays(20));
        assertThat(session.getProcessInstance(ticket.getId())).isNull();
        assertThat(steps.reminded).isEmpty();
        assertThat(steps.expired).isEmpty();
    }

    @Test
    void decliningEndsTheQuoteAndTheTicketsWork() {
        ProcessInstance ticket = customWorkTicket();
        estimate(humanTasks.open.get(0), "12.5", "A new dashboard tile");

        answer("DECLINED");
        advance(Duration.ofDays(20));

        assertThat(outcomes).containsEntry(QuoteProcess.OUTCOME, "DECLINED");
        assertThat(humanTasks.open).isEmpty();
        assertThat(session.getProcessInstance(ticket.getId())).isNull();
        assertThat(steps.reminded).isEmpty();
        assertThat(steps.expired).isEmpty();
    }

    @Test
    void withoutAnAnswerTheClientIsRemindedAfterThreeDaysAndTheQuoteExpiresAfterFourteen() {
        ProcessInstance ticket = customWorkTicket();
        estimate(humanTasks.open.get(0), "100", "A custom payout report");

        advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(steps.reminded).isEmpty();
        advance(Duration.ofMinutes(2));
        assertThat(steps.reminded).containsExactly(QUOTE_ID);
        assertThat(quoteProcess().getState()).isEqualTo(ProcessInstance.STATE_ACTIVE);

        advance(Duration.ofDays(11).minusMinutes(2));
        assertThat(steps.expired).isEmpty();
        advance(Duration.ofMinutes(2));

        assertThat(steps.expired).containsExactly(QUOTE_ID);
        assertThat(outcomes).containsEntry(QuoteProcess.OUTCOME, "EXPIRED");
        assertThat(steps.reminded).containsExactly(QUOTE_ID);
        assertThat(humanTasks.open).isEmpty();
        assertThat(session.getProcessInstance(ticket.getId())).isNull();
    }

    @Test
    void anAnswerAfterTheReminderStillCounts() {
        customWorkTicket();
        estimate(humanTasks.open.get(0), "100", "A custom payout report");
        advance(Duration.ofDays(4));

        answer("ACCEPTED");

        assertThat(steps.reminded).containsExactly(QUOTE_ID);
        assertThat(humanTasks.open).extracting(t -> t.getParameter("GroupId")).containsExactly("dev-team");
        advance(Duration.ofDays(20));
        assertThat(steps.expired).isEmpty();
    }

    private ProcessInstance customWorkTicket() {
        var facts = PolicyFixtures.factsWithCategory(Tier.PLATINUM, Hosting.PARTNER, Category.CUSTOM_WORK, now());
        return session.startProcess(TicketProcess.PROCESS_ID, TicketProcess.variables("TCK-000001", facts,
                PolicyFixtures.shippedCalendars()));
    }

    private void estimate(WorkItem task, String hours, String description) {
        humanTasks.open.remove(task);
        session.getWorkItemManager().completeWorkItem(task.getId(), Map.of(QuoteProcess.HOURS, new BigDecimal(hours),
                QuoteProcess.DESCRIPTION, description));
    }

    private void answer(String answer) {
        session.signalEvent(QuoteProcess.ANSWERED, answer, quoteProcess().getId());
    }

    private WorkflowProcessInstance quoteProcess() {
        List<ProcessInstance> quotes = session.getProcessInstances().stream()
                .filter(p -> QuoteProcess.PROCESS_ID.equals(p.getProcessId())).toList();
        assertThat(quotes).hasSize(1);
        return (WorkflowProcessInstance) quotes.get(0);
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.getCurrentTime());
    }

    private void advance(Duration by) {
        clock.advanceTime(by.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Answers the quote's steps the way the quote desk would, and remembers each. */
    private static final class FakeQuoteSteps implements QuoteSteps {
        final List<Estimate> estimates = new CopyOnWriteArrayList<>();
        final List<Long> reminded = new CopyOnWriteArrayList<>();
        final List<Long> expired = new CopyOnWriteArrayList<>();

        @Override
        public long price(Estimate estimate) {
            estimates.add(estimate);
            return QUOTE_ID;
        }

        @Override
        public void remind(long quoteId, Instant at) {
            reminded.add(quoteId);
        }

        @Override
        public void expire(long quoteId, Instant at) {
            expired.add(quoteId);
        }
    }

    /** The session's pseudo clock as a java.time clock, for the handlers. */
    private static final class PseudoClock extends Clock {
        private final SessionPseudoClock pseudo;

        PseudoClock(SessionPseudoClock pseudo) {
            this.pseudo = pseudo;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(pseudo.getCurrentTime());
        }
    }
}
