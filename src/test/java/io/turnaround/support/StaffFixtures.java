package io.turnaround.support;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Staff accounts for tests on databases without the demo data; every password is "demo". */
public final class StaffFixtures {

    private StaffFixtures() {
    }

    public static void addStaff(ApplicationContext context, String username, String role, String... groups) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        String hash = context.getBean(PasswordEncoder.class).encode("demo");
        jdbc.update("insert into staff_user (username, password_hash, display_name, email) values (?, ?, ?, ?)",
                username, hash, username, username + "@staff.example");
        jdbc.update("insert into staff_role (username, role) values (?, ?)", username, role);
        for (String group : groups) {
            jdbc.update("insert into staff_group (username, group_name) values (?, ?)", username, group);
        }
    }

    public static void addClient(ApplicationContext context, String name, String tier, String hosting, String contact) {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        jdbc.update("insert into client (name, tier, hosting, hosting_contact, time_zone) values (?, ?, ?, ?, 'America/Los_Angeles')",
                name, tier, hosting, "SELF".equals(hosting) ? "ops@" + name.toLowerCase().replace(' ', '-') + ".example" : null);
        Long id = jdbc.queryForObject("select id from client where name = ?", Long.class, name);
        jdbc.update("insert into client_contact (email, client_id) values (?, ?)", contact, id);
    }
}
