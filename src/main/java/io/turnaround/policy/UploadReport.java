package io.turnaround.policy;

import java.util.List;

/**
 * What became of an upload: the stored version (DRAFT when it passed its checks, REJECTED when not), what the checks
 * found, the zip entries that were no policy files, and warnings that do not stop it (a group the version sends
 * work to has no enabled member).
 */
public record UploadReport(PolicyVersion version, String detail, List<PolicyProblem> problems, ScenarioReport scenarios,
                           List<String> ignored, List<String> warnings) {

    public boolean accepted() {
        return version.state() == PolicyVersion.State.DRAFT;
    }
}
