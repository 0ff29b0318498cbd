package io.turnaround.mail;

import org.springframework.dao.NonTransientDataAccessResourceException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

/**
 * Tells a fault of the database itself (unreachable, timed out, shutting down, a deadlock), which passes and after
 * which the same message must be taken again, from a fault of the message (a value or constraint it breaks).
 */
final class DatabaseFaults {

    /** SQLSTATE classes of faults that pass: connection, insufficient resources, operator intervention, rollback. */
    private static final List<String> PASSING_STATES = List.of("08", "53", "57", "40", "HYT");

    private DatabaseFaults() {
    }

    static boolean isPassing(Throwable fault) {
        for (Throwable t = fault; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof NonTransientDataAccessResourceException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && PASSING_STATES.stream().anyMatch(sql.getSQLState()::startsWith)) {
                return true;
            }
        }
        return false;
    }
}
