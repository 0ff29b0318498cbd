package io.turnaround.admin;

import io.turnaround.billing.Statements;
import io.turnaround.client.Client;
import io.turnaround.client.ClientAdministration;
import io.turnaround.client.ClientAudit;
import io.turnaround.client.ClientConflictException;
import io.turnaround.client.ClientImport;
import io.turnaround.client.ClientNotFoundException;
import io.turnaround.client.Clients;
import io.turnaround.client.ContactAddresses;
import io.turnaround.client.ContactNotFoundException;
import io.turnaround.client.InvalidClientRequestException;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import io.turnaround.staff.Staff;
import io.turnaround.ticket.TicketIntake;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * Managers and admins keep the clients in the browser as over REST: add a client, change it, its contacts (addresses
 * and whole domains), its tier (admins; open tickets are decided again), and import many from CSV after a dry run.
 * A refused form comes back with what was typed and the reason.
 */
@Controller
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
class ClientPages {

    private static final int AUDIT_SHOWN = 50;
    private static final int MAX_CSV_BYTES = 2 * 1024 * 1024;

    private final Clients clients;
    private final ClientAdministration administration;
    private final ClientAudit audit;
    private final ClientImport imports;
    private final Statements statements;
    private final TicketIntake intake;

    ClientPages(Clients clients, ClientAdministration administration, ClientAudit audit, ClientImport imports,
                Statements statements, TicketIntake intake) {
        this.clients = clients;
        this.administration = administration;
        this.audit = audit;
        this.imports = imports;
        this.statements = statements;
        this.intake = intake;
    }

    /** What the add and change forms send: the fields as typed. */
    record ClientForm(String name, Tier tier, Hosting hosting, String hostingContact, String timeZone,
                      String licensingFee, String planStart, Boolean enabled) {

        static ClientForm empty() {
            return new ClientForm("", Tier.SILVER, Hosting.PARTNER, "", "America/Los_Angeles", "", "", true);
        }

        static ClientForm of(Client c) {
            return new ClientForm(c.name(), c.tier(), c.hosting(), Objects.requireNonNullElse(c.hostingContact(), ""),
                    c.timeZone().getId(), c.licensingFee() == null ? "" : c.licensingFee().toPlainString(),
                    c.planStart() == null ? "" : c.planStart().toString(), c.enabled());
        }

        ClientAdministration.Fields fields() {
            return new ClientAdministration.Fields(name, tier, hosting, Objects.requireNonNullElse(hostingContact, ""),
                    timeZone, Objects.requireNonNullElse(licensingFee, ""), Objects.requireNonNullElse(planStart, ""),
                    enabled);
        }
    }

    /** A client in the list, with the month its statement is open for. */
    record ClientRow(Client client, YearMonth month) {
    }

    @ModelAttribute
    void common(Authentication user, Model model) {
        model.addAttribute("staff", Staff.of(user));
        model.addAttribute("tiers", Tier.values());
    }

    @GetMapping("/clients")
    String list(@RequestParam(required = false) String q, Model model) {
        List<Client> found = q == null || q.isBlank() ? clients.all() : clients.search(q);
        model.addAttribute("q", q);
        model.addAttribute("clients", found.stream().map(c -> new ClientRow(c, statements.currentMonth(c))).toList());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ClientForm.empty());
        }
        return "clients";
    }

    @PostMapping("/clients")
    String create(ClientForm form, Authentication user, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Client created;
        try {
            created = administration.create(user.getName(), form.fields());
        } catch (InvalidClientRequestException | ClientConflictException e) {
            return Refusals.page(response, status(e), e, model.addAttribute("form", form), () -> list(null, model));
        }
        redirect.addFlashAttribute("message", created.name() + " is added: now give it its contacts.");
        return "redirect:/clients/" + created.id();
    }

    @GetMapping("/clients/{id}")
    String client(@PathVariable long id, Model model) {
        Client client = clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
        model.addAttribute("client", client);
        model.addAttribute("contacts", clients.contactsOf(id));
        model.addAttribute("audit", audit.of(id, AUDIT_SHOWN));
        model.addAttribute("month", statements.currentMonth(client));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ClientForm.of(client));
        }
        return "client";
    }

    @PostMapping("/clients/{id}")
    String change(@PathVariable long id, ClientForm form, Authentication user, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            administration.change(user.getName(), id, new ClientForm(form.name(), null, form.hosting(),
                    form.hostingContact(), form.timeZone(), form.licensingFee(), form.planStart(), form.enabled())
                    .fields());
        } catch (InvalidClientRequestException | ClientConflictException e) {
            return Refusals.page(response, status(e), e, model.addAttribute("form", form), () -> client(id, model));
        }
        redirect.addFlashAttribute("message", "Saved.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/contacts")
    String addContact(@PathVariable long id, @RequestParam(defaultValue = "") String address,
                      @RequestParam(defaultValue = "") String name, Authentication user, Model model,
                      RedirectAttributes redirect, HttpServletResponse response) {
        try {
            administration.addContact(user.getName(), id, address, name);
        } catch (InvalidClientRequestException | ClientConflictException e) {
            model.addAttribute("contactAddress", address).addAttribute("contactName", name);
            return Refusals.page(response, status(e), e, model, () -> client(id, model));
        }
        redirect.addFlashAttribute("message", ContactAddresses.normalized(address) + " writes for this client now.");
        return "redirect:/clients/" + id;
    }

    @PostMapping("/clients/{id}/contacts/removal")
    String removeContact(@PathVariable long id, @RequestParam String contact, Authentication user,
                         RedirectAttributes redirect) {
        try {
            administration.removeContact(user.getName(), id, contact);
            redirect.addFlashAttribute("message", contact + " is no contact any more: its mail goes to triage.");
        } catch (ContactNotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage() + ".");
        }
        return "redirect:/clients/" + id;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @PostMapping("/clients/{id}/tier")
    String changeTier(@PathVariable long id, @RequestParam Tier tier, Authentication user,
                      RedirectAttributes redirect) {
        List<String> redecided = intake.changeTier(id, tier, user.getName());
        redirect.addFlashAttribute("message", "The tier is " + tier + "; " + (redecided.isEmpty()
                ? "no open ticket was waiting for a person." : "decided again: " + String.join(", ", redecided) + "."));
        return "redirect:/clients/" + id;
    }

    @GetMapping("/clients/import")
    String importForm() {
        return "clients-import";
    }

    /** A dry run of the typed or chosen file; with the dry run's token, applies the same file. */
    @PostMapping("/clients/import")
    String importCsv(@RequestParam(defaultValue = "") String csv, @RequestParam(required = false) MultipartFile file,
                     @RequestParam(required = false) String token, Authentication user, Model model,
                     RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        String text = file != null && !file.isEmpty() ? new String(file.getBytes(), StandardCharsets.UTF_8) : csv;
        model.addAttribute("csv", text);
        if (text.isBlank() || text.length() > MAX_CSV_BYTES) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("error", "Paste or choose a CSV file of at most 2 MB.");
            return "clients-import";
        }
        try {
            ClientImport.Report report = token == null || token.isBlank() ? imports.dryRun(text, user.getName())
                    : imports.apply(text, token, user.getName());
            if (report.applied()) {
                redirect.addFlashAttribute("message", "Imported: " + report.created().size() + " client(s) added, "
                        + report.changed().size() + " change(s), " + report.contactsAdded().size() + " contact(s) added.");
                return "redirect:/clients";
            }
            if (!report.problems().isEmpty()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
            model.addAttribute("report", report);
        } catch (ClientConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("error", e.getMessage() + ".");
        }
        return "clients-import";
    }

    @ExceptionHandler(ClientNotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(ClientNotFoundException e, Model model) {
        model.addAttribute("reason", e.getMessage());
        return "not-found";
    }

    private static HttpStatus status(RuntimeException refusal) {
        return refusal instanceof ClientConflictException ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
    }
}
