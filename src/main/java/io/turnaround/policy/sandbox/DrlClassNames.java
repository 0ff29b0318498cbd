package io.turnaround.policy.sandbox;

import org.drools.compiler.lang.descr.ImportDescr;
import org.mvel2.compiler.AbstractParser;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The classes a simple name in a DRL file may mean: MVEL's built-in class names (which need no import, and include
 * {@code Runtime}, {@code System} and {@code Class}), the file's imports, its own package and {@code java.lang}.
 * Each is returned, so a name that two of them could mean is checked both ways.
 */
final class DrlClassNames implements ConditionCheck.ClassNames {

    private final String pkg;
    private final List<ImportDescr> imports;
    private final ClassLoader application;

    DrlClassNames(String pkg, List<ImportDescr> imports, ClassLoader application) {
        this.pkg = pkg;
        this.imports = imports;
        this.application = application;
    }

    @Override
    public Set<Class<?>> find(String name) {
        Set<Class<?>> found = new LinkedHashSet<>();
        if (AbstractParser.CLASS_LITERALS.get(name) instanceof Class<?> literal && !literal.isPrimitive()) {
            found.add(literal);
        }
        for (ImportDescr imported : imports) {
            String target = imported.getTarget();
            if (target.endsWith(".*")) {
                findQualified(target.substring(0, target.length() - 1) + name).ifPresent(found::add);
            } else if (target.equals(name) || target.endsWith("." + name)) {
                findQualified(target).ifPresent(found::add);
            }
        }
        findQualified(pkg + "." + name).ifPresent(found::add);
        findQualified("java.lang." + name).ifPresent(found::add);
        if (name.contains(".")) {
            findQualified(name).ifPresent(found::add);
        }
        return found;
    }

    /** A class by its qualified name, nested classes written with dots or dollars; loaded, never initialised. */
    @Override
    public Optional<Class<?>> findQualified(String qualifiedName) {
        String name = qualifiedName;
        while (true) {
            try {
                return Optional.of(Class.forName(name, false, application));
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }
}
