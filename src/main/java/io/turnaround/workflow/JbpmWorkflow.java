package io.turnaround.workflow;

import io.turnaround.policy.IncompleteDecisionException;
import io.turnaround.policy.PolicyCalendars;
import io.turnaround.policy.PolicyCompiler;
import io.turnaround.policy.PolicyDeployer;
import io.turnaround.policy.PolicyVersion;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.sla.SlaLadder;
import org.jbpm.kie.services.impl.KModuleDeploymentUnit;
import org.kie.internal.runtime.manager.deploy.DeploymentDescriptorImpl;
import org.jbpm.services.api.DeploymentService;
import org.jbpm.services.api.model.DeployedUnit;
import org.jbpm.services.api.ProcessService;
import org.jbpm.services.api.UserTaskService;
import org.jbpm.services.task.exception.PermissionDeniedException;
import org.jbpm.services.task.impl.TaskContentRegistry;
import org.kie.internal.runtime.conf.AuditMode;
import org.kie.internal.runtime.manager.InternalRuntimeManager;
import org.kie.internal.runtime.conf.RuntimeStrategy;
import org.kie.internal.task.exception.TaskException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine behind the {@link Workflow} and {@link PolicyDeployer} ports. The work item handlers the BPMN names must
 * exist before it deploys a policy, although only jBPM calls them: jBPM's Spring factory looks them up once, when a
 * deployment's first engine starts (an overdue timer firing as the server starts), and never again.
 */
@Component
@DependsOn({TicketProcess.ESCALATE, QuoteProcess.PRICE, QuoteProcess.REMIND, QuoteProcess.EXPIRE})
class JbpmWorkflow implements Workflow, PolicyDeployer {

    private final DeploymentService deployments;
    private final ProcessService processes;
    private final UserTaskService tasks;
    private final TaskIdentities identities;
    private final PolicyCalendars calendars;
    private final TimerFailures failures;
    private final JdbcTemplate jdbc;

    JbpmWorkflow(DeploymentService deployments, ProcessService processes, UserTaskService tasks,
                 TaskIdentities identities, PolicyCalendars calendars, TimerFailures failures,
                 JdbcTemplate jdbc) {
        this.deployments = deployments;
        this.processes = processes;
        this.tasks = tasks;
        this.identities = identities;
        this.calendars = calendars;
        this.failures = failures;
        this.jdbc = jdbc;
    }

    /** The engine's name for a policy version's deployment: its KJAR's group, artifact and version. */
    static String deploymentId(int policyVersion) {
        return PolicyCompiler.GROUP_ID + ":" + PolicyCompiler.ARTIFACT_ID + ":" + PolicyVersion.kjarVersionOf(policyVersion);
    }

    @Override
    public synchronized void deploy(int policyVersion) {
        if (isDeployed(policyVersion)) {
            return;
        }
        // The default kbase and ksession of the KJAR; naming them would append their names to the deployment id.
        KModuleDeploymentUnit unit = new KModuleDeploymentUnit(PolicyCompiler.GROUP_ID, PolicyCompiler.ARTIFACT_ID,
                PolicyVersion.kjarVersionOf(policyVersion));
        // One engine session per process instance: no shared session blob, and timers survive restarts.
        unit.setStrategy(RuntimeStrategy.PER_PROCESS_INSTANCE);
        DeploymentDescriptorImpl descriptor = new DeploymentDescriptorImpl("org.jbpm.domain");
        // No engine audit log (process, node, variable and task logs): the ticket history is the audit trail
        // people read, and the engine's logs were half of what every intake wrote.
        descriptor.getBuilder().runtimeStrategy(RuntimeStrategy.PER_PROCESS_INSTANCE).auditMode(AuditMode.NONE);
        unit.setDeploymentDescriptor(descriptor);
        deployments.deploy(unit);
        InternalRuntimeManager runtime = (InternalRuntimeManager) deployments.getRuntimeManager(deploymentId(policyVersion));
        identities.storeAllNamedBy(runtime.getEnvironment().getKieBase().getProcesses());
    }

    @Override
    public boolean isDeployed(int policyVersion) {
        return deployments.isDeployed(deploymentId(policyVersion));
    }

    @Override
    public boolean hasLiveInstances(int policyVersion) {
        // One engine session per instance: its mapping names the deployment until the instance completes or is aborted.
        Integer live = jdbc.queryForObject("select count(*) from ContextMappingInfo where OWNER_ID = ?", Integer.class,
                deploymentId(policyVersion));
        return live != null && live > 0;
    }

    @Override
    public synchronized void undeploy(int policyVersion) {
        DeployedUnit deployed = deployments.getDeployedUnit(deploymentId(policyVersion));
        if (deployed == null) {
            return;
        }
        // jBPM's own check for running instances reads the audit log, which is off: the caller has checked.
        deployments.undeploy(deployed.getDeploymentUnit());
        if (deployed.getDeploymentUnit() instanceof KModuleDeploymentUnit unit && unit.getKieContainer() != null) {
            unit.getKieContainer().dispose();
        }
        // The task service's content marshalling of the deployment holds its environment, and through it the KIE
        // container; undeploying leaves it registered, which kept every version's compiled rules and processes.
        TaskContentRegistry.get().removeMarshallerContext(deploymentId(policyVersion));
    }

    @Override
    public StartedTicket startTicket(int policyVersion, String ticketKey, TicketFacts facts) {
        return start(policyVersion, ticketKey, facts, Duration.ZERO);
    }

    private StartedTicket start(int policyVersion, String ticketKey, TicketFacts facts, Duration slaPausedSoFar) {
        Map<String, Object> variables = TicketProcess.variables(ticketKey, facts, calendars.of(policyVersion), slaPausedSoFar);
        long processInstanceId = processes.startProcess(deploymentId(policyVersion), TicketProcess.PROCESS_ID, variables);
        // The business-rule task fills in this very object (the BPMN maps no output), before startProcess returns.
        Decision decision = (Decision) variables.get(TicketProcess.DECISION);
        if (!decision.isComplete()) {
            throw new IncompleteDecisionException(facts, decision);
        }
        return new StartedTicket(processInstanceId, decision);
    }

    @Override
    public StartedTicket restartTicket(int fromVersion, int toVersion, long processInstanceId, String ticketKey,
                                       TicketFacts facts, Duration slaPausedSoFar) {
        // The deployment id is given: the id-only variant looks the instance up in the audit log, which is off.
        processes.abortProcessInstance(deploymentId(fromVersion), processInstanceId);
        return start(toVersion, ticketKey, facts, slaPausedSoFar);
    }

    @Override
    public boolean pauseSla(int policyVersion, long processInstanceId, Instant at) {
        return changeLadder(policyVersion, processInstanceId, ladder -> ladder.pause(at));
    }

    @Override
    public SlaResumed resumeSla(int policyVersion, long processInstanceId, Instant at) {
        return changeLadder(policyVersion, processInstanceId,
                ladder -> new SlaResumed(ladder.resume(at), ladder.getDueAt()));
    }

    @Override
    public Duration slaWorkingTime(int policyVersion, long processInstanceId, Instant from, Instant to) {
        SlaLadder ladder = (SlaLadder) processes.getProcessInstanceVariable(deploymentId(policyVersion),
                processInstanceId, TicketProcess.LADDER);
        return ladder.workingTimeBetween(from, to);
    }

    /** Changes the ladder variable and has the process re-read it (its pending timer is replaced), in one transaction. */
    private <T> T changeLadder(int policyVersion, long processInstanceId, Function<SlaLadder, T> change) {
        String deploymentId = deploymentId(policyVersion);
        SlaLadder ladder = (SlaLadder) processes.getProcessInstanceVariable(deploymentId, processInstanceId,
                TicketProcess.LADDER);
        T result = change.apply(ladder);
        processes.setProcessVariable(deploymentId, processInstanceId, TicketProcess.LADDER, ladder);
        processes.signalProcessInstance(deploymentId, processInstanceId, TicketProcess.SLA_CLOCK_CHANGED, null);
        return result;
    }

    @Override
    public List<FailedTimer> failedTimers() {
        return failures.open();
    }

    @Override
    public void retryFailedTimer(long processInstanceId) {
        failures.retry(processInstanceId);
    }

    @Override
    public void claim(long taskId, String user) {
        act(taskId, () -> {
            tasks.claim(taskId, user);
            return null;
        });
    }

    @Override
    public void release(long taskId, String user) {
        act(taskId, () -> {
            tasks.release(taskId, user);
            return null;
        });
    }

    @Override
    public void complete(long taskId, String user) {
        act(taskId, () -> {
            tasks.completeAutoProgress(taskId, user, Map.of());
            return null;
        });
    }

    @Override
    public void delegate(long taskId, String user, String toUser) {
        act(taskId, () -> {
            tasks.delegate(taskId, user, toUser);
            return null;
        });
    }

    private static <T> T act(long taskId, Supplier<T> action) {
        try {
            return action.get();
        } catch (org.jbpm.services.api.TaskNotFoundException e) {
            throw new TaskNotFoundException(taskId);
        } catch (PermissionDeniedException e) {
            throw new TaskActionRefusedException(e.getMessage(), !e.getMessage().contains("Status"));
        } catch (TaskException | IllegalStateException e) {
            throw new TaskActionRefusedException(e.getMessage(), false);
        }
    }
}
