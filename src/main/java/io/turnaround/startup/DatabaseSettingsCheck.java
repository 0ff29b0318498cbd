package io.turnaround.startup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import java.util.ArrayList;
import java.util.List;

/**
 * The postgres profile starts only on the database it is given: without a URL and a user it stops before anything
 * else starts and names what is missing, rather than guess a database or fall back to the embedded one.
 */
class DatabaseSettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("postgres"))) {
            return;
        }
        String url = environment.getProperty("spring.datasource.url", "").strip();
        List<String> missing = new ArrayList<>();
        if (url.isEmpty()) {
            missing.add("TURNAROUND_DB_URL (spring.datasource.url)");
        }
        if (environment.getProperty("spring.datasource.username", "").isBlank()) {
            missing.add("TURNAROUND_DB_USER (spring.datasource.username)");
        }
        if (!missing.isEmpty()) {
            throw new StartupRefusedException("The postgres profile needs its database settings, and these are not set: "
                    + String.join(", ", missing) + ".",
                    "Set TURNAROUND_DB_URL (e.g. jdbc:postgresql://db.example:5432/turnaround), TURNAROUND_DB_USER and "
                            + "TURNAROUND_DB_PASSWORD in the server's environment (README, \"Running on PostgreSQL\").");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            // Only the scheme: the rest of a URL may hold a password.
            String[] parts = url.split(":", 3);
            String kind = parts.length >= 2 ? parts[0] + ":" + parts[1] : "no JDBC URL";
            throw new StartupRefusedException("The postgres profile needs a PostgreSQL database, and TURNAROUND_DB_URL "
                    + "(spring.datasource.url) names another kind: " + kind + ".",
                    "Set TURNAROUND_DB_URL to a jdbc:postgresql:// URL.");
        }
    }
}
