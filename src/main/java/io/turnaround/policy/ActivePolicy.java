package io.turnaround.policy;

import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.workflow.Workflow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.annotation.PostConstruct;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy version that decides new tickets, and every older version that still has open tickets.
 * At start-up the bundle folder is imported as a new version when its content changed, then every live
 * version is compiled and deployed before the server takes requests or timers fire.
 */
@Service
public class ActivePolicy {

    private static final Logger log = LoggerFactory.getLogger(ActivePolicy.class);

    private final PolicyVersions versions;
    private final PolicySettings settings;
    private final Workflow workflow;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final PolicyCalendars calendars;
    private final Map<Integer, PolicyRules> rulesByVersion = new ConcurrentHashMap<>();
    private volatile PolicyVersion active;

    ActivePolicy(PolicyVersions versions, PolicySettings settings, Workflow workflow, Clock clock,
                 TransactionTemplate transaction, PolicyCalendars calendars) {
        this.versions = versions;
        this.settings = settings;
        this.workflow = workflow;
        this.clock = clock;
        this.transaction = transaction;
        this.calendars = calendars;
    }

    @PostConstruct
    void deployAtStartup() {
        long started = System.nanoTime();
        PolicyVersion current = transaction.execute(status -> importFolderIfChanged());
        load(current);
        for (PolicyVersion older : versions.withOpenTickets()) {
            load(older);
        }
        active = current;
        log.info("Policy version {} active; {} version(s) deployed in {} ms", current.number(), rulesByVersion.size(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private PolicyVersion importFolderIfChanged() {
        PolicyBundle folder = PolicyBundle.fromDirectory(settings.path());
        PolicyVersion current = versions.active().orElse(null);
        if (current != null && current.contentHash().equals(folder.contentHash())) {
            return current;
        }
        int number = versions.nextNumber();
        // Compiled before it is stored: a folder that does not compile never becomes a version.
        rulesByVersion.put(number, rulesOf(folder, PolicyVersion.kjarVersionOf(number)));
        PolicyVersion imported = versions.addActive(number, folder,
                "policy folder " + settings.path().toAbsolutePath().normalize(), clock.instant());
        log.info("Imported the policy folder as version {} ({})", imported.number(), imported.contentHash());
        return imported;
    }

    public PolicyVersion active() {
        return active;
    }

    /** Asks the active version's rules, creating nothing: the dry run analysts use. */
    public PolicyDecision decide(TicketFacts facts) {
        PolicyVersion version = active;
        Decision decision = rulesByVersion.get(version.number()).decide(facts);
        return PolicyDecision.of(decision, version.number());
    }

    private void load(PolicyVersion version) {
        rulesByVersion.computeIfAbsent(version.number(), n -> rulesOf(versions.bundle(n), version.kjarVersion()));
        workflow.deploy(version.kjarVersion());
    }

    private PolicyRules rulesOf(PolicyBundle bundle, String kjarVersion) {
        PolicyRules rules = PolicyRules.load(PolicyCompiler.compile(bundle, kjarVersion), bundle.calendars());
        calendars.remember(kjarVersion, rules.calendars());
        return rules;
    }
}
