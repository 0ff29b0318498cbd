package io.turnaround.workflow;

import org.kie.api.runtime.process.WorkItem;
import org.kie.api.runtime.process.WorkItemHandler;
import org.kie.api.runtime.process.WorkItemManager;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the human task service in process tests: keeps the work items it was given. */
final class HumanTasks implements WorkItemHandler {

    final List<WorkItem> open = new CopyOnWriteArrayList<>();

    @Override
    public void executeWorkItem(WorkItem workItem, WorkItemManager manager) {
        open.add(workItem);
    }

    @Override
    public void abortWorkItem(WorkItem workItem, WorkItemManager manager) {
        open.removeIf(w -> w.getId() == workItem.getId());
    }
}
