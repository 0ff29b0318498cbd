package io.turnaround.workflow;

import org.jbpm.services.api.DeploymentService;
import org.jbpm.services.api.ProcessInstanceNotFoundException;
import org.jbpm.services.api.ProcessService;
import org.jbpm.services.api.UserTaskService;
import org.jbpm.services.task.exception.PermissionDeniedException;
import org.jbpm.workflow.core.node.HumanTaskNode;
import org.kie.api.definition.process.Node;
import org.kie.api.definition.process.NodeContainer;
import org.kie.api.definition.process.Process;
import org.kie.api.task.model.Task;
import org.kie.internal.runtime.manager.InternalRuntimeManager;
import org.kie.internal.runtime.manager.SessionNotFoundException;
import org.kie.internal.task.exception.TaskException;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

@Component
class JbpmQuoteWorkflow implements QuoteWorkflow {

    private final DeploymentService deployments;
    private final ProcessService processes;
    private final UserTaskService tasks;

    JbpmQuoteWorkflow(DeploymentService deployments, ProcessService processes, UserTaskService tasks) {
        this.deployments = deployments;
        this.processes = processes;
        this.tasks = tasks;
    }

    @Override
    public long completeEstimate(long taskId, String user, BigDecimal hours, String description) {
        Task task = task(taskId);
        if (!isEstimate(task)) {
            throw new TaskActionRefusedException("task " + taskId + " ('" + task.getName() + "') is not a custom-work"
                    + " estimate", false);
        }
        try {
            tasks.completeAutoProgress(taskId, user, Map.of(QuoteProcess.HOURS, hours,
                    QuoteProcess.DESCRIPTION, description));
        } catch (PermissionDeniedException e) {
            throw new TaskActionRefusedException(e.getMessage(), !e.getMessage().contains("Status"));
        } catch (TaskException | IllegalStateException e) {
            throw new TaskActionRefusedException(e.getMessage(), false);
        }
        return task.getTaskData().getProcessInstanceId();
    }

    @Override
    public boolean isEstimate(long taskId) {
        return isEstimate(task(taskId));
    }

    @Override
    public boolean answer(int policyVersion, long quoteProcessInstanceId, boolean accepted) {
        try {
            processes.signalProcessInstance(JbpmWorkflow.deploymentId(policyVersion), quoteProcessInstanceId,
                    QuoteProcess.ANSWERED, accepted ? "ACCEPTED" : "DECLINED");
            return true;
        } catch (ProcessInstanceNotFoundException | SessionNotFoundException ended) {
            return false;
        }
    }

    private Task task(long taskId) {
        try {
            Task task = tasks.getTask(taskId);
            if (task == null) {
                throw new TaskNotFoundException(taskId);
            }
            return task;
        } catch (org.jbpm.services.api.TaskNotFoundException e) {
            throw new TaskNotFoundException(taskId);
        }
    }

    /** The task was made by the node with the estimate's id: ids are the contract, names are the analysts' to change. */
    private boolean isEstimate(Task task) {
        String deploymentId = task.getTaskData().getDeploymentId();
        if (deploymentId == null || !TicketProcess.PROCESS_ID.equals(task.getTaskData().getProcessId())
                || !deployments.isDeployed(deploymentId)) {
            return false;
        }
        Process process = ((InternalRuntimeManager) deployments.getRuntimeManager(deploymentId)).getEnvironment()
                .getKieBase().getProcess(TicketProcess.PROCESS_ID);
        HumanTaskNode estimate = find((NodeContainer) process);
        return estimate != null && (Objects.equals(task.getName(), estimate.getName())
                || Objects.equals(task.getName(), estimate.getWork().getParameter("TaskName")));
    }

    private static HumanTaskNode find(NodeContainer container) {
        for (Node node : container.getNodes()) {
            if (node instanceof HumanTaskNode task && QuoteProcess.ESTIMATE_NODE.equals(node.getMetaData().get("UniqueId"))) {
                return task;
            }
            if (node instanceof NodeContainer inner) {
                HumanTaskNode found = find(inner);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
