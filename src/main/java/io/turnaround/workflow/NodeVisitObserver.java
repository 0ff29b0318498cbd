package io.turnaround.workflow;

import java.util.List;

/**
 * Told where ticket processes went: once per transaction, just before it commits, with every node entered or left in
 * it (or at each step when no transaction is under way). Handed to the engine's listener when it is built, as
 * {@link TaskObserver} is, so that timers firing as the server starts are not missed.
 */
public interface NodeVisitObserver {

    void nodesVisited(List<NodeVisit> visits);
}
