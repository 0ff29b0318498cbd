package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.XmlTree.Node;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a BPMN file may contain, checked before the process compiler sees it. Scripts and conditions must be Java,
 * which {@link CheckedJavaDialect} checks as compiled; the engine would run everything else as MVEL, so it is refused
 * unless it is a plain {@code #{variable.property}} path whose getters are allowed. Service tasks (which call any
 * class by name), XPath assignments, transformations, completion conditions and DOCTYPEs (external entities) are
 * refused outright.
 */
final class BpmnCheck {

    static final String JAVA = "http://www.java.com/java";
    private static final String DRL = "http://www.jboss.org/drools/rule";
    private static final Pattern EXPRESSION = Pattern.compile("#\\{([^}]*)(})?");
    private static final Pattern PATH = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Set<String> REFUSED = Set.of("completionCondition", "loopCondition", "condition",
            "transformation", "activationCondition", "complexBehaviorDefinition", "serviceTask",
            "multiInstanceLoopCharacteristics", "standardLoopCharacteristics", "correlationProperty",
            "correlationSubscription", "correlationKey", "correlationPropertyRetrievalExpression");
    /** Elements naming a variable or data input, which the engine may evaluate as MVEL when it maps data. */
    private static final Set<String> NAMES = Set.of("sourceRef", "targetRef", "loopDataInputRef", "loopDataOutputRef");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final AllowList allowed;
    private final Members members;
    private final ClassLoader application;

    BpmnCheck(AllowList allowed, ClassLoader application) {
        this.allowed = allowed;
        this.members = new Members(allowed);
        this.application = application;
    }

    List<CodeProblem> check(String path, String text) {
        Problems problems = new Problems(path);
        Optional<Node> root = XmlTree.parse(text, problems::add);
        root.ifPresent(definitions -> new Walk(definitions, problems).node(definitions));
        return problems.list();
    }

    private record Problems(String path, List<CodeProblem> list) {
        Problems(String path) {
            this(path, new java.util.ArrayList<>());
        }

        void add(int line, String message) {
            list.add(new CodeProblem(path, line, message));
        }
    }

    /** One file's walk, knowing its process variables' types. */
    private final class Walk {

        private final Problems problems;
        private final Map<String, Class<?>> variables = new HashMap<>();
        private final Set<String> untyped = new HashSet<>();

        Walk(Node definitions, Problems problems) {
            this.problems = problems;
            Map<String, String> itemTypes = new HashMap<>();
            definitions.descendants("itemDefinition").forEach(item -> itemTypes.put(item.attribute("id"),
                    item.attribute("structureRef")));
            for (Node variable : definitions.descendants("property", "dataObject").toList()) {
                String name = variable.attribute("name") != null ? variable.attribute("name") : variable.attribute("id");
                Optional<Class<?>> type = type(itemTypes.get(variable.attribute("itemSubjectRef")));
                type.ifPresentOrElse(t -> variables.put(name, t), () -> untyped.add(name));
            }
        }

        void node(Node node) {
            node.attributes().values().forEach(value -> expressions(value, node.line()));
            expressions(node.text(), node.line());
            String name = node.name();
            if (REFUSED.contains(name)) {
                problems.add(node.line(), "'" + name + "' is not allowed in policy processes"
                        + (name.equals("serviceTask") ? ": a service task calls a Java class by name" : ""));
            } else if (NAMES.contains(name) && !NAME.matcher(node.text().strip()).matches()) {
                problems.add(node.line(), name + " must name a variable or a data input (letters, digits and _): "
                        + node.text().strip());
            } else if (name.equals("script")) {
                language(node, node.parent().attribute("scriptFormat"), "scriptFormat");
            } else if (name.equals("conditionExpression")) {
                language(node, node.attribute("language"), "language");
            } else if ((name.equals("from") || name.equals("to")) && node.attribute("language") != null) {
                problems.add(node.line(), "an assignment may not name a language in policy processes");
            } else if (name.equals("assignment") && node.parent().child("sourceRef").isPresent()) {
                problems.add(node.line(), "an assignment from a variable is an XPath expression, not allowed in policy "
                        + "processes: map the variable with sourceRef and targetRef alone");
            } else if (name.equals("businessRuleTask") && node.attribute("implementation") != null
                    && !node.attribute("implementation").equals(DRL)) {
                problems.add(node.line(), "a business-rule task must use the DRL rules (implementation=\"" + DRL + "\")");
            } else if (name.equals("itemDefinition")) {
                itemType(node);
            }
            node.children().forEach(this::node);
        }

        private void language(Node node, String language, String attribute) {
            if (!JAVA.equals(language)) {
                problems.add(node.line(), "scripts and conditions in policy processes are Java: "
                        + (language == null ? "add " + attribute + "=\"" + JAVA + "\"" : language + " is not allowed"));
            }
        }

        private void itemType(Node item) {
            String structure = item.attribute("structureRef");
            type(structure).filter(t -> {
                Class<?> element = t.isArray() ? t.getComponentType() : t;
                return !element.isPrimitive() && !allowed.allowsType(element.getName());
            }).ifPresent(t -> problems.add(item.line(), PolicyCodeError.MESSAGE + structure));
        }

        /** Each #{...} must be a variable or a property path on one; the engine evaluates it as MVEL. */
        private void expressions(String value, int line) {
            if (value == null || !value.contains("#{")) {
                return;
            }
            Matcher m = EXPRESSION.matcher(value);
            while (m.find()) {
                String body = m.group(1).strip();
                if (m.group(2) == null || !PATH.matcher(body).matches()) {
                    problems.add(line, "only a variable or a property path (#{name} or #{name.property}) may be "
                            + "used in a process expression: #{" + m.group(1) + (m.group(2) == null ? "" : "}"));
                    continue;
                }
                try {
                    path(body);
                } catch (CodeRefusedException e) {
                    problems.add(line, e.getMessage());
                }
            }
        }

        private void path(String path) {
            String[] names = path.split("\\.");
            if (!variables.containsKey(names[0]) && !(untyped.contains(names[0]) && names.length == 1)) {
                throw new CodeRefusedException("#{" + path + "}: " + names[0] + " is not a variable of the process");
            }
            Set<Class<?>> types = names.length == 1 ? Set.of() : Set.of(variables.get(names[0]));
            for (int i = 1; i < names.length; i++) {
                Set<Class<?>> next = new HashSet<>();
                for (Class<?> type : types) {
                    next.addAll(members.property(type, names[i]));
                }
                if (next.isEmpty()) {
                    throw new CodeRefusedException("cannot resolve #{" + path + "}");
                }
                types = next;
            }
        }

        /** A structureRef's class: qualified, or a java.lang name as jBPM reads "String". */
        private Optional<Class<?>> type(String name) {
            if (name == null || name.isBlank()) {
                return Optional.empty();
            }
            for (String candidate : name.contains(".") ? List.of(name) : List.of("java.lang." + name, name)) {
                try {
                    return Optional.of(Class.forName(candidate, false, application));
                } catch (ClassNotFoundException | LinkageError e) {
                    // try the next reading
                }
            }
            return Optional.empty();
        }
    }
}
