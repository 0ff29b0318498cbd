package io.turnaround.policy;

import io.turnaround.policy.facts.Channel;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.TicketFacts;
import io.turnaround.policy.facts.Tier;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyDraftsTest {

    private static final PolicyBundle SHIPPED = PolicyBundle.fromDirectory(Path.of("."));

    private final PolicyDrafts drafts = new PolicyDrafts(new PolicySettings(null, false, Duration.ofSeconds(10),
            DataSize.ofMegabytes(256)));

    @Test
    void aDraftIsCompiledOnceForTicketAfterTicketAndTheOldestIsLetGoOf() {
        PolicyBundle first = commented("first");
        assertThat(drafts.compile(first).problems()).isEmpty();
        TicketFacts site = new TicketFacts(Tier.GOLD, Hosting.PARTNER, "Site is down", "", Channel.EMAIL,
                Instant.parse("2026-06-03T17:00:00Z"), null);
        assertThat(drafts.decide(first, site).policyVersion()).as("no version's decision").isZero();
        assertThat(kept("0.0.1")).as("compiled once, kept").isTrue();
        assertThat(kept("0.0.2")).isFalse();

        drafts.compile(commented("second"));
        drafts.compile(commented("third"));

        assertThat(kept("0.0.1")).as("the oldest of three is let go of").isFalse();
        assertThat(kept("0.0.2")).isTrue();
        assertThat(kept("0.0.3")).isTrue();
        assertThat(drafts.decide(first, site).route()).as("compiled again when asked again").isNotNull();
        assertThat(kept("0.0.4")).isTrue();
    }

    @Test
    void aDraftThatDoesNotCompileSaysWhereWithItsTemplateProblems() {
        PolicyBundle broken = SHIPPED.with(Map.of("rules/sla.drl", SHIPPED.files().get("rules/sla.drl")
                + "\nrule \"broken\" when then oops end\n", "rules/mail/acknowledgement.txt", "Subject: [{{nope}}]\n"),
                List.of());

        assertThat(drafts.compile(broken).problems()).extracting(PolicyProblem::file)
                .contains("rules/sla.drl", "rules/mail/acknowledgement.txt");
    }

    private static PolicyBundle commented(String comment) {
        return SHIPPED.with(Map.of("rules/sla.drl", SHIPPED.files().get("rules/sla.drl") + "\n// " + comment + "\n"),
                List.of());
    }

    private static boolean kept(String version) {
        KieServices kie = KieServices.get();
        return kie.getRepository().getKieModule(kie.newReleaseId(PolicyCompiler.GROUP_ID, PolicyCompiler.ARTIFACT_ID,
                version)) != null;
    }
}
