package io.turnaround.database;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.HeuristicCompletionException;

import javax.transaction.HeuristicMixedException;

import java.net.SocketException;
import java.sql.SQLException;
import java.util.NoSuchElementException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

    @Test
    void aLostConnectionDeepInTheEnginesWrappingIsADatabaseFailure() {
        PSQLException lost = new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE, new SocketException("Socket closed"));
        RuntimeException wrapped = new RuntimeException("[support-ticket:59 - Decide category]",
                new IllegalStateException("could not execute statement", lost));

        assertThat(DatabaseFailures.isDatabaseFailure(wrapped)).isTrue();
    }

    @Test
    void aCancelledStatementAndAPoolWithNoConnectionFreeInTimeAreDatabaseFailures() {
        assertThat(DatabaseFailures.isDatabaseFailure(new PSQLException("canceling statement due to user request",
                PSQLState.QUERY_CANCELED))).isTrue();
        assertThat(DatabaseFailures.isDatabaseFailure(new SQLException("Cannot get a connection, pool error Timeout"
                + " waiting for idle object", new NoSuchElementException("Timeout waiting for idle object")))).isTrue();
        assertThat(DatabaseFailures.isDatabaseFailure(new CannotGetJdbcConnectionException("Failed to obtain JDBC"
                + " Connection", new SQLException("Unable to acquire a new connection from the pool")))).isTrue();
    }

    @Test
    void aCommitWhoseOutcomeTheDatabaseCutOffIsADatabaseFailure() {
        // What the JTA transaction manager throws when the connection is reset during a one-phase commit.
        assertThat(DatabaseFailures.isDatabaseFailure(new HeuristicCompletionException(
                HeuristicCompletionException.STATE_MIXED, new HeuristicMixedException()))).isTrue();
    }

    @Test
    void aBrokenConstraintOrABugIsNot() {
        assertThat(DatabaseFailures.isDatabaseFailure(new PSQLException("duplicate key value violates unique constraint",
                PSQLState.UNIQUE_VIOLATION))).isFalse();
        assertThat(DatabaseFailures.isDatabaseFailure(new IllegalStateException("no such ticket"))).isFalse();
        assertThat(DatabaseFailures.isDatabaseFailure(new NoSuchElementException("No value present"))).isFalse();
    }
}
