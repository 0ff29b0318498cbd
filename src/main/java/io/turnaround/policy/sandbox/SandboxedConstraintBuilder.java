package io.turnaround.policy.sandbox;

import org.drools.compiler.builder.impl.KnowledgeBuilderConfigurationImpl;
import org.drools.compiler.compiler.Dialect;
import org.drools.compiler.compiler.DialectConfiguration;
import org.drools.compiler.compiler.PackageRegistry;
import org.drools.core.definitions.InternalKnowledgePackage;
import org.drools.mvel.MVELConstraintBuilder;
import org.drools.mvel.java.JavaForMvelDialectConfiguration;

/**
 * Drools' own constraint builder, but its Java dialect checks what it compiles ({@link CheckedJavaDialect}).
 * Registered in {@code META-INF/kie.conf} above Drools' default, so every rule and process this application
 * compiles goes through it: the policy is the only code the application compiles at run time.
 */
public class SandboxedConstraintBuilder extends MVELConstraintBuilder {

    @Override
    public DialectConfiguration createJavaDialectConfiguration() {
        return new JavaForMvelDialectConfiguration() {
            @Override
            public Dialect newDialect(ClassLoader rootClassLoader, KnowledgeBuilderConfigurationImpl conf,
                                      PackageRegistry registry, InternalKnowledgePackage pkg) {
                return new CheckedJavaDialect(rootClassLoader, conf, registry, pkg);
            }
        };
    }
}
