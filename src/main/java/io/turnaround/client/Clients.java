package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The clients and their contacts. */
@Repository
public class Clients {

    private final JdbcTemplate jdbc;

    Clients(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The client a sender writes for, found by the contact's email address (case-insensitive). */
    public Optional<Client> findByContact(String email) {
        return jdbc.query("select c.* from client c join client_contact cc on cc.client_id = c.id where cc.email = ?",
                Clients::map, normalized(email)).stream().findFirst();
    }

    /** Whether the address may write for the client: one of its contacts, or its own hosting support. */
    public boolean speaksFor(Client client, String email) {
        String address = normalized(email);
        return address.equalsIgnoreCase(client.hostingContact()) || jdbc.queryForObject(
                "select count(*) from client_contact where client_id = ? and lower(email) = ?", Integer.class,
                client.id(), address) > 0;
    }

    public Optional<Client> findByTicket(long ticketId) {
        return jdbc.query("select c.* from client c join ticket t on t.client_id = c.id where t.id = ?", Clients::map,
                ticketId).stream().findFirst();
    }

    public Optional<Client> find(long id) {
        return jdbc.query("select * from client where id = ?", Clients::map, id).stream().findFirst();
    }

    /** Every client, by name: a short list (the company's customers). */
    public List<Client> all() {
        return jdbc.query("select * from client order by name, id", Clients::map);
    }

    public void changeTier(long clientId, Tier tier) {
        jdbc.update("update client set tier = ? where id = ?", tier.name(), clientId);
    }

    /** Makes the address a contact of the client; the caller has checked it is no other client's. */
    public void addContact(long clientId, String email) {
        jdbc.update("insert into client_contact (email, client_id) select ?, ? where not exists"
                + " (select 1 from client_contact where email = ?)", normalized(email), clientId, normalized(email));
    }

    private static Client map(ResultSet rs, int row) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("name"), Tier.valueOf(rs.getString("tier")),
                Hosting.valueOf(rs.getString("hosting")), rs.getString("hosting_contact"),
                ZoneId.of(rs.getString("time_zone")), rs.getBigDecimal("licensing_fee"));
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
