package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a policy folder (the one holding {@code rules/} and {@code processes/}) without a server, for analysts
 * and CI: it compiles the bundle, checks its mail templates, runs its scenarios, and asks the rules for every
 * tier × hosting × category so a gap shows before a ticket finds it. Exit status 0 when all is well, 1 when anything
 * failed, 2 for a usage error.
 */
public final class PolicyCheck {

    public static final int PASSED = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private static final String USAGE_TEXT = "usage: check-policy [folder]   (the folder holding rules/ and processes/;"
            + " default: the working directory)";

    private PolicyCheck() {
    }

    public static void main(String[] args) {
        quietLogging();
        System.exit(run(args, System.out));
    }

    /** Checks the folder named by {@code args} (default {@code .}), writing the report to {@code out}; the exit status. */
    public static int run(String[] args, PrintStream out) {
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            out.println(USAGE_TEXT);
            return USAGE;
        }
        Path folder = Path.of(args.length == 0 || args[0].isBlank() ? "." : args[0]);
        if (!Files.isDirectory(folder)) {
            out.println("no such folder: " + folder.toAbsolutePath().normalize());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        if (!Files.isDirectory(folder.resolve("rules")) || !Files.isDirectory(folder.resolve("processes"))) {
            out.println("not a policy folder (it needs rules/ and processes/): " + folder.toAbsolutePath().normalize());
            out.println(USAGE_TEXT);
            return USAGE;
        }
        out.println("Checking the policy in " + folder.toAbsolutePath().normalize());
        PolicyBundle bundle;
        try {
            bundle = PolicyBundle.fromDirectory(folder);
        } catch (UncheckedIOException e) {
            out.println("cannot read the policy files: " + e.getCause().getMessage());
            return FAILED;
        }
        try {
            return check(bundle, out);
        } catch (RuntimeException crash) {
            // The compiler and the scenarios report what a policy file can cause; anything else is still one line.
            out.println("The check could not finish: " + crash);
            out.println("Policy check FAILED");
            return FAILED;
        }
    }

    /** Compiles the bundle, runs its scenarios and the completeness check, and reports all of it; the exit status. */
    static int check(PolicyBundle bundle, PrintStream out) {
        PolicyRules rules;
        try {
            // The version names the content, so checking two bundles in one JVM never loads the other's rules.
            rules = PolicyRules.load(PolicyCompiler.compile(bundle, "check-" + bundle.contentHash().substring(0, 12)),
                    bundle.calendars());
        } catch (PolicyCompilationException e) {
            e.problems().forEach(out::println);
            MailTemplates.problems(bundle).forEach(out::println);
            ScenarioFiles.parse(bundle).problems().forEach(out::println);
            out.println("The policy does not compile (" + count(e.problems().size(), "problem")
                    + "); the scenarios did not run.");
            out.println("Policy check FAILED");
            return FAILED;
        }
        PolicyCheckResult result = PolicyChecks.run(bundle, rules, PolicySettings.DEFAULT_LIMITS);
        if (result.stopped() != null) {
            out.println(result.stopped());
            out.println("Policy check FAILED");
            return FAILED;
        }
        ScenarioReport report = result.scenarios();
        report.problems().forEach(out::println);
        for (ScenarioFailure failure : report.failures()) {
            out.println(failure);
            out.println();
        }
        for (CategoryAccuracy corpus : report.corpora()) {
            out.println(corpus.report());
            out.println();
        }
        result.problems().stream().filter(p -> p.file() != null).forEach(out::println);
        List<PolicyProblem> gaps = result.gaps();
        gaps.forEach(gap -> out.println(gap.message()));
        int combinations = Tier.values().length * Hosting.values().length * Category.values().length;
        out.println(gaps.isEmpty()
                ? "Every tier x hosting x category (" + combinations + " combinations) gets a complete decision."
                : count(gaps.size(), "gap") + " in " + combinations + " tier x hosting x category combinations.");
        out.println(report.summary());
        out.println(result.passed() ? "Policy check passed" : "Policy check FAILED");
        return result.passed() ? PASSED : FAILED;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Outside the server nothing configures logging: keep the engine's start-up chatter out of the report. */
    private static void quietLogging() {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "policy-check-logback.xml");
        }
    }
}
