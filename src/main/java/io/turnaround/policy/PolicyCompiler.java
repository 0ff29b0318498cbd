package io.turnaround.policy;

import io.turnaround.policy.sandbox.PolicyCodeCheck;
import io.turnaround.sla.NamedCalendars;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds a policy bundle into a KJAR held in the KIE repository, so the rules engine and the process
 * engine can load it by release id. Compiler problems come back per file and line, never as a crash.
 * The calendar files are checked here too, and so is every calendar name the DRL asks for, so that a typo
 * stops the deployment instead of the first ticket.
 */
public final class PolicyCompiler {

    public static final String GROUP_ID = "io.turnaround";
    public static final String ARTIFACT_ID = "policy";
    public static final String KBASE = "policy";
    public static final String KSESSION = "ticket";

    private static final String KMODULE = """
            <kmodule xmlns="http://www.drools.org/xsd/kmodule">
              <kbase name="%s" default="true" eventProcessingMode="cloud" equalsBehavior="identity">
                <ksession name="%s" default="true" type="stateful"/>
              </kbase>
            </kmodule>
            """.formatted(KBASE, KSESSION);

    private static final Pattern CALENDAR_BY_NAME = Pattern.compile("\\.calendar\\(\\s*\"([^\"]*)\"\\s*\\)");

    private PolicyCompiler() {
    }

    /**
     * Compiles the bundle as version {@code version}; throws {@link PolicyCompilationException} listing every problem.
     * Policy code is untrusted input: nothing of a bundle reaches the compilers until it passes the sandbox's checks.
     */
    public static ReleaseId compile(PolicyBundle bundle, String version) {
        Map<String, String> engineFiles = new LinkedHashMap<>();
        bundle.files().forEach((path, content) -> {
            if (PolicyBundle.isEngineFile(path)) {
                engineFiles.put(path, content);
            }
        });
        List<PolicyProblem> refused = PolicyCodeCheck.check(engineFiles).stream()
                .map(p -> new PolicyProblem(p.file(), p.line(), p.message())).toList();
        if (!refused.isEmpty()) {
            throw new PolicyCompilationException(refused);
        }
        List<PolicyProblem> problems = new ArrayList<>();
        try {
            problems.addAll(unknownCalendarNames(bundle, bundle.calendars()));
        } catch (PolicyCompilationException badCalendars) {
            problems.addAll(badCalendars.problems());
        }
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId(GROUP_ID, ARTIFACT_ID, version);
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(KMODULE);
        engineFiles.forEach((path, content) -> kfs.write("src/main/resources/" + path, content));
        KieBuilder builder = kie.newKieBuilder(kfs);
        try {
            builder.buildAll();
        } catch (RuntimeException crash) {
            // Some syntax errors make the DRL compiler throw instead of reporting (e.g. an unbalanced bracket in modify).
            problems.add(new PolicyProblem(null, 0,
                    "the rule compiler failed on this bundle (" + crash + "); look for unbalanced brackets or quotes"));
            throw new PolicyCompilationException(problems);
        }
        builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new PolicyProblem(stripPrefix(m.getPath()), m.getLine(), m.getText()))
                .forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new PolicyCompilationException(problems);
        }
        return releaseId;
    }

    /** Each {@code .calendar("name")} in a DRL file that names no calendar of the bundle. */
    private static List<PolicyProblem> unknownCalendarNames(PolicyBundle bundle, NamedCalendars calendars) {
        List<PolicyProblem> problems = new ArrayList<>();
        bundle.files().forEach((path, content) -> {
            if (!path.endsWith(".drl")) {
                return;
            }
            String[] lines = content.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String code = lines[i].strip();
                if (code.startsWith("//") || code.startsWith("/*") || code.startsWith("*")) {
                    continue;
                }
                Matcher m = CALENDAR_BY_NAME.matcher(code);
                while (m.find()) {
                    if (!calendars.names().contains(m.group(1))) {
                        problems.add(new PolicyProblem(path, i + 1, "no calendar named '" + m.group(1) + "'; "
                                + (calendars.names().isEmpty() ? "there are no files in rules/calendars/"
                                : "the calendars are " + String.join(", ", calendars.names()))));
                    }
                }
            }
        });
        return problems;
    }

    private static String stripPrefix(String path) {
        return path == null ? null : path.replaceFirst("^src/main/resources/", "");
    }
}
