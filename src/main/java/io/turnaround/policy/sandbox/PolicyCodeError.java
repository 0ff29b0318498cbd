package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.BytecodeCheck.Violation;
import org.drools.compiler.compiler.DroolsError;
import org.drools.compiler.lang.descr.BaseDescr;
import org.drools.compiler.lang.descr.FunctionDescr;
import org.drools.compiler.lang.descr.RuleDescr;
import org.kie.api.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A forbidden reference, reported by the rule compiler like any compile error: file, line, message. */
final class PolicyCodeError extends DroolsError {

    static final String MESSAGE = "not allowed in policy code: ";

    private final int line;
    private final Set<String> forbidden;

    private PolicyCodeError(Resource resource, int line, Set<String> forbidden) {
        super(resource);
        this.line = line;
        this.forbidden = forbidden;
    }

    /** One error per file and line, naming everything forbidden on it. */
    static List<PolicyCodeError> of(List<Violation> violations, Map<String, BaseDescr> sources) {
        Map<String, PolicyCodeError> byLine = new LinkedHashMap<>();
        for (Violation violation : violations) {
            PolicyCodeError error = of(violation, sources);
            String where = (error.getResource() == null ? "" : error.getResource().getSourcePath()) + ":" + error.line;
            byLine.merge(where, error, (first, next) -> {
                first.forbidden.addAll(next.forbidden);
                return first;
            });
        }
        return List.copyOf(byLine.values());
    }

    /**
     * Maps the violation back to the policy file: a rule's consequence and a function line by line, a BPMN script or
     * condition by finding its text in the file, anything else to the line of its rule.
     */
    private static PolicyCodeError of(Violation violation, Map<String, BaseDescr> sources) {
        BaseDescr source = sourceOf(violation.className(), violation.method(), sources);
        return new PolicyCodeError(source == null ? null : source.getResource(), lineOf(source, violation),
                new LinkedHashSet<>(List.of(violation.forbidden())));
    }

    /** The descriptor a class was generated from: a process method's own invoker, else the class or its outer class. */
    static BaseDescr sourceOf(String name, String method, Map<String, BaseDescr> sources) {
        if (method != null && !method.isEmpty()) {
            BaseDescr invoker = sources.get(name + Character.toUpperCase(method.charAt(0)) + method.substring(1) + "Invoker");
            if (invoker != null) {
                return invoker;
            }
        }
        for (int cut = name.length(); cut > 0; cut = name.lastIndexOf('$', cut - 1)) {
            BaseDescr source = sources.get(name.substring(0, cut));
            if (source != null) {
                return source;
            }
        }
        String processClass = name.replaceFirst("^(.*\\.Process_.*?\\d+)(\\$.*)?$", "$1");
        return sources.entrySet().stream().filter(e -> e.getKey().startsWith(processClass)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static int lineOf(BaseDescr source, Violation violation) {
        int generated = violation.line();
        if (source instanceof RuleDescr rule) {
            boolean consequence = violation.method() != null && violation.method().toLowerCase().contains("consequence");
            return consequence && generated > 0
                    ? rule.getConsequenceLine() + generated - rule.getConsequenceOffset() - 1 : rule.getLine();
        }
        if (source instanceof FunctionDescr function) {
            return generated > 0 ? function.getLine() + generated - function.getOffset() : function.getLine();
        }
        if (source != null && source.getText() != null && generated > 0 && violation.methodStart() > 0) {
            int script = lineOfText(source.getResource(), source.getText());
            // Generated process methods open with one line of their own ("context = kcontext"), then the script.
            int within = Math.max(0, generated - violation.methodStart() - 1);
            return script > 0 ? script + within : 0;
        }
        return source == null ? 0 : Math.max(source.getLine(), 0);
    }

    /** The line on which a script's first line appears in its (XML) file, 0 if it cannot be found. */
    private static int lineOfText(Resource resource, String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        if (resource == null || first.isEmpty()) {
            return 0;
        }
        try (InputStream in = resource.getInputStream()) {
            String file = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String escaped = first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            int at = file.indexOf(first);
            at = at >= 0 ? at : file.indexOf(escaped);
            return at < 0 ? 0 : (int) file.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public String getMessage() {
        return MESSAGE + String.join(", ", forbidden);
    }

    @Override
    public int[] getLines() {
        return new int[] {line};
    }
}
