package io.turnaround.workflow;

import org.jbpm.services.api.ProcessService;
import org.jbpm.services.api.admin.ExecutionErrorNotFoundException;
import org.jbpm.services.api.admin.ProcessInstanceAdminService;
import org.kie.api.runtime.query.QueryContext;
import org.kie.internal.runtime.error.ExecutionError;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The dead-letter list of timers. When timer work fails (a handler throws, a commit fails), jBPM rolls it back,
 * retries it {@code jbpm.quartz.failed-job-retry} times and then stops trying: the process stays where it was and
 * the timer lies dormant. Every failed attempt is stored by jBPM (table ExecutionErrorInfo, in a transaction of its
 * own); this turns them into one entry per process for managers, and re-arms a process's ladder on request.
 */
@Component
class TimerFailures {

    private static final int MOST_LISTED = 1000;

    private final ProcessInstanceAdminService admin;
    private final ProcessService processes;
    private final TransactionTemplate transaction;
    private final int retries;

    TimerFailures(ProcessInstanceAdminService admin, ProcessService processes, PlatformTransactionManager transactions,
                  @Value("${jbpm.quartz.failed-job-retry:5}") int retries) {
        this.admin = admin;
        this.processes = processes;
        this.transaction = new TransactionTemplate(transactions);
        this.retries = retries;
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
            return new FailedTimer(entry.getKey(), last.getActivityName(), errors.size(),
                    errors.get(0).getErrorDate().toInstant(), last.getErrorDate().toInstant(), last.getErrorMessage(),
                    errors.size() > retries);
        }).sorted(Comparator.comparing(FailedTimer::givenUp).reversed().thenComparing(FailedTimer::firstFailedAt)).toList();
    }

    /**
     * Tries the process's timer work again: the failures are cleared and the ladder re-reads its next rung (due by
     * now, it fires at once), in one transaction, so the re-armed timer cannot run before its failures are cleared.
     * If it fails again, it comes back on the list.
     */
    void retry(long processInstanceId) {
        transaction.executeWithoutResult(status -> {
            List<ExecutionError> errors = unacknowledged(processInstanceId);
            if (errors.isEmpty()) {
                throw new NoFailedTimerException(processInstanceId);
            }
            acknowledge(errors);
            processes.signalProcessInstance(errors.get(0).getDeploymentId(), processInstanceId,
                    TicketProcess.SLA_CLOCK_CHANGED, null);
        });
    }

    /** A rung of this process ran: earlier failed attempts of it were transient and leave the list. */
    void clear(long processInstanceId) {
        acknowledge(unacknowledged(processInstanceId));
    }

    private List<ExecutionError> unacknowledged(long processInstanceId) {
        return admin.getErrorsByProcessInstanceId(processInstanceId, false, new QueryContext(0, MOST_LISTED));
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
