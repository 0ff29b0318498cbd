package io.turnaround.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.turnaround.support.Api;
import io.turnaround.support.Multipart;
import io.turnaround.support.PolicyFolders;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.support.ServerProcess;
import io.turnaround.support.Waits;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one database: a version activated on one is deployed and used by the other within seconds, and a
 * rollback made on the other comes back the same way.
 */
class PolicyActivationAcrossNodesOnPostgresIT {

    private static final Logger log = LoggerFactory.getLogger(PolicyActivationAcrossNodesOnPostgresIT.class);
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final String SHOP_DOWN = "{\"from\":\"ops@goldcrest.example\",\"subject\":\"Our shop is down\","
            + "\"body\":\"Since this morning\"}";

    @Test
    void aVersionActivatedOnOneNodeDecidesTheOthersTicketsWithinSeconds() throws Exception {
        PostgresDatabase database = PostgresDatabase.create();
        try (ServerProcess a = ServerProcess.start(database, "policy-a");
             ServerProcess b = ServerProcess.start(database, "policy-b")) {
            Api onA = a.api();
            Api onB = b.api();
            int shipped = onB.get("andy", "/api/policy").body().get("policyVersion").asInt();
            assertThat(onB.post("intake", "/api/tickets", SHOP_DOWN).body().get("category").asText())
                    .isEqualTo("NON_EMERGENCY");

            // The analyst adds a phrase to the emergency list; the admin activates it on node A.
            Path folder = PolicyFolders.copyOfShipped();
            PolicyFolders.edit(folder, "rules/classification.drl", "\"site is down | ", "\"site is down | shop is down | ");
            Multipart form = new Multipart().field("description", "a shop that is down is an emergency")
                    .file("files", "classification.drl", Files.readString(folder.resolve("rules/classification.drl")));
            JsonNode upload = onA.post("andy", "/api/policy/versions", form.bytes(), form.contentType()).body();
            assertThat(upload.at("/version/state").asText()).as(upload.toString()).isEqualTo("DRAFT");
            int added = upload.at("/version/number").asInt();
            assertThat(onA.post("admin", "/api/policy/versions/" + added + "/activation", "{}").status()).isEqualTo(200);
            Instant activated = Instant.now();

            Duration followedIn = awaitActive(onB, added, activated);
            log.info("Node B followed the activation of version {} in {} ms", added, followedIn.toMillis());
            JsonNode onBAfter = onB.post("intake", "/api/tickets", SHOP_DOWN).body();
            assertThat(onBAfter.get("policyVersion").asInt()).isEqualTo(added);
            assertThat(onBAfter.get("category").asText()).isEqualTo("EMERGENCY");

            // Rolled back on node B, node A follows.
            assertThat(onB.post("admin", "/api/policy/rollback", null).body().get("number").asInt()).isEqualTo(shipped);
            Duration rolledBackIn = awaitActive(onA, shipped, Instant.now());
            log.info("Node A followed the rollback to version {} in {} ms", shipped, rolledBackIn.toMillis());
            JsonNode onAAfter = onA.post("intake", "/api/tickets", SHOP_DOWN).body();
            assertThat(onAAfter.get("policyVersion").asInt()).isEqualTo(shipped);
            assertThat(onAAfter.get("category").asText()).isEqualTo("NON_EMERGENCY");
        }
    }

    /** Waits until the node's new tickets use the version; returns how long that took. */
    private static Duration awaitActive(Api node, int version, Instant since) {
        Instant deadline = since.plus(WITHIN);
        while (node.get("andy", "/api/policy").body().get("policyVersion").asInt() != version) {
            assertThat(Instant.now()).as("the node follows within " + WITHIN).isBefore(deadline);
            Waits.sleep(Duration.ofMillis(100));
        }
        return Duration.between(since, Instant.now());
    }
}
