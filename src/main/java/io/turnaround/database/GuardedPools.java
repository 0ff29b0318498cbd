package io.turnaround.database;

import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Guards the two pools the server has ({@link GuardedDataSource}): {@code dataSource}, Narayana's pooled XA datasource
 * (DBCP2's BasicManagedDataSource) for the server's transactions, which Quartz also uses inside them; and
 * {@code quartzNotManagedDataSource}, a plain DBCP2 pool Quartz uses on its own, which gets the same driver timeouts
 * as the first ({@code spring.datasource.xa.properties.*}) since it is built from {@code quartz.datasource.*} alone.
 */
final class GuardedPools implements BeanPostProcessor {

    static final String SERVER_POOL = "dataSource";
    static final String QUARTZ_POOL = "quartzNotManagedDataSource";

    private final Environment environment;
    private final List<GuardedDataSource> pools = new CopyOnWriteArrayList<>();
    private volatile boolean lending = true;

    GuardedPools(Environment environment) {
        this.environment = environment;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (!(bean instanceof DataSource pool) || !(SERVER_POOL.equals(name) || QUARTZ_POOL.equals(name))) {
            return bean;
        }
        Binder settings = Binder.get(environment);
        if (QUARTZ_POOL.equals(name) && bean instanceof BasicDataSource quartz
                && quartz.getUrl() != null && quartz.getUrl().startsWith("jdbc:postgresql:")) {
            settings.bind("spring.datasource.xa.properties", Bindable.mapOf(String.class, String.class))
                    .orElse(Map.of()).forEach(quartz::addConnectionProperty);
        }
        Duration webTimeout = settings.bind("turnaround.database.web-statement-timeout", Duration.class)
                .orElse(Duration.ofSeconds(30));
        GuardedDataSource guarded = new GuardedDataSource(name, pool, (int) webTimeout.toSeconds(), () -> lending);
        pools.add(guarded);
        return guarded;
    }

    /** The database does not answer: no connection is lent until {@link #lend()}. */
    void refuse() {
        lending = false;
    }

    void lend() {
        lending = true;
    }

    /** Cuts every connection on loan from either pool; returns how many. */
    int cutConnectionsOnLoan() {
        return pools.stream().mapToInt(GuardedDataSource::cutConnectionsOnLoan).sum();
    }
}
