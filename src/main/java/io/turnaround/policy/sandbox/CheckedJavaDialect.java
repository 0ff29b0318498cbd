package io.turnaround.policy.sandbox;

import io.turnaround.policy.sandbox.BytecodeCheck.Violation;
import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.builder.impl.errors.ErrorHandler;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.compiler.lang.descr.BaseDescr;
import org.drools.compiler.lang.descr.ProcessDescr;
import org.drools.core.definitions.InternalKnowledgePackage;
import org.drools.core.rule.JavaDialectRuntimeData;
import org.drools.mvel.java.JavaDialect;
import org.kie.memorycompiler.resources.MemoryResourceReader;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Drools' Java dialect with one step added between compiling and loading: each new class is checked against the
 * {@link AllowList}, and a class that references anything else is reported (file, line, name) and taken out of
 * the package before anything can load it, so none of its code, static initialisers included, ever runs.
 */
class CheckedJavaDialect extends JavaDialect {

    private static final BytecodeCheck CHECK = new BytecodeCheck(AllowList.shipped(),
            CheckedJavaDialect.class.getClassLoader());

    private final InternalKnowledgePackage pkg;
    private final Map<String, BaseDescr> sources = new ConcurrentHashMap<>();

    CheckedJavaDialect(ClassLoader rootClassLoader, KnowledgeBuilderConfigurationImpl conf, PackageRegistry registry,
                       InternalKnowledgePackage pkg) {
        super(rootClassLoader, conf, registry, pkg);
        this.pkg = pkg;
    }

    @Override
    public void addClassCompileTask(String className, BaseDescr descr, String text, MemoryResourceReader src,
                                    ErrorHandler handler) {
        sources.put(className, descr);
        super.addClassCompileTask(className, descr, text, src, handler);
    }

    /** Checks what the Java compiler wrote; the engine's own generated invokers (no policy text in them) are not. */
    @Override
    public void compileAll() {
        JavaDialectRuntimeData data = (JavaDialectRuntimeData) pkg.getDialectRuntimeRegistry().getDialectData(ID);
        Map<String, byte[]> before = new HashMap<>(data.getStore());
        super.compileAll();
        for (Map.Entry<String, byte[]> compiled : List.copyOf(data.getStore().entrySet())) {
            String resource = compiled.getKey();
            if (before.get(resource) == compiled.getValue()) {
                continue;
            }
            String className = resource.substring(0, resource.length() - ".class".length()).replace('/', '.');
            boolean script = PolicyCodeError.sourceOf(className, null, sources) instanceof ProcessDescr;
            List<Violation> violations = CHECK.check(compiled.getValue(), script);
            if (!violations.isEmpty()) {
                data.getStore().remove(resource);
                data.remove(className);
                getResults().addAll(PolicyCodeError.of(violations, sources));
            }
        }
    }
}
