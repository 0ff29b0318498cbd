package io.turnaround.studio;

import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.InvalidPolicyUploadException;
import io.turnaround.policy.PolicyBundle;
import io.turnaround.policy.PolicyCheckResult;
import io.turnaround.policy.PolicyDecision;
import io.turnaround.policy.PolicyDrafts;
import io.turnaround.policy.PolicyProblem;
import io.turnaround.policy.ScenarioEntry;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.rollout.PolicyImpact;
import org.springframework.stereotype.Service;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a workspace would do, before it is a version: compiled as it is typed, its scenarios run, the latest tickets
 * replayed, a typed request decided next to the active version. Each takes the open file's unsaved text, if sent, in
 * place of its saved one, so that the analyst sees what the editor shows. Nothing is stored.
 */
@Service
public class WorkspaceTrials {

    private final Studio studio;
    private final Workspaces workspaces;
    private final ActivePolicy policy;
    private final PolicyDrafts drafts;
    private final PolicyImpact impact;

    WorkspaceTrials(Studio studio, Workspaces workspaces, ActivePolicy policy, PolicyDrafts drafts,
                    PolicyImpact impact) {
        this.studio = studio;
        this.workspaces = workspaces;
        this.policy = policy;
        this.drafts = drafts;
        this.impact = impact;
    }

    /**
     * Compiles the workspace with the upload's checks, the file at {@code path} replaced by the unsaved text if one
     * is given: what the editor shows while someone types.
     */
    public Checked check(long id, String path, String unsaved) {
        PolicyBundle files = withUnsaved(id, path, unsaved);
        PolicyDrafts.Compiled compiled = drafts.compile(files);
        return new Checked(compiled.problems().stream().map(problem -> Located.of(problem, files)).toList(),
                compiled.took().toMillis());
    }

    /** What compiling found, and how long it took. */
    public record Checked(List<Located> problems, long millis) {
    }

    /** A problem and, in a process, the elements its line belongs to (their ids, innermost first) for the diagram. */
    public record Located(String file, int line, String message, List<String> elements) {

        static Located of(PolicyProblem problem, PolicyBundle files) {
            String text = problem.file() == null ? null : files.files().get(problem.file());
            boolean process = problem.file() != null && problem.file().matches(".*\\.bpmn2?$");
            return new Located(problem.file(), problem.line(), problem.message(),
                    process && text != null ? ProcessElements.at(text, problem.line()) : List.of());
        }
    }

    /** Every check of an upload on the workspace, scenarios included: what a submission would be told. */
    public PolicyCheckResult scenarios(long id, String path, String unsaved) {
        return drafts.check(withUnsaved(id, path, unsaved));
    }

    /** The latest tickets decided again by the workspace and by the active version. */
    public PolicyImpact.Report impact(long id, String path, String unsaved, int latest) {
        return impact.previewDraft(withUnsaved(id, path, unsaved), latest);
    }

    /** A request typed by the analyst, decided by the workspace and by the active version, and what differs. */
    public record Tried(PolicyDecision draft, PolicyDecision active, List<String> differences) {
    }

    public Tried tryTicket(long id, String path, String unsaved, TicketFacts facts) {
        PolicyDecision draft = drafts.decide(withUnsaved(id, path, unsaved), facts);
        PolicyDecision active = policy.decide(facts);
        return new Tried(draft, active, differences(draft, active));
    }

    /**
     * Adds the request, with the decision the workspace makes for it as what it must keep deciding, to a scenario file
     * of the workspace (made if it has none), which must still be at {@code revision} (0: a new file).
     */
    public WorkspaceFile saveAsScenario(long id, String file, long revision, String name, TicketFacts facts,
                                        ZoneId zone, String path, String unsaved, String actor) {
        if (!PolicyBundle.isScenarioFile(file)) {
            throw new InvalidPolicyUploadException(file + " is no scenario file: rules/scenarios/*.yaml");
        }
        if (name == null || name.isBlank()) {
            throw new InvalidPolicyUploadException("a scenario needs a name that says what it keeps");
        }
        String before = revision == 0 ? "" : studio.file(id, file).content();
        if (before.stripLeading().startsWith("accuracy:")) {
            throw new InvalidPolicyUploadException(file + " is a corpus: add the request under its scenarios: in the"
                    + " editor");
        }
        PolicyDecision decided = drafts.decide(withUnsaved(id, path, unsaved), facts);
        String entry = ScenarioEntry.of(name.strip(), facts, zone, decided);
        String after = before.isEmpty() ? entry : before + (before.endsWith("\n") ? "\n" : "\n\n") + entry;
        return studio.save(id, file, after, revision, actor);
    }

    /** The parts of two decisions that differ, by name; the explanation is not compared, it tells why. */
    static List<String> differences(PolicyDecision a, PolicyDecision b) {
        Map<String, Function<PolicyDecision, Object>> parts = new LinkedHashMap<>();
        parts.put("category", PolicyDecision::category);
        parts.put("route", PolicyDecision::route);
        parts.put("candidateGroup", PolicyDecision::candidateGroup);
        parts.put("slaTarget", PolicyDecision::slaTarget);
        parts.put("slaClock", PolicyDecision::slaClock);
        parts.put("slaDueAt", PolicyDecision::slaDueAt);
        parts.put("ladder", PolicyDecision::ladder);
        return parts.entrySet().stream()
                .filter(part -> !Objects.equals(part.getValue().apply(a), part.getValue().apply(b)))
                .map(Map.Entry::getKey).toList();
    }

    /** The workspace's files, the one at {@code path} replaced by the unsaved text if one is given. */
    PolicyBundle withUnsaved(long id, String path, String unsaved) {
        studio.workspace(id);
        PolicyBundle files = workspaces.bundle(id);
        if (path == null || unsaved == null) {
            return files;
        }
        PolicyBundle.requireFile(path, unsaved);
        return files.with(Map.of(path, unsaved), List.of());
    }
}
