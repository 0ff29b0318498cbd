package io.turnaround.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Clients")
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
    @Operation(summary = "Clients, all or those whose name or contact domain holds `q`")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients")
    List<Client> all(@RequestParam(required = false) @Size(max = 200) String q) {
        return q == null || q.isBlank() ? clients.all() : clients.search(q);
    }

    @Operation(summary = "Add a client")
    @ApiResponse(responseCode = "201", description = "The client")
    @ApiResponse(responseCode = "409", description = "A client of that name exists", content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/api/clients")
    ResponseEntity<Client> create(@Valid @RequestBody ClientRequest request, Authentication user) {
        Client created = administration.create(user.getName(), request.fields());
        return ResponseEntity.created(URI.create("/api/clients/" + created.id())).body(created);
    }

    @Operation(summary = "A client")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}")
    Client one(@PathVariable long id) {
        return clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    @Operation(summary = "Change a client's fields",
            description = "A null field stays as it is; an empty text clears an optional one. The tier has its own "
                    + "operation.")
    @ApiResponse(responseCode = "200", description = "The client as it is now")
    @ApiResponse(responseCode = "409", description = "Another client has that name", content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PatchMapping("/api/clients/{id}")
    Client change(@PathVariable long id, @Valid @RequestBody ClientRequest request, Authentication user) {
        return administration.change(user.getName(), id, request.fields());
    }

    @Operation(summary = "A client's contacts: addresses and whole domains")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}/contacts")
    List<Clients.Contact> contacts(@PathVariable long id) {
        return clients.contactsOf(one(id).id());
    }

    @Operation(summary = "Add a contact (an address or a whole domain) to a client")
    @ApiResponse(responseCode = "201", description = "The contact")
    @ApiResponse(responseCode = "409", description = "The address or domain is another client's contact already",
            content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping("/api/clients/{id}/contacts")
    ResponseEntity<Clients.Contact> addContact(@PathVariable long id, @Valid @RequestBody NewContact contact,
                                               Authentication user) {
        Clients.Contact added = administration.addContact(user.getName(), id, contact.address(), contact.name());
        return ResponseEntity.created(URI.create("/api/clients/" + id + "/contacts/" + added.address())).body(added);
    }

    @Operation(summary = "Remove a contact from a client")
    @ApiResponse(responseCode = "204", description = "Removed")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @DeleteMapping("/api/clients/{id}/contacts/{contact}")
    ResponseEntity<Void> removeContact(@PathVariable long id, @PathVariable String contact, Authentication user) {
        administration.removeContact(user.getName(), id, contact);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Every change to a client, newest first")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @GetMapping("/api/clients/{id}/audit")
    List<ClientAudit.Entry> audit(@PathVariable long id,
                                  @RequestParam(defaultValue = "200") @Min(1) @Max(5000) int limit) {
        return audit.of(one(id).id(), limit);
    }

    /** A CSV file of clients and contacts: a dry run, or, with the dry run's token, applied all or nothing. */
    @Operation(summary = "Import clients and contacts from CSV",
            description = "Without `apply`, a dry run that changes nothing and answers with a token; with the dry "
                    + "run's token as `apply`, the same file applied, all or nothing.")
    @ApiResponse(responseCode = "200", description = "What the file does (a dry run) or did")
    @ApiResponse(responseCode = "422", description = "The file has problems, listed by line; nothing was changed")
    @ApiResponse(responseCode = "409", description = "This is not the file the dry run checked", content = @Content)
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PostMapping(value = "/api/clients/import", consumes = "text/csv")
    ResponseEntity<ClientImport.Report> importCsv(@RequestBody String csv, @RequestParam(required = false) String apply,
                                                  Authentication user) {
        ClientImport.Report report = apply == null ? imports.dryRun(csv, user.getName())
                : imports.apply(csv, apply, user.getName());
        return ResponseEntity.status(report.problems().isEmpty() ? 200 : 422).body(report);
    }
}
