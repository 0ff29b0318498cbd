package io.turnaround.staff;

import io.turnaround.TurnaroundApplication;
import io.turnaround.startup.StartupRefusedException;
import io.turnaround.support.Api;
import io.turnaround.support.PostgresDatabase;
import io.turnaround.workflow.EnginePersistence;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * On PostgreSQL without the demo profile no account has a known password: a new database has none (its first admin
 * comes from a one-time link, FirstAdminOnPostgresIT), and a database that ran the demo is refused until its accounts
 * are retired.
 */
class DemoAccountsOnPostgresIT {

    private static final String DEMO_ACCOUNTS = "[admin, alice, andy, dave, hana, intake, maria, sam, tess]";

    static {
        EnginePersistence.configure();
    }

    @Test
    void aNewDatabaseHasNoAccountAtAllButALinkForTheFirstAdmin() {
        PostgresDatabase database = PostgresDatabase.create();
        try (ConfigurableApplicationContext server = start(database.springArgs())) {
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            for (String table : new String[] {"staff_user", "staff_role", "staff_group", "api_token", "client"}) {
                assertThat(jdbc.queryForObject("select count(*) from " + table, Integer.class)).as(table).isZero();
            }
            assertThat(jdbc.queryForObject("select count(*) from setup_token where used_at is null", Integer.class))
                    .as("the first admin's set-up link (FirstAdminOnPostgresIT)").isEqualTo(1);
            Api api = new Api(portOf(server));
            assertThat(api.get("admin", "/api/policy").status()).isEqualTo(401);
        }
    }

    @Test
    void aDatabaseThatRanTheDemoIsRefusedWithoutTheDemoProfileUntilItsAccountsAreRetired() throws IOException {
        PostgresDatabase database = PostgresDatabase.create();
        start(database.springArgsWithDemoData()).close();

        assertThatThrownBy(() -> start(database.springArgs()))
                .getRootCause().isInstanceOf(StartupRefusedException.class)
                .hasMessage("This database holds demo accounts whose password is \"demo\" " + DEMO_ACCOUNTS
                        + ": it was started with the demo profile, and without that profile the server does not start on it.");

        jdbcOf(database).execute(readmeSql("flyway_schema_history"));
        try (ConfigurableApplicationContext server = start(database.springArgs())) {
            Api api = new Api(portOf(server));
            assertThat(api.get("admin", "/api/policy").status()).isEqualTo(401);
            assertThat(server.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from staff_user where enabled = true", Integer.class)).isZero();
        }
    }

    @Test
    void theDemoDataIsNotLoadedWithoutTheDemoProfileEvenWhenItsLocationIsGiven() {
        PostgresDatabase database = PostgresDatabase.create();
        assertThatThrownBy(() -> start(Stream.concat(Stream.of(database.springArgs()), Stream.of(
                "--spring.flyway.locations=classpath:db/migration/common,classpath:db/migration/{vendor},classpath:db/demo"))
                .toArray(String[]::new)))
                .getRootCause().isInstanceOf(StartupRefusedException.class)
                .hasMessage("spring.flyway.locations includes [classpath:db/demo], the demo accounts whose password is "
                        + "\"demo\", but the demo profile is not on.");
        assertThat(jdbcOf(database).queryForObject("select count(*) from information_schema.tables"
                + " where table_schema = 'public'", Integer.class)).as("nothing was created").isZero();
    }

    private static ConfigurableApplicationContext start(String[] databaseArgs) {
        return new SpringApplicationBuilder(TurnaroundApplication.class).run(Stream.concat(Stream.of(databaseArgs),
                Stream.of("--server.port=0", "--jbpm.quartz.start-delay=1")).toArray(String[]::new));
    }

    private static JdbcTemplate jdbcOf(PostgresDatabase database) {
        return new JdbcTemplate(new DriverManagerDataSource(database.url(), database.user(), ""));
    }

    private static int portOf(ConfigurableApplicationContext server) {
        return ((ServletWebServerApplicationContext) server).getWebServer().getPort();
    }


    /** The README's SQL block that contains this text, as an admin would paste it into psql. */
    private static String readmeSql(String containing) throws IOException {
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(Path.of("README.md")));
        while (block.find()) {
            if (block.group(1).contains(containing)) {
                return block.group(1);
            }
        }
        throw new IllegalStateException("no SQL block in README.md contains " + containing);
    }
}
