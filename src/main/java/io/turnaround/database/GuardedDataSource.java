package io.turnaround.database;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * A pool as the server's code sees it: a statement made for a web request gets the web statement timeout, and the
 * connections on loan are known, so that they can all be cut at once when the database stops answering (a thread
 * waiting on a stalled database would otherwise wait for the driver's socket timeout).
 */
final class GuardedDataSource extends DelegatingDataSource {

    private static final Logger log = LoggerFactory.getLogger(GuardedDataSource.class);
    private static final ThreadLocal<Boolean> WEB_REQUEST = new ThreadLocal<>();

    private final String name;
    private final int webStatementTimeoutSeconds;
    private final BooleanSupplier lending;
    private final Set<Connection> onLoan = ConcurrentHashMap.newKeySet();

    GuardedDataSource(String name, DataSource pool, int webStatementTimeoutSeconds, BooleanSupplier lending) {
        super(pool);
        this.name = name;
        this.webStatementTimeoutSeconds = webStatementTimeoutSeconds;
        this.lending = lending;
    }

    /** Marks the calling thread as serving a web request until {@link #endWebRequest()}. */
    static void beginWebRequest() {
        WEB_REQUEST.set(Boolean.TRUE);
    }

    static void endWebRequest() {
        WEB_REQUEST.remove();
    }

    @Override
    public Connection getConnection() throws SQLException {
        refuseWhileNotLending();
        return guarded(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        refuseWhileNotLending();
        return guarded(super.getConnection(username, password));
    }

    /**
     * While the database does not answer, a connection is refused at once: the pool would otherwise check its idle
     * ones (up to the validation timeout each) and then try to connect (up to the login timeout) for every caller.
     */
    private void refuseWhileNotLending() throws SQLTransientConnectionException {
        if (!lending.getAsBoolean()) {
            throw new SQLTransientConnectionException("the database does not answer; no connection from " + name, "08001");
        }
    }

    /** Cuts the network connection under every connection on loan; their threads get an error at once. */
    int cutConnectionsOnLoan() {
        int cut = 0;
        for (Connection connection : onLoan) {
            try {
                if (connection.isWrapperFor(PGConnection.class)) {
                    ((Connection) connection.unwrap(PGConnection.class)).abort(Runnable::run);
                    cut++;
                }
            } catch (SQLException | RuntimeException e) {
                log.debug("Could not cut a connection of {}: {}", name, e.toString());
            }
        }
        return cut;
    }

    int onLoan() {
        return onLoan.size();
    }

    private Connection guarded(Connection pooled) {
        Connection guarded = (Connection) Proxy.newProxyInstance(GuardedDataSource.class.getClassLoader(),
                new Class<?>[]{Connection.class}, new Loan(pooled));
        onLoan.add(pooled);
        return guarded;
    }

    private final class Loan implements InvocationHandler {

        private final Connection pooled;

        Loan(Connection pooled) {
            this.pooled = pooled;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "close":
                    onLoan.remove(pooled);
                    break;
                default:
                    break;
            }
            Object result;
            try {
                result = method.invoke(pooled, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof Statement statement && WEB_REQUEST.get() != null && webStatementTimeoutSeconds > 0) {
                statement.setQueryTimeout(webStatementTimeoutSeconds);
            }
            return result;
        }
    }
}
