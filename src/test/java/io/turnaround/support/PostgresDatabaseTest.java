package io.turnaround.support;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void theServerGivenInTheEnvironmentComesFirst() throws IOException {
        assertThat(PostgresDatabase.server("db.example:5433", serverFile("127.0.0.1:21000").toString()))
                .isEqualTo("db.example:5433");
    }

    @Test
    void withoutOneTheBuildsOwnServerIsUsed() throws IOException {
        assertThat(PostgresDatabase.server(null, serverFile("127.0.0.1:21000").toString())).isEqualTo("127.0.0.1:21000");
        assertThat(PostgresDatabase.server(" ", serverFile("127.0.0.1:21000").toString())).isEqualTo("127.0.0.1:21000");
    }

    @Test
    void outsideABuildsTestsTheMachinesServerIsUsed() {
        assertThat(PostgresDatabase.server(null, null)).isEqualTo("127.0.0.1:5432");
    }

    @Test
    void aBuildWhoseServerIsNotThereSaysSoInOneLine() {
        Path missing = dir.resolve("server.properties");

        assertThatThrownBy(() -> PostgresDatabase.server(null, missing.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No PostgreSQL for the tests: " + missing + " is missing, which the build writes when it has"
                        + " started one (mvn verify, at pre-integration-test); or set TURNAROUND_TEST_PG to a server's"
                        + " host:port");
    }

    private Path serverFile(String server) throws IOException {
        return Files.writeString(dir.resolve("server.properties"), "server=" + server + "\npid=1\n");
    }
}
