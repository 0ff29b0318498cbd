package io.turnaround.retention;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.turnaround.ticket.TicketRetention;
import io.turnaround.ticket.TicketRetention.EngineData;
import io.turnaround.workflow.EngineRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The retention job: every night (and on an admin's request) it removes, oldest first and a batch per transaction, the
 * data {@link RetentionSettings} says has been kept long enough. One node at a time runs it ({@link RetentionLease});
 * progress goes to the log and counts to the metrics {@value #REMOVED_METRIC} and {@value #ROWS_METRIC} (tag
 * {@code what}).
 */
@Service
public class Retention {

    static final String REMOVED_METRIC = "turnaround.retention.removed";
    static final String ROWS_METRIC = "turnaround.retention.rows";
    static final String RUNS_METRIC = "turnaround.retention.runs";
    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final TicketRetention tickets;
    private final EngineRetention engine;
    private final RetentionLease lease;
    private final RetentionSettings settings;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Clock clock;
    private final String node;

    Retention(TicketRetention tickets, EngineRetention engine, RetentionLease lease, RetentionSettings settings,
              TransactionTemplate transaction, MeterRegistry meters, Clock clock,
              @Value("${narayana.transaction-manager-id:turnaround}") String node) {
        this.tickets = tickets;
        this.engine = engine;
        this.lease = lease;
        this.settings = settings;
        this.transaction = transaction;
        this.meters = meters;
        this.clock = clock;
        this.node = node;
    }

    @Scheduled(cron = "${turnaround.retention.cron:0 30 3 * * *}")
    void nightly() {
        try {
            run("schedule");
        } catch (RetentionBusyException e) {
            log.info("Retention skipped on {}: {}", node, e.getMessage());
        }
    }

    /** Runs the job now, unless a node runs it already ({@link RetentionBusyException}); answers when it is done. */
    public RetentionReport run(String trigger) {
        Instant started = clock.instant();
        String holder = node + " " + UUID.randomUUID();
        if (!Boolean.TRUE.equals(transaction.execute(s -> lease.take(holder, started, settings.lease())))) {
            throw new RetentionBusyException(lease.holder(started).map(h -> "held by " + h.substring(0, h.lastIndexOf(' ')))
                    .orElse("on another node"));
        }
        log.info("Retention started on {} ({})", node, trigger);
        Run run = new Run(holder);
        boolean complete = false;
        try {
            run.batches("raw-mail", settings.rawMail(), tickets::dropRawMail);
            run.batches("sent-mail", settings.sentMail(), tickets::deleteSentMail);
            // Tasks before logs: finding a task's sub-processes needs the process log.
            run.engine("completed-tasks", settings.completedTasks(), EngineData.TASKS, engine::removeFinishedTasks);
            run.engine("engine-logs", settings.engineLogs(), EngineData.ENGINE_LOGS, engine::removeLogs);
            run.batches("attachments", settings.attachments(),
                    (before, limit) -> tickets.dropAttachments(before, settings.attachments(), clock.instant(), limit));
            complete = true;
        } catch (LeaseLostException e) {
            log.warn("Retention on {} stopped: its lease ran out and another node may have taken over", node);
        } finally {
            transaction.executeWithoutResult(s -> lease.release(holder));
            Counter.builder(RUNS_METRIC).description("Retention runs").tag("outcome", complete ? "complete" : "stopped")
                    .register(meters).increment();
        }
        RetentionReport report = new RetentionReport(node, trigger, started, clock.instant(), complete, run.steps);
        log.info("Retention finished on {} in {} ms: {}", node, Duration.between(started, report.finished()).toMillis(),
                report.steps().stream().map(s -> s.what() + " " + s.removed()).toList());
        return report;
    }

    /** Removes up to a batch of rows older than the cut-off; returns how many. */
    private interface Batch {
        int remove(Instant before, int limit);
    }

    private final class Run {

        private final String holder;
        private final List<RetentionReport.Step> steps = new ArrayList<>();

        Run(String holder) {
            this.holder = holder;
        }

        /** A step whose batches each remove what they select, until a batch finds less than a full one. */
        void batches(String what, Duration kept, Batch batch) {
            if (kept == null) {
                steps.add(new RetentionReport.Step(what, null, 0, 0, 0));
                return;
            }
            Instant before = clock.instant().minus(kept);
            Progress progress = new Progress(what, before);
            int removed;
            do {
                Integer count = transaction.execute(s -> batch.remove(before, settings.batchSize()));
                removed = count == null ? 0 : count;
                progress.add(removed, removed);
            } while (removed >= settings.batchSize());
            steps.add(progress.done());
        }

        /** A step over the process instances of tickets resolved before the cut-off, in id order. */
        void engine(String what, Duration kept, EngineData data, Function<Collection<Long>, EngineRetention.Removed> removal) {
            if (kept == null) {
                steps.add(new RetentionReport.Step(what, null, 0, 0, 0));
                return;
            }
            Instant before = clock.instant().minus(kept);
            Progress progress = new Progress(what, before);
            long after = 0;
            while (true) {
                long from = after;
                Batched batched = transaction.execute(s -> {
                    List<Long> ids = tickets.processesOfResolvedTickets(data, before, from, settings.batchSize());
                    EngineRetention.Removed removed = removal.apply(ids);
                    tickets.engineDataRemoved(data, removed.processInstances());
                    return new Batched(ids, removed);
                });
                if (batched.selected().isEmpty()) {
                    break;
                }
                progress.add(batched.removed().processInstances().size(), batched.removed().rows());
                if (batched.selected().size() < settings.batchSize()) {
                    break;
                }
                after = batched.selected().get(batched.selected().size() - 1);
            }
            steps.add(progress.done());
        }

        /** Counts a step's batches, logs how far it got now and then, and holds the lease after each batch. */
        private final class Progress {
            private final String what;
            private final Instant before;
            private final Instant started = clock.instant();
            private Instant logged = started;
            private long removed;
            private long rows;
            private int batches;

            Progress(String what, Instant before) {
                this.what = what;
                this.before = before;
            }

            void add(long removedNow, long rowsNow) {
                batches++;
                removed += removedNow;
                rows += rowsNow;
                Counter.builder(REMOVED_METRIC).description("Messages, outbox rows, process instances or files retention removed")
                        .tag("what", what).register(meters).increment(removedNow);
                Counter.builder(ROWS_METRIC).description("Rows retention deleted or emptied").tag("what", what)
                        .register(meters).increment(rowsNow);
                Instant now = clock.instant();
                if (!Boolean.TRUE.equals(transaction.execute(s -> lease.renew(holder, now, settings.lease())))) {
                    throw new LeaseLostException();
                }
                if (Duration.between(logged, now).compareTo(PROGRESS_EVERY) >= 0) {
                    logged = now;
                    log.info("Retention {}: {} removed so far ({} rows, {} batches)", what, removed, rows, batches);
                }
            }

            RetentionReport.Step done() {
                if (removed > 0) {
                    log.info("Retention {} (older than {}): {} removed, {} rows, {} batches in {} ms", what, before,
                            removed, rows, batches, Duration.between(started, clock.instant()).toMillis());
                }
                return new RetentionReport.Step(what, before, removed, rows, batches);
            }
        }
    }

    private record Batched(List<Long> selected, EngineRetention.Removed removed) {
    }

    private static final class LeaseLostException extends RuntimeException {
    }
}
