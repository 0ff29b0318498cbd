package io.turnaround.workflow;

import org.jbpm.process.instance.InternalProcessRuntime;
import org.jbpm.process.instance.timer.TimerInstance;
import org.jbpm.workflow.instance.node.StateBasedNodeInstance;
import org.jbpm.workflow.instance.node.TimerNodeInstance;
import org.kie.api.event.process.DefaultProcessEventListener;
import org.kie.api.event.process.ProcessNodeEvent;
import org.kie.api.event.process.ProcessNodeLeftEvent;
import org.kie.api.event.process.ProcessNodeTriggeredEvent;
import org.kie.api.runtime.process.NodeInstance;
import org.kie.api.runtime.process.WorkflowProcessInstance;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells every {@link NodeVisitObserver} which BPMN nodes ticket processes entered and left (registered by jBPM's Spring
 * factory). The engine's own audit log is off; this keeps only what the diagrams show, gathered per transaction so
 * that a ticket's start writes its dozen nodes in one batch. A node jBPM adds of its own (no BPMN id) is not a visit.
 * A timer event's visit carries the instant it fires; an activity's, the soonest of the timers on its boundary.
 */
@Component
class NodeVisitBridge extends DefaultProcessEventListener {

    private static final String UNIQUE_ID = "UniqueId";

    private final List<NodeVisitObserver> observers;
    private final Clock clock;

    NodeVisitBridge(List<NodeVisitObserver> observers, Clock clock) {
        this.observers = observers;
        this.clock = clock;
    }

    @Override
    public void beforeNodeTriggered(ProcessNodeTriggeredEvent event) {
        Visit visit = visitOf(event);
        if (visit != null) {
            visit.enteredAt = clock.instant();
            visited(visit);
        }
    }

    // After: the timers are registered by the time the node has been triggered.
    @Override
    public void afterNodeTriggered(ProcessNodeTriggeredEvent event) {
        Instant due = timerDueAt(event);
        if (due != null) {
            Visit visit = visitOf(event);
            if (visit != null) {
                visit.timerDueAt = due;
                visited(visit);
            }
        }
    }

    // Also told when a node is cancelled: the other branches of an event gateway, or an aborted process.
    @Override
    public void afterNodeLeft(ProcessNodeLeftEvent event) {
        Visit visit = visitOf(event);
        if (visit != null) {
            visit.leftAt = clock.instant();
            visited(visit);
        }
    }

    /** A timer event's instant, or the soonest of the timers on an activity's boundary; null without a timer. */
    private static Instant timerDueAt(ProcessNodeTriggeredEvent event) {
        if (event.getNodeInstance() instanceof TimerNodeInstance timer) {
            return timer.getTimerInstance() == null ? null : dueAt(timer.getTimerInstance());
        }
        if (event.getNodeInstance() instanceof StateBasedNodeInstance activity && activity.getTimerInstances() != null
                && event.getProcessInstance() instanceof org.jbpm.process.instance.ProcessInstance process) {
            Map<Long, TimerInstance> timers = ((InternalProcessRuntime) process.getKnowledgeRuntime().getProcessRuntime())
                    .getTimerManager().getTimerMap();
            return activity.getTimerInstances().stream().map(timers::get).filter(Objects::nonNull)
                    .map(NodeVisitBridge::dueAt).filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        }
        return null;
    }

    private static Instant dueAt(TimerInstance timer) {
        return timer.getActivated() == null ? null : timer.getActivated().toInstant().plusMillis(timer.getDelay());
    }

    private Visit visitOf(ProcessNodeEvent event) {
        NodeInstance node = event.getNodeInstance();
        Object nodeId = node.getNode() == null ? null : node.getNode().getMetaData().get(UNIQUE_ID);
        Object ticketKey = event.getProcessInstance() instanceof WorkflowProcessInstance process
                ? process.getVariable(TicketProcess.TICKET_KEY) : null;
        if (nodeId == null || ticketKey == null) {
            return null;
        }
        Visits visits = transactionVisits();
        long processInstanceId = event.getProcessInstance().getId();
        Visit visit = visits == null ? null : visits.byNode.get(key(processInstanceId, node.getId()));
        return visit != null ? visit : new Visit(ticketKey.toString(), processInstanceId, node.getId(),
                event.getProcessInstance().getProcessId(), nodeId.toString());
    }

    private void visited(Visit visit) {
        Visits visits = transactionVisits();
        if (visits == null || visits.told) {
            tell(List.of(visit.toVisit()));
        } else {
            visits.byNode.putIfAbsent(key(visit.processInstanceId, visit.nodeInstanceId), visit);
        }
    }

    /** This transaction's visits so far, with their flush registered; null outside a transaction. */
    private Visits transactionVisits() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Visits visits = (Visits) TransactionSynchronizationManager.getResource(this);
        if (visits == null) {
            visits = new Visits();
            TransactionSynchronizationManager.bindResource(this, visits);
            TransactionSynchronizationManager.registerSynchronization(visits);
        }
        return visits;
    }

    private void tell(List<NodeVisit> visits) {
        observers.forEach(observer -> observer.nodesVisited(visits));
    }

    private static String key(long processInstanceId, long nodeInstanceId) {
        return processInstanceId + ":" + nodeInstanceId;
    }

    private static final class Visit {
        final String ticketKey;
        final long processInstanceId;
        final long nodeInstanceId;
        final String processId;
        final String nodeId;
        Instant enteredAt;
        Instant leftAt;
        Instant timerDueAt;

        Visit(String ticketKey, long processInstanceId, long nodeInstanceId, String processId, String nodeId) {
            this.ticketKey = ticketKey;
            this.processInstanceId = processInstanceId;
            this.nodeInstanceId = nodeInstanceId;
            this.processId = processId;
            this.nodeId = nodeId;
        }

        NodeVisit toVisit() {
            return new NodeVisit(ticketKey, processInstanceId, nodeInstanceId, processId, nodeId, enteredAt, leftAt,
                    timerDueAt);
        }
    }

    private final class Visits implements TransactionSynchronization {
        final Map<String, Visit> byNode = new LinkedHashMap<>();
        /** Past the flush: whatever the engine does later in this transaction is told at once. */
        boolean told;

        @Override
        public void beforeCommit(boolean readOnly) {
            told = true;
            List<NodeVisit> visits = new ArrayList<>();
            byNode.values().forEach(visit -> visits.add(visit.toVisit()));
            byNode.clear();
            if (!visits.isEmpty()) {
                tell(visits);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(NodeVisitBridge.this);
        }
    }
}
