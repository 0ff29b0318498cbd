package io.turnaround.workflow;

import org.jbpm.services.api.ProcessService;
import org.jbpm.services.api.admin.ExecutionErrorNotFoundException;
import org.jbpm.services.api.admin.ProcessInstanceAdminService;
import org.kie.api.runtime.process.ProcessInstance;
import org.kie.api.runtime.query.QueryContext;
import org.kie.internal.runtime.error.ExecutionError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dead-letter list of timers. When timer work fails (a handler throws, a commit fails), jBPM rolls it back,
 * retries it {@code jbpm.quartz.failed-job-retry} times and then stops trying: the process stays where it was and
 * the timer lies dormant. Every failed attempt is stored by jBPM (table ExecutionErrorInfo, in a transaction of its
 * own); this turns them into one entry per process for managers, and re-arms a process's timers on request.
 */
@Component
class TimerFailures {

    private static final int MOST_LISTED = 1000;
    private static final Duration GIVING_UP_MARGIN = Duration.ofSeconds(1);

    private final ProcessInstanceAdminService admin;
    private final ProcessService processes;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int retries;
    private final Duration givingUp;

    TimerFailures(ProcessInstanceAdminService admin, ProcessService processes, PlatformTransactionManager transactions,
                  Clock clock, @Value("${jbpm.quartz.failed-job-retry:5}") int retries,
                  @Value("${jbpm.quartz.failed-job-delay:1000}") long retryDelayMillis) {
        this.admin = admin;
        this.processes = processes;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.retries = retries;
        // After its last failed attempt jBPM's timer job waits (attempts x delay) before it lets go of the timer.
        this.givingUp = Duration.ofMillis(retryDelayMillis * (retries + 1)).plus(GIVING_UP_MARGIN);
    }

    /** Processes with failed attempts nobody has dealt with, those given up on first. */
    List<FailedTimer> open() {
        Map<Long, List<ExecutionError>> byProcess = admin.getErrors(false, new QueryContext(0, MOST_LISTED)).stream()
                .filter(e -> e.getProcessInstanceId() != null)
                .collect(Collectors.groupingBy(ExecutionError::getProcessInstanceId, TreeMap::new, Collectors.toList()));
        return byProcess.entrySet().stream().map(entry -> {
            List<ExecutionError> errors = entry.getValue().stream()
                    .sorted(Comparator.comparing(ExecutionError::getErrorDate)).toList();
            ExecutionError last = errors.get(errors.size() - 1);
            return new FailedTimer(entry.getKey(), ticketProcessOf(last), last.getActivityName(), errors.size(),
                    errors.get(0).getErrorDate().toInstant(), last.getErrorDate().toInstant(), last.getErrorMessage(),
                    givenUp(errors));
        }).sorted(Comparator.comparing(FailedTimer::givenUp).reversed().thenComparing(FailedTimer::firstFailedAt)).toList();
    }

    /** jBPM made its last attempt and let go of the timer (errors oldest first): until then, a retry would race it. */
    private boolean givenUp(List<ExecutionError> errors) {
        Instant last = errors.get(errors.size() - 1).getErrorDate().toInstant();
        return errors.size() > retries && !clock.instant().isBefore(last.plus(givingUp));
    }

    private long ticketProcessOf(ExecutionError failed) {
        long processInstanceId = failed.getProcessInstanceId();
        if (!QuoteProcess.PROCESS_ID.equals(failed.getProcessId())) {
            return processInstanceId;
        }
        ProcessInstance quote = processes.getProcessInstance(failed.getDeploymentId(), processInstanceId);
        return quote == null ? processInstanceId : quote.getParentProcessInstanceId();
    }

    /**
     * Tries the process's timer work again once jBPM has given up on it: its failures are cleared and its timers
     * re-armed, in one transaction, so a re-armed timer cannot run before its failures are cleared. A timer due by
     * now fires at once; if it fails again, the process comes back on the list.
     */
    void retry(long processInstanceId) {
        transaction.executeWithoutResult(status -> {
            List<ExecutionError> errors = unacknowledged(processInstanceId);
            if (errors.isEmpty()) {
                throw new NoFailedTimerException(processInstanceId);
            }
            if (!givenUp(errors)) {
                throw new TimerStillRetryingException(processInstanceId);
            }
            acknowledge(errors);
            rearm(errors.get(0));
        });
    }

    private void rearm(ExecutionError failed) {
        long processInstanceId = failed.getProcessInstanceId();
        if (QuoteProcess.PROCESS_ID.equals(failed.getProcessId())) {
            // Entering the wait for the client's answer again makes its reminder and expiry timers anew. Either may
            // have run before; reminding and expiring a quote happen once however often they are asked for.
            admin.getActiveNodeInstances(processInstanceId).stream()
                    .filter(node -> QuoteProcess.AWAIT_ANSWER.equals(node.getNodeId()))
                    .forEach(node -> admin.retriggerNodeInstance(processInstanceId, node.getId()));
        } else {
            // The ladder re-reads its next rung.
            processes.signalProcessInstance(failed.getDeploymentId(), processInstanceId,
                    TicketProcess.SLA_CLOCK_CHANGED, null);
        }
    }

    /** A rung of this process ran: earlier failed attempts of it were transient and leave the list. */
    void clear(long processInstanceId) {
        acknowledge(unacknowledged(processInstanceId));
    }

    /** Oldest first. */
    private List<ExecutionError> unacknowledged(long processInstanceId) {
        return admin.getErrorsByProcessInstanceId(processInstanceId, false, new QueryContext(0, MOST_LISTED)).stream()
                .sorted(Comparator.comparing(ExecutionError::getErrorDate)).toList();
    }

    /** jBPM refuses to acknowledge an error twice: one that a rung or another request acknowledged meanwhile is skipped. */
    private void acknowledge(List<ExecutionError> errors) {
        for (ExecutionError error : errors) {
            try {
                admin.acknowledgeError(error.getErrorId());
            } catch (ExecutionErrorNotFoundException acknowledgedMeanwhile) {
                // already off the list
            }
        }
    }
}
