package io.turnaround.workflow;

import org.drools.core.SessionConfigurationImpl;
import org.jbpm.runtime.manager.impl.RuntimeEnvironmentBuilder;
import org.jbpm.runtime.manager.impl.SimpleRuntimeEnvironment;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.internal.runtime.conf.ForceEagerActivationOption;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RuntimeManagerPatchesTest {

    /** What a session's configuration holds, from the jars' configuration files and from the deployment. */
    private static final List<String> SETTINGS = List.of("drools.workDefinitions", "drools.consequenceExceptionHandler",
            "drools.processInstanceManagerFactory", "drools.workItemManagerFactory", "drools.clockType",
            "drools.keepReference", "drools.timerJobFactory");

    private final SimpleRuntimeEnvironment environment = (SimpleRuntimeEnvironment) RuntimeEnvironmentBuilder.Factory
            .get().newEmptyBuilder().persistence(false).addConfiguration("drools.clockType", "pseudo").get();
    private final RuntimeManagerPatches.ConfiguredOnce cached =
            new RuntimeManagerPatches.ConfiguredOnce(environment);

    @Test
    void aCachedConfigurationHoldsWhatJbpmsOwnDoes() {
        SessionConfigurationImpl jbpms = (SessionConfigurationImpl) environment.getConfiguration();

        for (int session = 0; session < 3; session++) {
            SessionConfigurationImpl ours = (SessionConfigurationImpl) cached.getConfiguration();
            for (String setting : SETTINGS) {
                assertThat(ours.getPropertyValue(setting, "unset")).as(setting)
                        .isEqualTo(jbpms.getPropertyValue(setting, "unset"));
            }
            assertThat(ours.getClockType()).isEqualTo(jbpms.getClockType());
            assertThat(ours.getForceEagerActivationFilter().accept(null)).isTrue();
        }
        assertThat(jbpms.getPropertyValue("drools.workDefinitions", null)).as("read from a jar").isEqualTo("WorkDefinitions.conf");
        assertThat(jbpms.getPropertyValue("drools.clockType", null)).as("the deployment's own").isEqualTo("pseudo");
    }

    @Test
    void everySessionGetsAConfigurationOfItsOwn() {
        KieSessionConfiguration first = cached.getConfiguration();
        first.setProperty("drools.clockType", "realtime");
        first.setOption(ForceEagerActivationOption.NO);

        SessionConfigurationImpl second = (SessionConfigurationImpl) cached.getConfiguration();
        assertThat(second).isNotSameAs(first);
        assertThat(second.getPropertyValue("drools.clockType", null)).isEqualTo("pseudo");
        assertThat(second.getForceEagerActivationFilter().accept(null)).isTrue();
    }
}
