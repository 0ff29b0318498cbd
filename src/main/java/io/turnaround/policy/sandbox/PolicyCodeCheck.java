package io.turnaround.policy.sandbox;

import org.drools.compiler.rule.builder.ConstraintBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks policy code passes before the rule and process compilers see it (DRL structure and conditions, BPMN
 * expressions and languages), and the assurance that the compilers themselves check every class they produce.
 */
public final class PolicyCodeCheck {

    private static final ClassLoader APPLICATION = PolicyCodeCheck.class.getClassLoader();

    private PolicyCodeCheck() {
    }

    /** The problems of a bundle's DRL and BPMN files (path to text); none means the compilers may go ahead. */
    public static List<CodeProblem> check(Map<String, String> files) {
        requireCheckedCompiler();
        Map<String, String> drl = new LinkedHashMap<>();
        List<CodeProblem> problems = new ArrayList<>();
        files.forEach((path, text) -> {
            if (path.endsWith(".drl")) {
                drl.put(path, text);
            } else if (path.endsWith(".bpmn") || path.endsWith(".bpmn2")) {
                problems.addAll(new BpmnCheck(AllowList.shipped(), APPLICATION).check(path, text));
            }
        });
        problems.addAll(0, new DrlCheck(AllowList.shipped(), APPLICATION).check(drl));
        return problems;
    }

    /** Refuses to go on if the rule engine would compile policy code without checking it (kie.conf not read). */
    private static void requireCheckedCompiler() {
        if (!(ConstraintBuilder.get() instanceof SandboxedConstraintBuilder)) {
            throw new IllegalStateException("the rule engine is not using " + SandboxedConstraintBuilder.class.getName()
                    + " (META-INF/kie.conf): policy code cannot be checked, so none is compiled");
        }
    }
}
