package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.turnaround.client.ContactAddresses.domainOf;
import static io.turnaround.client.ContactAddresses.normalized;

/** The clients and their contacts: addresses and whole domains. */
@Repository
public class Clients {

    /** A contact of a client: an address or a domain ({@code @bluebird.example}), and the name of the person. */
    public record Contact(String address, long clientId, String clientName, String name) {

        public boolean domain() {
            return address.startsWith("@");
        }
    }

    private final JdbcTemplate jdbc;
    private final ClientAudit audit;

    Clients(JdbcTemplate jdbc, ClientAudit audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The client a sender writes for: the one that has the sender's address as a contact, else the one that has the
     * sender's domain (case-insensitive). Disabled clients are found too: the caller decides what they get.
     */
    public Optional<Client> findByContact(String email) {
        String address = normalized(email);
        return jdbc.query("select c.* from client c join client_contact cc on cc.client_id = c.id"
                        + " where cc.email in (?, ?) order by case when cc.email = ? then 0 else 1 end",
                Clients::map, address, domainOf(address), address).stream().findFirst();
    }

    /** Whether the address may write for the client: one of its contacts (or at its domain), or its own hosting support. */
    public boolean speaksFor(Client client, String email) {
        String address = normalized(email);
        return address.equalsIgnoreCase(client.hostingContact()) || jdbc.queryForObject(
                "select count(*) from client_contact where client_id = ? and email in (?, ?)", Integer.class,
                client.id(), address, domainOf(address)) > 0;
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

    /** The clients whose name holds the text, or that have a contact at a domain holding it; by name. */
    public List<Client> search(String text) {
        String like = "%" + literal(text.trim().toLowerCase(Locale.ROOT)) + "%";
        return jdbc.query("select * from client c where lower(c.name) like ? escape '\\' or exists (select 1 from"
                + " client_contact cc where cc.client_id = c.id and substring(cc.email from position('@' in cc.email))"
                + " like ? escape '\\') order by name, id", Clients::map, like, "@" + like);
    }

    public Optional<Client> byName(String name) {
        return jdbc.query("select * from client where lower(name) = ?", Clients::map,
                name.trim().toLowerCase(Locale.ROOT)).stream().findFirst();
    }

    /** The enabled client with the most contact addresses at the domain ({@code @bluebird.example}), if any. */
    public Optional<Client> withAddressesAt(String domain) {
        String like = "%" + literal(normalized(domain));
        return jdbc.query("select * from client where enabled = true and id = (select client_id from client_contact"
                + " where email like ? escape '\\' and email not like '@%' group by client_id order by count(*) desc,"
                + " client_id fetch first 1 rows only)", Clients::map, like).stream().findFirst();
    }

    /** The contacts of a client: its domains first, then its addresses. */
    public List<Contact> contactsOf(long clientId) {
        return jdbc.query("select cc.*, c.name client_name from client_contact cc join client c on c.id = cc.client_id"
                + " where cc.client_id = ? order by cc.email", Clients::contact, clientId);
    }

    /** Each client's contact domains, its addresses' domains too, without the at sign: what staff search them by. */
    public Map<Long, SortedSet<String>> contactDomains() {
        Map<Long, SortedSet<String>> domains = new HashMap<>();
        jdbc.query("select client_id, email from client_contact", rs -> {
            domains.computeIfAbsent(rs.getLong("client_id"), id -> new TreeSet<>())
                    .add(domainOf(rs.getString("email")).substring(1));
        });
        return domains;
    }

    /** Who holds exactly this address or domain as a contact. */
    public Optional<Contact> contact(String addressOrDomain) {
        return jdbc.query("select cc.*, c.name client_name from client_contact cc join client c on c.id = cc.client_id"
                + " where cc.email = ?", Clients::contact, normalized(addressOrDomain)).stream().findFirst();
    }

    /** Sets the tier, audited; the caller decides the client's open tickets again. */
    public void changeTier(String actor, Client client, Tier tier) {
        jdbc.update("update client set tier = ? where id = ?", tier.name(), client.id());
        audit.record(actor, client.id(), "tier", client.tier(), tier);
    }

    /**
     * Makes the address or domain a contact of the client, audited; a contact the client has already is left as it
     * is. Throws {@link ClientConflictException} naming the client that has it already.
     */
    public void addContact(String actor, long clientId, String addressOrDomain, String name) {
        String contact = normalized(addressOrDomain);
        ContactAddresses.refusal(contact).ifPresent(reason -> {
            throw new InvalidClientRequestException(reason);
        });
        Optional<Contact> holder = contact(contact);
        if (holder.isPresent()) {
            if (holder.get().clientId() != clientId) {
                throw new ClientConflictException(contact + " is already a contact of " + holder.get().clientName()
                        + " (client " + holder.get().clientId() + ")");
            }
            return;
        }
        jdbc.update("insert into client_contact (email, client_id, name) values (?, ?, ?)", contact, clientId,
                name == null || name.isBlank() ? null : name.trim());
        audit.record(actor, clientId, "contact", null, contact);
    }

    /** The text as a LIKE pattern that matches only itself (escape character: backslash). */
    private static String literal(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Client map(ResultSet rs, int row) throws SQLException {
        Date planStart = rs.getDate("plan_start");
        return new Client(rs.getLong("id"), rs.getString("name"), Tier.valueOf(rs.getString("tier")),
                Hosting.valueOf(rs.getString("hosting")), rs.getString("hosting_contact"),
                ZoneId.of(rs.getString("time_zone")), rs.getBigDecimal("licensing_fee"),
                planStart == null ? null : planStart.toLocalDate(), rs.getBoolean("enabled"));
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(rs.getString("email"), rs.getLong("client_id"), rs.getString("client_name"),
                rs.getString("name"));
    }
}
