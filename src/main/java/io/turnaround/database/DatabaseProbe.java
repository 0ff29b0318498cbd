package io.turnaround.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks the database every {@code probe-every}, on a connection and a thread of its own, whether it answers within
 * {@code probe-timeout}. While it does not, the server refuses requests at once (503), its readiness is DOWN, the
 * background work waits, and the connections that were waiting on it are cut; the first answer ends all that.
 * Health shows it as the {@code database} component (in the readiness group), without ever waiting on the database.
 */
@Component("database")
public class DatabaseProbe implements HealthIndicator, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseProbe.class);

    private final DatabaseSettings settings;
    private final DataSourceProperties database;
    private final GuardedPools pools;
    private final Clock clock;
    private final ScheduledExecutorService prober = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "database-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile State state;
    private Connection connection;
    private volatile boolean running;

    private record State(boolean answering, Instant since, String reason) {
    }

    DatabaseProbe(DatabaseSettings settings, DataSourceProperties database, GuardedPools pools, Clock clock) {
        this.settings = settings;
        this.database = database;
        this.pools = pools;
        this.clock = clock;
        this.state = new State(true, clock.instant(), null);
    }

    /** False from the first unanswered probe until the next answered one. Never waits. */
    public boolean answering() {
        return state.answering();
    }

    /** How long a refused caller is told to wait before trying again. */
    public long retryAfterSeconds() {
        return Math.max(1, settings.retryAfter().toSeconds());
    }

    @Override
    public Health health() {
        State now = state;
        Health.Builder health = now.answering() ? Health.up() : Health.down().withDetail("reason", now.reason());
        return health.withDetail("since", now.since().toString()).build();
    }

    @Override
    public void start() {
        running = true;
        long every = settings.probeEvery().toMillis();
        prober.scheduleWithFixedDelay(this::probe, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        prober.shutdownNow();
        try {
            if (prober.awaitTermination(settings.probeTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                forget(); // the probe's own connection goes with it
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops after the web server (and the mail reader), so that requests drained at shutdown still have it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    void probe() {
        boolean reused = connection != null;
        long started = System.nanoTime();
        Exception failure = ask();
        if (failure != null && reused && System.nanoTime() - started < settings.probeTimeout().toNanos() / 2) {
            failure = ask(); // its connection was reset (a cut, a restarted server): a new one tells whether it answers
        }
        if (failure == null) {
            if (!state.answering()) {
                log.warn("The database answers again (after {}); taking requests", state.reason());
                pools.lend();
                state = new State(true, clock.instant(), null);
            }
        } else if (state.answering()) {
            String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            state = new State(false, clock.instant(), reason);
            pools.refuse();
            int cut = pools.cutConnectionsOnLoan();
            log.error("The database does not answer ({}): refusing requests until it does; cut {} connection(s)"
                    + " that were waiting on it", reason, cut);
        }
    }

    /** Null if the database answered in time. */
    private Exception ask() {
        try {
            if (connection == null) {
                connection = DriverManager.getConnection(database.determineUrl(), connectionProperties());
            }
            if (!connection.isValid(timeoutSeconds())) {
                throw new SQLException("no answer within " + settings.probeTimeout().toMillis() + " ms");
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            forget();
            return e;
        }
    }

    private void forget() {
        Connection stale = connection;
        connection = null;
        if (stale != null) {
            try {
                stale.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("Closing the probe's connection: {}", e.toString());
            }
        }
    }

    private Properties connectionProperties() {
        Properties properties = new Properties();
        if (database.determineUsername() != null) {
            properties.setProperty("user", database.determineUsername());
        }
        if (database.determinePassword() != null) {
            properties.setProperty("password", database.determinePassword());
        }
        if (database.determineUrl().startsWith("jdbc:postgresql:")) {
            String timeout = Integer.toString(timeoutSeconds());
            properties.setProperty("connectTimeout", timeout);
            properties.setProperty("socketTimeout", timeout);
            properties.setProperty("loginTimeout", timeout);
            properties.setProperty("ApplicationName", "turnaround database probe");
        }
        return properties;
    }

    private int timeoutSeconds() {
        return (int) Math.max(1, (settings.probeTimeout().toMillis() + 999) / 1000);
    }
}
