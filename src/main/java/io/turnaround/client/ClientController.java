package io.turnaround.client;

import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import javax.validation.Valid;
import javax.validation.constraints.Max;
import javax.validation.constraints.Min;
import javax.validation.constraints.NotBlank;
import javax.validation.constraints.Size;
import java.net.URI;
import java.util.List;

/**
 * Managers and admins add and change clients, their contacts (addresses and whole domains), and import both from CSV
 * (README, "Clients and contacts"). The tier has its own endpoint, which decides open tickets again.
 */
@RestController
@Validated
class ClientController {

    private final Clients clients;
    private final ClientAdministration administration;
    private final ClientAudit audit;
    private final ClientImport imports;

    ClientController(Clients clients, ClientAdministration administration, ClientAudit audit, ClientImport imports) {
        this.clients = clients;
        this.administration = administration;
        this.audit = audit;
        this.imports = imports;
    }

    /** The fields of a client; null leaves one as it is, and an empty text clears the optional ones. */
    record ClientRequest(@Size(max = 200) String name, Tier tier, Hosting hosting, @Size(max = 320) String hostingContact,
                         @Size(max = 64) String timeZone, @Size(max = 20) String licensingFee,
                         @Size(max = 10) String planStart, Boolean enabled) {

        ClientAdministration.Fields fields() {
            return new ClientAdministration.Fields(name, tier, hosting, hostingContact, timeZone, licensingFee,
                    planStart, enabled);
        }
    }

    record NewContact(@NotBlank @Size(max = 320) String address, @Size(max = 200) String name) {
    }

    /** Every client, or those whose name or contact domain holds {@code q}. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients")
    List<Client> all(@RequestParam(required = false) @Size(max = 200) String q) {
        return q == null || q.isBlank() ? clients.all() : clients.search(q);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/api/clients")
    ResponseEntity<Client> create(@Valid @RequestBody ClientRequest request, Authentication user) {
        Client created = administration.create(user.getName(), request.fields());
        return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(created);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}")
    Client one(@PathVariable long id) {
        return clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PatchMapping("/api/clients/{id}")
    Client change(@PathVariable long id, @Valid @RequestBody ClientRequest request, Authentication user) {
        return administration.change(user.getName(), id, request.fields());
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}/contacts")
    List<Clients.Contact> contacts(@PathVariable long id) {
        return clients.contactsOf(one(id).id());
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/api/clients/{id}/contacts")
    ResponseEntity<Clients.Contact> addContact(@PathVariable long id, @Valid @RequestBody NewContact contact,
                                               Authentication user) {
        Clients.Contact added = administration.addContact(user.getName(), id, contact.address(), contact.name());
        return ResponseEntity.created(URI.create("/api/clients/" + id + "/contacts/" + added.address())).body(added);
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @DeleteMapping("/api/clients/{id}/contacts/{contact}")
    ResponseEntity<Void> removeContact(@PathVariable long id, @PathVariable String contact, Authentication user) {
        administration.removeContact(user.getName(), id, contact);
        return ResponseEntity.noContent().build();
    }

    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}/audit")
    List<ClientAudit.Entry> audit(@PathVariable long id,
                                  @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
        return audit.of(one(id).id(), limit);
    }

    /** A CSV file of clients and contacts: a dry run, or, with the dry run's token, applied all or nothing. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping(value = "/api/clients/import", consumes = "text/csv")
    ResponseEntity<ClientImport.Report> importCsv(@RequestBody String csv, @RequestParam(required = false) String apply,
                                                  Authentication user) {
        ClientImport.Report report = apply == null ? imports.dryRun(csv, user.getName())
                : imports.apply(csv, apply, user.getName());
        return ResponseEntity.status(report.problems().isEmpty() ? 200 : 422).body(report);
    }
}
