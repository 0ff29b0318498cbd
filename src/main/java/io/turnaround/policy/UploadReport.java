package io.turnaround.policy;

import java.util.List;

/**
 * What became of an upload: the stored version (DRAFT when it passed its checks, REJECTED when not), what the checks
 * found, and the zip entries that were no policy files.
 */
public record UploadReport(PolicyVersion version, String detail, List<PolicyProblem> problems, ScenarioReport scenarios,
                           List<String> ignored) {

    public boolean accepted() {
        return version.state() == PolicyVersion.State.DRAFT;
    }
}
