package io.turnaround.workflow;

import org.jbpm.workflow.core.node.HumanTaskNode;
import org.kie.api.definition.process.Node;
import org.kie.api.definition.process.NodeContainer;
import org.kie.api.definition.process.Process;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * jBPM's task service stores each user and group in OrganizationalEntity the first time a task names it, and two
 * transactions naming the same new group at once collide on its primary key, failing a ticket intake (seen with
 * two nodes taking their first tickets). So the groups a deployed process names, the groups staff belong to (a
 * task's group may come from the rules, e.g. an escalation's), and jBPM's own task administrators, are stored
 * before any task is made.
 */
@Component
class TaskIdentities {

    private static final String ENGINE_ADMINISTRATOR = "Administrator";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    TaskIdentities(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Stores a group a task is about to name (one the rules chose) in a transaction of its own, committed at once, so
     * the task's transaction finds it instead of racing another to insert it.
     */
    void storeGroup(String group) {
        ownTransaction.executeWithoutResult(status -> store("Group", group));
    }

    void storeAllNamedBy(Collection<Process> processes) {
        Set<String> groups = new TreeSet<>(Set.of(DirectoryUserGroupCallback.TASK_ADMINISTRATORS));
        processes.stream().filter(p -> p instanceof NodeContainer)
                .forEach(p -> collectGroups((NodeContainer) p, groups));
        groups.addAll(jdbc.queryForList("select distinct group_name from staff_group", String.class));
        groups.forEach(group -> store("Group", group));
        store("User", ENGINE_ADMINISTRATOR);
    }

    private static void collectGroups(NodeContainer container, Set<String> groups) {
        for (Node node : container.getNodes()) {
            if (node instanceof HumanTaskNode task && task.getWork().getParameter("GroupId") instanceof String ids
                    && !ids.contains("#{")) {
                Arrays.stream(ids.split(",")).map(String::strip).filter(id -> !id.isEmpty()).forEach(groups::add);
            }
            if (node instanceof NodeContainer inner) {
                collectGroups(inner, groups);
            }
        }
    }

    private void store(String type, String id) {
        try {
            jdbc.update("insert into OrganizationalEntity (DTYPE, id) select ?, ? where not exists"
                    + " (select 1 from OrganizationalEntity where id = ?)", type, id, id);
        } catch (DuplicateKeyException storedByAnotherNode) {
            // what we wanted
        }
    }
}
