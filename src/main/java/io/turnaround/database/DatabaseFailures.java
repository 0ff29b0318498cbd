package io.turnaround.database;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.HeuristicCompletionException;

import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.NoSuchElementException;

/** Tells a failure of the database itself (unreachable, stalled, cut, timed out, no connection free) from any other. */
public final class DatabaseFailures {

    private DatabaseFailures() {
    }

    /** True if anything in the chain of causes says the database could not be reached or did not answer in time. */
    public static boolean isDatabaseFailure(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 64; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLTimeoutException || t instanceof SocketException
                    || t instanceof SocketTimeoutException || t instanceof DataAccessResourceFailureException
                    || t instanceof QueryTimeoutException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // The database is the only resource in our transactions: a heuristic outcome means its connection broke
            // during the commit, and whether the commit took is unknown. The transaction manager logs the I/O error
            // but does not chain it. A retry with the same Idempotency-Key finds out (200 if it took, 201 if not).
            if (t instanceof HeuristicCompletionException) {
                return true;
            }
            if (t instanceof SQLException sql && (unavailable(sql.getSQLState())
                    || sql.getCause() instanceof NoSuchElementException)) { // DBCP: no connection free in time
                return true;
            }
        }
        return false;
    }

    /** 08: connection exception; 53: insufficient resources; 57: operator intervention (cancelled, shutting down). */
    private static boolean unavailable(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("53") || sqlState.startsWith("57"));
    }
}
