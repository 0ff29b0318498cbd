package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Managers and admins add and change clients and their contacts (README, "Clients and contacts"). Nobody is deleted:
 * a client is disabled, and its mail then waits in triage. Every change is audited, field by field. The tier changes
 * only through {@code PUT /api/clients/{id}/tier}, which decides the client's open tickets again.
 */
@Service
public class ClientAdministration {

    private final JdbcTemplate jdbc;
    private final Clients clients;
    private final ClientAudit audit;

    ClientAdministration(JdbcTemplate jdbc, Clients clients, ClientAudit audit) {
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    /**
     * What to set; null leaves a field as it is. The hosting contact, licensing fee and plan start are text, so that
     * an empty one clears it; the fee is an amount ({@code 400.00}), the plan start a date ({@code 2026-01-01}).
     */
    public record Fields(String name, Tier tier, Hosting hosting, String hostingContact, String timeZone,
                         String licensingFee, String planStart, Boolean enabled) {
    }

    /** A new client, enabled unless the fields say otherwise; it needs a name, a tier, a hosting and a time zone. */
    @Transactional
    public Client create(String actor, Fields fields) {
        return createIn(actor, fields);
    }

    /** Changes what the fields name and audits each that really changed; the tier is refused here. */
    @Transactional
    public Client change(String actor, long id, Fields fields) {
        return changeIn(actor, id, fields);
    }

    /**
     * As {@link #create}, in the caller's transaction; a refusal comes before anything is written, so the caller's
     * transaction can go on after it.
     */
    Client createIn(String actor, Fields fields) {
        if (fields.name() == null || fields.tier() == null || fields.hosting() == null || fields.timeZone() == null
                || fields.timeZone().isBlank()) {
            throw new InvalidClientRequestException("a new client needs a name, a tier, a hosting (PARTNER or SELF)"
                    + " and a time zone");
        }
        Values values = checked(null, fields);
        try {
            jdbc.update("insert into client (name, tier, hosting, hosting_contact, time_zone, licensing_fee, plan_start,"
                            + " enabled) values (?, ?, ?, ?, ?, ?, ?, ?)", values.name, fields.tier().name(),
                    values.hosting.name(), values.hostingContact, values.zone.getId(), values.fee, values.planStart,
                    !Boolean.FALSE.equals(fields.enabled()));
        } catch (DuplicateKeyException e) {
            throw addedMeanwhile(values.name);
        }
        Client created = byName(values.name).orElseThrow();
        audit.record(actor, created.id(), "created", null, created.name() + " (" + created.tier() + ")");
        return created;
    }

    /** As {@link #change}, in the caller's transaction; a refusal comes before anything is written. */
    Client changeIn(String actor, long id, Fields fields) {
        Client before = clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
        if (fields.tier() != null && fields.tier() != before.tier()) {
            throw new InvalidClientRequestException("the tier changes with PUT /api/clients/" + id + "/tier (admins),"
                    + " which decides the client's open tickets again");
        }
        Values after = checked(before, fields);
        boolean enabled = fields.enabled() == null ? before.enabled() : fields.enabled();
        try {
            jdbc.update("update client set name = ?, hosting = ?, hosting_contact = ?, time_zone = ?, licensing_fee = ?,"
                            + " plan_start = ?, enabled = ? where id = ?", after.name, after.hosting.name(),
                    after.hostingContact, after.zone.getId(), after.fee, after.planStart, enabled, id);
        } catch (DuplicateKeyException e) {
            throw addedMeanwhile(after.name);
        }
        changed(actor, id, "name", before.name(), after.name);
        changed(actor, id, "hosting", before.hosting(), after.hosting);
        changed(actor, id, "hosting_contact", before.hostingContact(), after.hostingContact);
        changed(actor, id, "time_zone", before.timeZone(), after.zone);
        changed(actor, id, "licensing_fee", before.licensingFee(), after.fee);
        changed(actor, id, "plan_start", before.planStart(), after.planStart);
        changed(actor, id, "enabled", before.enabled(), enabled);
        return clients.find(id).orElseThrow();
    }

    /** Adds an address or a whole domain; a conflict names the client that has it already. */
    @Transactional
    public Clients.Contact addContact(String actor, long clientId, String addressOrDomain, String name) {
        clients.find(clientId).orElseThrow(() -> new ClientNotFoundException(clientId));
        clients.addContact(actor, clientId, addressOrDomain, name);
        return clients.contact(addressOrDomain).orElseThrow();
    }

    /** Removes a contact of the client: its mail goes to triage from then on. */
    @Transactional
    public void removeContact(String actor, long clientId, String addressOrDomain) {
        String contact = ContactAddresses.normalized(addressOrDomain);
        if (jdbc.update("delete from client_contact where client_id = ? and email = ?", clientId, contact) == 0) {
            throw new ContactNotFoundException(clientId, contact);
        }
        audit.record(actor, clientId, "contact", contact, null);
    }

    Optional<Client> byName(String name) {
        return clients.byName(name);
    }

    private void changed(String actor, long id, String what, Object before, Object after) {
        if (!Objects.equals(before, after)
                && !(before instanceof BigDecimal b && after instanceof BigDecimal a && b.compareTo(a) == 0)) {
            audit.record(actor, id, what, before, after);
        }
    }

    /** Another request took the name between the check and the write: the database's unique index tells. */
    private static ClientConflictException addedMeanwhile(String name) {
        return new ClientConflictException("a client named " + name + " was added meanwhile");
    }

    /** A client's values once the fields are applied to it (or to nothing, for a new one), each rule checked. */
    private record Values(String name, Hosting hosting, String hostingContact, ZoneId zone, BigDecimal fee,
                          LocalDate planStart) {
    }

    private Values checked(Client before, Fields fields) {
        String name = fields.name() == null ? before.name() : fields.name().trim();
        if (name.isEmpty() || name.length() > 200) {
            throw new InvalidClientRequestException("a client's name has 1 to 200 characters");
        }
        byName(name).filter(other -> before == null || other.id() != before.id()).ifPresent(other -> {
            throw new ClientConflictException("a client named " + other.name() + " exists already (client "
                    + other.id() + ")");
        });
        Hosting hosting = fields.hosting() == null ? before.hosting() : fields.hosting();
        String contact = fields.hostingContact() == null ? before == null ? null : before.hostingContact()
                : blankToNull(ContactAddresses.normalized(fields.hostingContact()));
        if (contact != null && (ContactAddresses.isDomain(contact) || ContactAddresses.refusal(contact).isPresent())) {
            throw new InvalidClientRequestException("the hosting contact is the mail address of whoever hosts the"
                    + " client's platform: not " + fields.hostingContact());
        }
        if (hosting == Hosting.SELF && contact == null) {
            throw new InvalidClientRequestException("a self-hosted client needs a hosting contact: the address its"
                    + " emergencies are forwarded to");
        }
        return new Values(name, hosting, contact, zone(before, fields.timeZone()), fee(before, fields.licensingFee()),
                planStart(before, fields.planStart()));
    }

    private static ZoneId zone(Client before, String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return before.timeZone();
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException e) {
            throw new InvalidClientRequestException(timeZone + " is no IANA time zone (e.g. America/New_York)");
        }
    }

    private static BigDecimal fee(Client before, String fee) {
        if (fee == null) {
            return before == null ? null : before.licensingFee();
        }
        if (fee.isBlank()) {
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(fee.trim());
        } catch (NumberFormatException e) {
            amount = null;
        }
        if (amount == null || amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 10) {
            throw new InvalidClientRequestException("a licensing fee is an amount such as 400.00 (not negative, at"
                    + " most 2 decimals, below 10 000 000 000): not " + fee);
        }
        return amount.setScale(2);
    }

    private static LocalDate planStart(Client before, String date) {
        if (date == null) {
            return before == null ? null : before.planStart();
        }
        try {
            return date.isBlank() ? null : LocalDate.parse(date.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidClientRequestException("a plan start is a date such as 2026-01-01: not " + date);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
