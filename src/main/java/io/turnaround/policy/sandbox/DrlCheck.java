package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.ConditionCheck.Binding;
import io.turnaround.policy.sandbox.ConditionCheck.Scope;
import org.drools.compiler.compiler.DrlParser;
import org.drools.compiler.compiler.DroolsParserException;
import org.drools.compiler.lang.descr.AndDescr;
import org.drools.compiler.lang.descr.AnnotationDescr;
import org.drools.compiler.lang.descr.AttributeDescr;
import org.drools.compiler.lang.descr.BaseDescr;
import org.drools.compiler.lang.descr.EvalDescr;
import org.drools.compiler.lang.descr.ExistsDescr;
import org.drools.compiler.lang.descr.ExprConstraintDescr;
import org.drools.compiler.lang.descr.ForallDescr;
import org.drools.compiler.lang.descr.FunctionDescr;
import org.drools.compiler.lang.descr.FunctionImportDescr;
import org.drools.compiler.lang.descr.ImportDescr;
import org.drools.compiler.lang.descr.NotDescr;
import org.drools.compiler.lang.descr.OrDescr;
import org.drools.compiler.lang.descr.PackageDescr;
import org.drools.compiler.lang.descr.PatternDescr;
import org.drools.compiler.lang.descr.QueryDescr;
import org.drools.compiler.lang.descr.RuleDescr;
import org.kie.internal.builder.conf.LanguageLevelOption;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a DRL file may contain, checked before the rule compiler sees any of it. Java code (consequences, functions,
 * evals) is left to {@link CheckedJavaDialect}, which checks what it compiles to; everything the engine would run as
 * MVEL instead is either checked here ({@link ConditionCheck}) or refused: the {@code mvel} dialect, rule attributes
 * that take expressions, {@code from}, {@code accumulate}, {@code collect}, queries, declared types and globals.
 */
final class DrlCheck {

    /** Rule attributes whose values are names, literals or dates; the others (timer, calendars...) take code. */
    private static final Set<String> ATTRIBUTES = Set.of("salience", "enabled", "no-loop", "lock-on-active",
            "auto-focus", "agenda-group", "activation-group", "ruleflow-group", "dialect", "date-effective",
            "date-expires");

    private static final Pattern LITERAL = Pattern.compile("\"[^\"\\\\]*\"|-?\\d+(\\.\\d+)?|true|false");

    private final AllowList allowed;
    private final ConditionCheck conditions;
    private final ClassLoader application;

    DrlCheck(AllowList allowed, ClassLoader application) {
        this.allowed = allowed;
        this.conditions = new ConditionCheck(allowed);
        this.application = application;
    }

    /** The problems of every DRL file of a bundle (path to text); functions are shared by the files of a package. */
    List<CodeProblem> check(Map<String, String> files) {
        List<CodeProblem> problems = new ArrayList<>();
        Map<String, PackageDescr> parsed = new HashMap<>();
        Map<String, Set<String>> functions = new HashMap<>();
        files.forEach((path, text) -> {
            DrlParser parser = new DrlParser(LanguageLevelOption.DRL6);
            try {
                PackageDescr pkg = parser.parse(false, text);
                parser.getErrors().forEach(e ->
                        problems.add(new CodeProblem(path, firstLine(e.getLines()), e.getMessage())));
                if (pkg != null && !parser.hasErrors()) {
                    parsed.put(path, pkg);
                    pkg.getFunctions().forEach(f ->
                            functions.computeIfAbsent(pkg.getName(), p -> new HashSet<>()).add(f.getName()));
                }
            } catch (DroolsParserException e) {
                problems.add(new CodeProblem(path, 0, e.getMessage()));
            }
        });
        parsed.forEach((path, pkg) -> new File(path, pkg, functions.getOrDefault(pkg.getName(), new HashSet<>()),
                problems).check());
        return problems;
    }

    private static int firstLine(int[] lines) {
        return lines == null || lines.length == 0 ? 0 : Math.max(lines[0], 0);
    }

    /** The check of one parsed file. */
    private final class File {

        private final String path;
        private final PackageDescr pkg;
        private final Set<String> functions;
        private final List<CodeProblem> problems;
        private final DrlClassNames classes;

        File(String path, PackageDescr pkg, Set<String> functions, List<CodeProblem> problems) {
            this.path = path;
            this.pkg = pkg;
            this.functions = functions;
            this.problems = problems;
            this.classes = new DrlClassNames(pkg.getName(), pkg.getImports(), application);
        }

        void check() {
            pkg.getAttributes().forEach(a -> attribute(a, a.getLine()));
            pkg.getImports().forEach(this::importOf);
            pkg.getFunctionImports().forEach(this::functionImport);
            pkg.getAccumulateImports().forEach(a -> refuse(a, "'import accumulate' is not allowed in policy code"));
            pkg.getGlobals().forEach(g -> refuse(g, "globals are not allowed in policy code: the server sets none"));
            pkg.getTypeDeclarations().forEach(t -> refuse(t, "'declare' is not allowed in policy code: the facts are "
                    + "the classes of io.turnaround.policy.facts"));
            pkg.getEnumDeclarations().forEach(t -> refuse(t, "'declare enum' is not allowed in policy code"));
            pkg.getEntryPointDeclarations().forEach(e -> refuse(e, "entry points are not allowed in policy code"));
            pkg.getWindowDeclarations().forEach(w -> refuse(w, "windows are not allowed in policy code"));
            for (FunctionDescr function : pkg.getFunctions()) {
                if (function.getDialect() != null && !function.getDialect().equals("java")) {
                    refuse(function, "function " + function.getName() + ": only the java dialect is allowed in policy code");
                }
            }
            pkg.getRules().forEach(this::rule);
        }

        private void importOf(ImportDescr imported) {
            String target = imported.getTarget();
            if (!target.endsWith(".*") && classes.findQualified(target).map(c -> !allowed.allowsType(c.getName()))
                    .orElse(false)) {
                refuse(imported, PolicyCodeError.MESSAGE + target);
            }
        }

        private void functionImport(FunctionImportDescr imported) {
            String target = imported.getTarget();
            int dot = target.lastIndexOf('.');
            Class<?> owner = dot < 0 ? null : classes.findQualified(target.substring(0, dot)).orElse(null);
            try {
                if (owner == null || new Members(allowed).requireStatic(owner, target.substring(dot + 1)) == 0) {
                    throw new CodeRefusedException("cannot resolve 'import function " + target + "'");
                }
                functions.add(target.substring(dot + 1));
            } catch (CodeRefusedException e) {
                refuse(imported, e.getMessage());
            }
        }

        private void rule(RuleDescr rule) {
            if (rule instanceof QueryDescr) {
                refuse(rule, "queries are not allowed in policy code");
                return;
            }
            if (rule.getUnit() != null) {
                refuse(rule, "rule units are not allowed in policy code");
            }
            rule.getAttributes().values().forEach(a -> attribute(a, rule.getLine()));
            rule.getAnnotations().forEach(a -> annotation(a, rule));
            Map<String, Set<Class<?>>> bindings = new HashMap<>();
            lhs(rule.getLhs(), bindings);
        }

        private void attribute(AttributeDescr attribute, int line) {
            String name = attribute.getName();
            String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
            boolean ok = switch (name) {
                case "dialect" -> value.replace("\"", "").equals("java");
                case "salience" -> value.matches("-?\\d+");
                case "enabled", "no-loop", "lock-on-active", "auto-focus" -> value.matches("|true|false");
                default -> ATTRIBUTES.contains(name);
            };
            if (!ok) {
                problems.add(new CodeProblem(path, Math.max(attribute.getLine(), line), "rule attribute '" + name
                        + (value.isEmpty() ? "" : " " + value) + "' is not allowed in policy code"
                        + (name.equals("dialect") ? ": policy code is written in the java dialect" : "")
                        + (name.equals("salience") ? ": salience is a whole number" : "")));
            }
        }

        /** The engine evaluates a rule annotation's value as MVEL while it compiles, so only literals may be given. */
        private void annotation(AnnotationDescr annotation, RuleDescr rule) {
            for (Object value : annotation.getValueMap().values()) {
                if (value != null && !LITERAL.matcher(value.toString().strip()).matches()) {
                    refuse(annotation.getLine() > 0 ? annotation : rule, "the value of @" + annotation.getName()
                            + " must be a text in quotes, a number, true or false in policy code");
                }
            }
        }

        private void lhs(BaseDescr element, Map<String, Set<Class<?>>> bindings) {
            if (element instanceof AndDescr || element instanceof OrDescr || element instanceof NotDescr
                    || element instanceof ExistsDescr || element instanceof ForallDescr) {
                for (BaseDescr child : ((org.drools.compiler.lang.descr.ConditionalElementDescr) element).getDescrs()) {
                    lhs(child, bindings);
                }
            } else if (element instanceof PatternDescr pattern) {
                pattern(pattern, bindings);
            } else if (!(element instanceof EvalDescr)) {
                refuse(element, "'" + element.getClass().getSimpleName().replace("Descr", "").toLowerCase()
                        + "' is not allowed in policy code");
            }
        }

        private void pattern(PatternDescr pattern, Map<String, Set<Class<?>>> bindings) {
            if (pattern.getSource() != null || !pattern.getBehaviors().isEmpty() || pattern.isQuery()) {
                refuse(pattern, "'from', 'accumulate', 'collect', entry points, windows and queries are not allowed in "
                        + "policy code");
                return;
            }
            Set<Class<?>> types = classes.find(pattern.getObjectType());
            if (types.size() != 1 || !allowed.allowsClass(types.iterator().next().getName())) {
                refuse(pattern, types.isEmpty() ? "cannot resolve the fact type " + pattern.getObjectType()
                        : PolicyCodeError.MESSAGE + pattern.getObjectType());
                return;
            }
            Class<?> type = types.iterator().next();
            if (pattern.getIdentifier() != null) {
                bindings.put(pattern.getIdentifier(), Set.of(type));
            }
            for (BaseDescr constraint : pattern.getDescrs()) {
                if (!(constraint instanceof ExprConstraintDescr expression)) {
                    refuse(constraint, "this condition is not allowed in policy code");
                    continue;
                }
                try {
                    conditions.check(expression.getExpression(), new Scope(type, bindings, classes, functions))
                            .ifPresent((Binding b) -> bindings.put(b.name(), b.types()));
                } catch (CodeRefusedException e) {
                    refuse(constraint.getLine() > 0 ? constraint : pattern, e.getMessage());
                }
            }
        }

        private void refuse(BaseDescr where, String message) {
            problems.add(new CodeProblem(path, Math.max(where.getLine(), 0), message));
        }
    }
}
