package io.turnaround.studio;

import io.turnaround.policy.ActivePolicy;
import io.turnaround.policy.BundleDiff;
import io.turnaround.policy.InvalidPolicyUploadException;
import io.turnaround.policy.PolicyBundle;
import io.turnaround.policy.PolicyDeployments;
import io.turnaround.policy.UploadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The studio's workspaces: opened from a version, their files saved, renamed and deleted without anyone's work lost
 * (a change names the revision it was made from, and one made from an older text is refused with the newer one),
 * compared with their version, and submitted through the upload's checks. {@link WorkspaceTrials} checks and tries them.
 */
@Service
public class Studio {

    private static final Logger log = LoggerFactory.getLogger(Studio.class);

    private final Workspaces workspaces;
    private final PolicyDeployments deployments;
    private final ActivePolicy policy;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Studio(Workspaces workspaces, PolicyDeployments deployments, ActivePolicy policy, TransactionTemplate transaction,
           Clock clock) {
        this.workspaces = workspaces;
        this.deployments = deployments;
        this.policy = policy;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What a submission made: the upload's report, and whether the workspace closed (it stays open if rejected). */
    public record Submission(UploadReport report, boolean closed, String detail) {
    }

    /** A new workspace holding the files of the version, the active one if null. */
    public Workspace create(Integer basedOn, String actor) {
        int number = basedOn == null ? policy.active().number() : deployments.version(basedOn).number();
        PolicyBundle files = deployments.bundle(number);
        Workspace created = transaction.execute(s -> workspaces.create(number, files, actor, clock.instant()));
        log.info("Studio workspace {} opened by {} from policy version {}", created.id(), actor, number);
        return created;
    }

    public List<Workspace> open() {
        return workspaces.open();
    }

    public Workspace workspace(long id) {
        return workspaces.find(id).orElseThrow(() -> new WorkspaceNotFoundException(id));
    }

    /** The workspace's files without their text. */
    public List<WorkspaceFile> files(long id) {
        workspace(id);
        return workspaces.files(id);
    }

    public WorkspaceFile file(long id, String path) {
        workspace(id);
        return workspaces.file(id, path).orElseThrow(() -> new WorkspaceNotFoundException(id, path));
    }

    /**
     * Saves the text as the file, which must still be at {@code revision} (0: the file must not exist yet). Otherwise
     * {@link WorkspaceConflictException} carries the file as it is now, so that the person can merge.
     */
    public WorkspaceFile save(long id, String path, String content, long revision, String actor) {
        PolicyBundle.requireFile(path, content);
        return changing(id, actor, (now, next) -> {
            current(id, path, revision);
            if (revision == 0) {
                workspaces.insertFile(id, path, content, next, actor, now);
            } else {
                workspaces.updateFile(id, path, content, next, actor, now);
            }
            return new WorkspaceFile(path, content, next, actor, now);
        });
    }

    /** Deletes the file, which must still be at {@code revision}. */
    public void delete(long id, String path, long revision, String actor) {
        changing(id, actor, (now, next) -> {
            requireExisting(current(id, path, revision), path);
            workspaces.deleteFile(id, path);
            return null;
        });
    }

    /** Moves the file, which must still be at {@code revision}, to a path no file has. */
    public WorkspaceFile rename(long id, String from, String to, long revision, String actor) {
        PolicyBundle.requirePolicyFile(to);
        return changing(id, actor, (now, next) -> {
            WorkspaceFile moved = requireExisting(current(id, from, revision), from);
            current(id, to, 0);
            workspaces.deleteFile(id, from);
            workspaces.insertFile(id, to, moved.content(), next, actor, now);
            return new WorkspaceFile(to, moved.content(), next, actor, now);
        });
    }

    /** Closes the workspace without a version; its files stay in the database. */
    public void discard(long id, String actor) {
        Workspace workspace = transaction.execute(s -> requireOpen(id));
        if (!workspaces.close(id, Workspace.State.DISCARDED, null, workspace.revision(), actor, clock.instant())) {
            throw new WorkspaceConflictException("workspace " + id + " changed meanwhile; look at it again before"
                    + " discarding it", null);
        }
        log.info("Studio workspace {} discarded by {}", id, actor);
    }

    /**
     * Submits the files as a new version through the upload's checks. A version that passes them closes the
     * workspace, unless someone saved meanwhile: then the version holds the files as they were, and the workspace
     * stays open with the newer ones. A rejected version leaves the workspace open to fix.
     */
    public Submission submit(long id, String description, String actor) {
        // The files and the revision they are at, read together under the workspace's lock.
        record Snapshot(Workspace workspace, PolicyBundle files) {
        }
        Snapshot snapshot = transaction.execute(s -> new Snapshot(requireOpen(id), workspaces.bundle(id)));
        Workspace workspace = snapshot.workspace();
        PolicyBundle files = snapshot.files();
        UploadReport report = deployments.uploadBundle(files, workspace.basedOn(), description, actor);
        if (!report.accepted()) {
            return new Submission(report, false, report.detail() + "; the workspace stays open to fix it");
        }
        int version = report.version().number();
        boolean closed = workspaces.close(id, Workspace.State.SUBMITTED, version, workspace.revision(), actor,
                clock.instant());
        log.info("Studio workspace {} submitted by {} as policy version {}", id, actor, version);
        if (closed) {
            return new Submission(report, true, report.detail());
        }
        Workspace now = workspace(id);
        return new Submission(report, false, report.detail() + (now.open()
                ? "; files were saved in the workspace while it was submitted, so it stays open with them (version "
                + version + " holds the files as they were)"
                : "; the workspace was closed meanwhile by " + now.changedBy()));
    }

    /** What the workspace changes in the version it is based on. */
    public BundleDiff changes(long id) {
        Workspace workspace = workspace(id);
        return BundleDiff.between(deployments.bundle(workspace.basedOn()), workspaces.bundle(id));
    }

    private interface Change<T> {
        T apply(Instant now, long revision);
    }

    /** Runs a change of an open workspace under its lock, with the workspace's next revision. */
    private <T> T changing(long id, String actor, Change<T> change) {
        return transaction.execute(s -> {
            requireOpen(id);
            Instant now = clock.instant();
            return change.apply(now, workspaces.nextRevision(id, actor, now));
        });
    }

    private Workspace requireOpen(long id) {
        Workspace workspace = workspaces.lock(id).orElseThrow(() -> new WorkspaceNotFoundException(id));
        if (!workspace.open()) {
            throw new WorkspaceConflictException("workspace " + id + (workspace.submittedAs() != null
                    ? " was submitted as version " + workspace.submittedAs() : " was discarded")
                    + " by " + workspace.changedBy() + "; open a new one to go on", null);
        }
        return workspace;
    }

    /** The file as it is now, or null if there is none; refused unless it is at {@code revision} (0: none). */
    private WorkspaceFile current(long id, String path, long revision) {
        WorkspaceFile now = workspaces.file(id, path).orElse(null);
        long actual = now == null ? 0 : now.revision();
        if (actual != revision) {
            throw new WorkspaceConflictException(now == null
                    ? path + " was deleted or renamed since you opened it"
                    : revision == 0 ? path + " already exists (saved by " + now.savedBy() + ")"
                    : path + " was saved by " + now.savedBy() + " since you opened it: merge your text with theirs"
                    + " and save again", now);
        }
        return now;
    }

    private static WorkspaceFile requireExisting(WorkspaceFile file, String path) {
        if (file == null) {
            throw new InvalidPolicyUploadException("the workspace has no file " + path);
        }
        return file;
    }
}
