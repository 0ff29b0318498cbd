package io.turnaround.ticket;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

@Repository
class Clients {

    private final JdbcTemplate jdbc;

    Clients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client a sender writes for, found by the contact's email address (case-insensitive). */
    Optional<Client> findByContact(String email) {
        return jdbc.query("select c.* from client c join client_contact cc on cc.client_id = c.id where cc.email = ?",
                (rs, n) -> new Client(rs.getLong("id"), rs.getString("name"), Tier.valueOf(rs.getString("tier")),
                        Hosting.valueOf(rs.getString("hosting")), rs.getString("hosting_contact"),
                        ZoneId.of(rs.getString("time_zone"))),
                email.trim().toLowerCase(Locale.ROOT)).stream().findFirst();
    }
}
