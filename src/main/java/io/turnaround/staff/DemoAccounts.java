package io.turnaround.staff;

import io.turnaround.startup.StartupRefusedException;
import org.flywaydb.core.api.Location;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Arrays;
import java.util.List;

/**
 * The demo accounts (db/demo: alice, admin and the rest, password "demo", printed in the README) exist only with the
 * demo profile. Without it the server neither loads them nor starts on a database that holds them.
 */
@Configuration(proxyBeanMethods = false)
class DemoAccounts {

    /** How db/demo stores "demo": an account still holding this hash has the password anyone can read. */
    static final String DEMO_PASSWORD_HASH = "$2a$10$w7k3ikz4yS4Pfo0ZGdnSzeeKQ2IrJMVCEjFQw27EtgHVSdnlORbZi";
    static final String DEMO_DATA = "db/demo";

    /** Checked before Flyway migrates: a database that ran db/demo would otherwise fail its validation, unexplained. */
    @Bean
    @Profile("!demo")
    FlywayMigrationStrategy migrateWithoutDemoAccounts() {
        return flyway -> {
            List<String> loadsDemoData = Arrays.stream(flyway.getConfiguration().getLocations())
                    .map(Location::getDescriptor).filter(location -> location.endsWith(DEMO_DATA)).toList();
            if (!loadsDemoData.isEmpty()) {
                throw new StartupRefusedException("spring.flyway.locations includes " + loadsDemoData
                        + ", the demo accounts whose password is \"demo\", but the demo profile is not on.",
                        "Remove it from spring.flyway.locations (SPRING_FLYWAY_LOCATIONS), or add the demo profile "
                                + "(--spring.profiles.active=postgres,demo), which listens on 127.0.0.1 only.");
            }
            List<String> accounts = in(new JdbcTemplate(flyway.getConfiguration().getDataSource()));
            if (!accounts.isEmpty()) {
                throw new StartupRefusedException("This database holds demo accounts whose password is \"demo\" "
                        + accounts + ": it was started with the demo profile, and without that profile the server "
                        + "does not start on it.",
                        "Use a new database for real work, or retire the demo accounts first (README, \"Running on "
                                + "PostgreSQL\"). To go on trying things out on it, add the demo profile "
                                + "(--spring.profiles.active=postgres,demo), which listens on 127.0.0.1 only.");
            }
            flyway.migrate();
        };
    }

    /** Enabled accounts that still have the demo password, by name; none while the schema does not exist yet. */
    static List<String> in(JdbcTemplate jdbc) {
        Integer tables = jdbc.queryForObject(
                "select count(*) from information_schema.tables where lower(table_name) = 'staff_user'", Integer.class);
        if (tables == null || tables == 0) {
            return List.of();
        }
        return jdbc.queryForList("select username from staff_user where password_hash = ? and enabled = true"
                + " order by username", String.class, DEMO_PASSWORD_HASH);
    }
}
