package io.turnaround;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages depend on each other one way only, in layers: the pages and the web's edge on top, then the features,
 * the engine's adapter, the policy, and the foundation everything may use. The engine sits behind one door: only
 * workflow/ talks to jBPM's process and task APIs, and it is an adapter that knows no feature: the features implement
 * its observer ports, and the policy declares the port it deploys through ({@code PolicyDeployer}). Likewise mail/
 * declares where the mail it reads goes ({@code MailReceiver}), which ticket intake implements.
 */
@AnalyzeClasses(packages = "io.turnaround", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("io.turnaround.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Pages").definedBy("io.turnaround.tasklist..", "io.turnaround.rollout..", "io.turnaround.admin..",
                    "io.turnaround.web..")
            .layer("Features").definedBy("io.turnaround.ticket..", "io.turnaround.quote..", "io.turnaround.billing..",
                    "io.turnaround.client..", "io.turnaround.mail..", "io.turnaround.retention..")
            .layer("Engine adapter").definedBy("io.turnaround.workflow..")
            .layer("Policy").definedBy("io.turnaround.policy..")
            .layer("Foundation").definedBy("io.turnaround.sla..", "io.turnaround.staff..", "io.turnaround.database..",
                    "io.turnaround.tracing..", "io.turnaround.startup..")
            .whereLayer("Pages").mayNotBeAccessedByAnyLayer()
            .whereLayer("Features").mayOnlyBeAccessedByLayers("Pages")
            .whereLayer("Engine adapter").mayOnlyBeAccessedByLayers("Features", "Pages")
            .whereLayer("Policy").mayOnlyBeAccessedByLayers("Engine adapter", "Features", "Pages")
            .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Policy", "Engine adapter", "Features", "Pages");

    @ArchTest
    static final ArchRule onlyWorkflowUsesTheProcessEngine = noClasses()
            .that().resideOutsideOfPackage("io.turnaround.workflow..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jbpm..", "org.kie.api.runtime.process..",
                    "org.kie.api.task..", "org.kie.internal.runtime..", "org.kie.api.runtime.manager..");

    @ArchTest
    static final ArchRule onlyPolicyAndWorkflowUseKie = noClasses()
            .that().resideOutsideOfPackages("io.turnaround.workflow..", "io.turnaround.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("org.kie..", "org.drools..");

    @ArchTest
    static final ArchRule thePolicyDeploysThroughItsOwnPort = noClasses()
            .that().resideInAPackage("io.turnaround.policy..")
            .should().dependOnClassesThat().resideInAPackage("io.turnaround.workflow..");

    @ArchTest
    static final ArchRule theSlaClockIsPlainJava = noClasses()
            .that().resideInAPackage("io.turnaround.sla..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.kie..", "org.jbpm..");
}
