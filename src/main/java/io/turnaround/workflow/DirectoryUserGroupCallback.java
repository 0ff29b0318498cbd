package io.turnaround.workflow;

import io.turnaround.staff.StaffDirectory;
import org.kie.api.task.UserGroupCallback;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** The task service's view of users and groups: the staff directory in our database. */
@Component("userGroupCallback")
class DirectoryUserGroupCallback implements UserGroupCallback {

    /** jBPM makes this user every task's business administrator. */
    private static final String ENGINE_ADMINISTRATOR = "Administrator";
    /** jBPM makes this group every task's business administrators. */
    static final String TASK_ADMINISTRATORS = "Administrators";

    private final StaffDirectory directory;

    DirectoryUserGroupCallback(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean existsUser(String userId) {
        return ENGINE_ADMINISTRATOR.equals(userId) || directory.exists(userId);
    }

    @Override
    public boolean existsGroup(String groupId) {
        // Groups are named by the BPMN; a queue may exist before anyone joins it.
        return true;
    }

    @Override
    public List<String> getGroupsForUser(String userId) {
        List<String> groups = new ArrayList<>(directory.groupsOf(userId));
        // Managers and admins are every task's business administrators, which lets them hand any task to a person.
        List<String> roles = directory.rolesOf(userId);
        if (roles.contains("MANAGER") || roles.contains("ADMIN")) {
            groups.add(TASK_ADMINISTRATORS);
        }
        return groups;
    }
}
