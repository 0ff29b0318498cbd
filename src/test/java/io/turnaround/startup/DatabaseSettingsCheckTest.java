package io.turnaround.startup;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The postgres profile's database settings, checked before anything starts. */
class DatabaseSettingsCheckTest {

    @Test
    void postgresWithoutUrlOrUserIsRefusedNamingBoth() {
        assertThatThrownBy(() -> check(postgres()))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessage("The postgres profile needs its database settings, and these are not set: "
                        + "TURNAROUND_DB_URL (spring.datasource.url), TURNAROUND_DB_USER (spring.datasource.username).");
    }

    @Test
    void aBlankUserIsAsMissingAsNone() {
        assertThatThrownBy(() -> check(postgres().withProperty("spring.datasource.url", "jdbc:postgresql://db/turnaround")
                .withProperty("spring.datasource.username", " ")))
                .hasMessageEndingWith("these are not set: TURNAROUND_DB_USER (spring.datasource.username).");
    }

    @Test
    void anEmbeddedUrlIsRefusedWithoutPrintingTheRestOfIt() {
        assertThatThrownBy(() -> check(postgres().withProperty("spring.datasource.url", "jdbc:h2:file:./data;PASSWORD=s3cret")
                .withProperty("spring.datasource.username", "sa")))
                .hasMessageEndingWith("names another kind: jdbc:h2.")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void postgresWithUrlAndUserStarts() {
        assertThatCode(() -> check(postgres().withProperty("spring.datasource.url", "jdbc:postgresql://db/turnaround")
                .withProperty("spring.datasource.username", "turnaround"))).doesNotThrowAnyException();
    }

    @Test
    void otherProfilesAreNotChecked() {
        MockEnvironment demo = new MockEnvironment();
        demo.setActiveProfiles("demo");
        assertThatCode(() -> check(demo)).doesNotThrowAnyException();
    }

    private static MockEnvironment postgres() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        return environment;
    }

    private static void check(MockEnvironment environment) {
        GenericApplicationContext context = new GenericApplicationContext();
        context.setEnvironment(environment);
        new DatabaseSettingsCheck().initialize(context);
        assertThat(context.isActive()).isFalse();
    }
}
