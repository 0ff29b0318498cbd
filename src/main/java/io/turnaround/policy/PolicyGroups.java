package io.turnaround.policy;

import io.turnaround.staff.StaffDirectory;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The staff groups next to the policy: who is in each, and which groups a version sends work to. A group the policy
 * uses with no enabled member is a warning: its tasks would wait unseen.
 */
@Service
public class PolicyGroups {

    private final StaffDirectory staff;
    private final ActivePolicy policy;
    private final PolicyVersions versions;

    PolicyGroups(StaffDirectory staff, ActivePolicy policy, PolicyVersions versions) {
        this.staff = staff;
        this.policy = policy;
        this.versions = versions;
    }

    /**
     * A group: its enabled members, the files of the policy that send it work (empty when it does not), and the
     * warning when it has work but nobody to do it.
     */
    public record StaffGroup(String name, List<String> members, SortedSet<String> usedBy, String warning) {
    }

    /** Every group that has members or that the active version uses, by name. */
    public List<StaffGroup> ofActiveVersion() {
        return of(versions.bundle(policy.active().number()));
    }

    /** The warnings of the groups the active version uses. */
    public List<String> warningsOfActiveVersion() {
        return warningsOfVersion(policy.active().number());
    }

    /** Every group that has members or that the version uses, by name. */
    public List<StaffGroup> of(PolicyBundle bundle) {
        Map<String, List<String>> members = staff.groups();
        SortedMap<String, SortedSet<String>> used = PolicyGroupNames.of(bundle);
        SortedSet<String> names = new TreeSet<>(members.keySet());
        names.addAll(used.keySet());
        List<StaffGroup> groups = new ArrayList<>();
        for (String name : names) {
            List<String> enabled = members.getOrDefault(name, List.of());
            SortedSet<String> files = used.getOrDefault(name, new TreeSet<>());
            String warning = enabled.isEmpty() && !files.isEmpty() ? "group " + name + " has no enabled member: its"
                    + " tasks would wait unseen (the policy sends it work in " + String.join(", ", files) + ")" : null;
            groups.add(new StaffGroup(name, List.copyOf(enabled), files, warning));
        }
        return groups;
    }

    /** The warnings of the groups the version uses, one sentence each. */
    public List<String> warnings(PolicyBundle bundle) {
        return of(bundle).stream().map(StaffGroup::warning).filter(Objects::nonNull).toList();
    }

    public List<String> warningsOfVersion(int number) {
        return warnings(versions.bundle(number));
    }
}
