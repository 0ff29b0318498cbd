package io.turnaround.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Optional;

/**
 * The policy folder ({@code turnaround.policy.directory}) as the server starts: imported into a database with no
 * policy yet, or, when {@code turnaround.policy.import-changed-folder} is set, whenever it differs from the active
 * version.
 */
@Component
class PolicyFolderImport {

    private static final Logger log = LoggerFactory.getLogger(PolicyFolderImport.class);

    private final PolicyVersions versions;
    private final PolicySettings settings;
    private final LoadedPolicies loaded;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PolicyAudit audit;

    PolicyFolderImport(PolicyVersions versions, PolicySettings settings, LoadedPolicies loaded, Clock clock,
                       TransactionTemplate transaction, PolicyAudit audit) {
        this.versions = versions;
        this.settings = settings;
        this.loaded = loaded;
        this.clock = clock;
        this.transaction = transaction;
        this.audit = audit;
    }

    /** The version to start with: the active one, or the folder imported as the new active one. */
    PolicyVersion versionToStart() {
        return versions.active().filter(v -> !folderToImport(v)).orElseGet(this::importFolder);
    }

    /** Whether the folder should become a new version at start-up; says so in the log when it differs but is not taken. */
    private boolean folderToImport(PolicyVersion current) {
        if (!settings.folderExists()) {
            return false;
        }
        PolicyBundle folder = PolicyBundle.fromDirectory(settings.path());
        if (current.contentHash().equals(folder.contentHash())) {
            return false;
        }
        if (settings.importChangedFolder()) {
            return true;
        }
        log.warn("The policy folder {} differs from active version {}; it is not deployed at start-up. Upload it as a new"
                        + " version (README, 'Deploying a policy change'), or set turnaround.policy.import-changed-folder=true.",
                settings.path().toAbsolutePath().normalize(), current.number());
        return false;
    }

    /**
     * The policy folder becomes the active version, after it compiles and its scenarios pass; otherwise the server
     * does not start, and the problems are in the exception. One transaction: a failure stores nothing.
     */
    private PolicyVersion importFolder() {
        PolicyBundle folder = PolicyBundle.fromDirectory(settings.path());
        String author = "policy folder " + settings.path().toAbsolutePath().normalize();
        return transaction.execute(status -> {
            Optional<PolicyVersion> previous = versions.active();
            PolicyVersion imported = versions.add(folder, PolicyVersion.State.DRAFT, null, author, null, clock.instant());
            PolicyCheckResult check = loaded.check(imported, folder);
            if (!check.passed()) {
                throw new PolicyCompilationException(check.allProblems());
            }
            versions.activate(imported.number(), clock.instant());
            audit.record(author, PolicyAudit.Action.IMPORT, imported, "ACTIVE", check.summary()
                    + previous.map(p -> "; replaces version " + p.number()).orElse(""));
            log.info("Imported the policy folder as version {} ({})", imported.number(), imported.contentHash());
            return versions.find(imported.number()).orElseThrow();
        });
    }
}
