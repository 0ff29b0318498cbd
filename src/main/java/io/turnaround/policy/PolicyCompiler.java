package io.turnaround.policy;

import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds a policy bundle into a KJAR held in the KIE repository, so the rules engine and the process
 * engine can load it by release id. Compiler problems come back per file and line, never as a crash.
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

    private PolicyCompiler() {
    }

    /** Compiles the bundle as version {@code version}; throws {@link PolicyCompilationException} listing every problem. */
    public static ReleaseId compile(PolicyBundle bundle, String version) {
        KieServices kie = KieServices.get();
        ReleaseId releaseId = kie.newReleaseId(GROUP_ID, ARTIFACT_ID, version);
        KieFileSystem kfs = kie.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        kfs.writeKModuleXML(KMODULE);
        bundle.files().forEach((path, content) -> kfs.write("src/main/resources/" + path, content));
        KieBuilder builder = kie.newKieBuilder(kfs);
        try {
            builder.buildAll();
        } catch (RuntimeException crash) {
            // Some syntax errors make the DRL compiler throw instead of reporting (e.g. an unbalanced bracket in modify).
            throw new PolicyCompilationException(List.of(new PolicyProblem(null, 0,
                    "the rule compiler failed on this bundle (" + crash + "); look for unbalanced brackets or quotes")));
        }
        List<PolicyProblem> errors = builder.getResults().getMessages(Message.Level.ERROR).stream()
                .map(m -> new PolicyProblem(stripPrefix(m.getPath()), m.getLine(), m.getText()))
                .collect(Collectors.toList());
        if (!errors.isEmpty()) {
            throw new PolicyCompilationException(errors);
        }
        return releaseId;
    }

    private static String stripPrefix(String path) {
        return path == null ? null : path.replaceFirst("^src/main/resources/", "");
    }
}
