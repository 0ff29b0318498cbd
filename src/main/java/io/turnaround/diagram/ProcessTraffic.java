package io.turnaround.diagram;

import io.turnaround.ticket.NodeCount;
import io.turnaround.ticket.NodeStays;
import io.turnaround.ticket.TicketNodeVisits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import javax.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The live counts at each node of a process. The counts are taken at each request; the median stays, a sort of a
 * week's stays (170 ms for 100,000 on PostgreSQL), are kept for {@link DiagramSettings#staysRefreshedAfter()} and then
 * taken again in the background while the kept ones are shown, so that a diagram refreshed by many viewers never waits
 * for them. Process ids come from the policy, so what is kept is bounded.
 */
@Service
class ProcessTraffic {

    private static final Logger log = LoggerFactory.getLogger(ProcessTraffic.class);

    private final TicketNodeVisits visits;
    private final DiagramSettings settings;
    private final Clock clock;
    private final Map<String, Stays> kept = new ConcurrentHashMap<>();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "diagram-stays");
        thread.setDaemon(true);
        return thread;
    });

    ProcessTraffic(TicketNodeVisits visits, DiagramSettings settings, Clock clock) {
        this.visits = visits;
        this.settings = settings;
        this.clock = clock;
    }

    /** The counts now and the median stays, both as of the instants given. */
    record Traffic(String processId, int policyVersion, Instant at, Instant staysSince, Instant staysAt,
                   List<NodeTraffic> nodes) {
    }

    private record Stays(Instant takenAt, Instant since, List<NodeStays> nodes, AtomicBoolean refreshing) {
    }

    Traffic of(String processId, int policyVersion) {
        Instant now = clock.instant();
        List<NodeCount> open = visits.openAt(processId, now);
        Stays stays = stays(processId, now);
        Map<String, NodeTraffic> nodes = new TreeMap<>();
        open.forEach(node -> nodes.put(node.nodeId(), new NodeTraffic(node.nodeId(), node.open(), node.breached(), null, 0)));
        stays.nodes().forEach(node -> {
            NodeTraffic here = nodes.get(node.nodeId());
            nodes.put(node.nodeId(), new NodeTraffic(node.nodeId(), here == null ? 0 : here.open(),
                    here == null ? 0 : here.breached(), node.median(), node.ended()));
        });
        return new Traffic(processId, policyVersion, now, stays.since(), stays.takenAt(), List.copyOf(nodes.values()));
    }

    private Stays stays(String processId, Instant now) {
        Stays stays = kept.get(processId);
        if (stays == null || settings.staysRefreshedAfter().isZero()) {
            stays = take(processId, now);
            kept.put(processId, stays);
        } else if (stays.takenAt().plus(settings.staysRefreshedAfter()).isBefore(now)
                && stays.refreshing().compareAndSet(false, true)) {
            Stays refreshing = stays;
            refresher.execute(() -> {
                try {
                    kept.put(processId, take(processId, clock.instant()));
                } catch (RuntimeException e) {
                    log.warn("The median stays of {} could not be taken again; the older ones are shown", processId, e);
                    refreshing.refreshing().set(false);
                }
            });
        }
        return stays;
    }

    private Stays take(String processId, Instant now) {
        Instant since = now.minus(settings.staysOver());
        return new Stays(now, since, visits.staysEnded(processId, since), new AtomicBoolean());
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
