package io.turnaround.client;

import io.swagger.v3.oas.annotations.media.Schema;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Tier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports clients and their contacts from CSV, one row per contact (README, "Importing clients"). A dry run does all
 * of it in a transaction that is then rolled back, and reports what would be created or changed and each bad row by
 * its line; its token lets the same file be applied, all or nothing, once no row is bad.
 */
@Service
public class ClientImport {

    static final List<String> COLUMNS = List.of("client", "tier", "hosting", "hosting_contact", "time_zone",
            "licensing_fee", "plan_start", "enabled", "contact", "contact_name");
    /** The columns that describe the client; a later row of the same client may leave them empty. */
    private static final List<String> CLIENT_FIELDS = COLUMNS.subList(1, 8);
    private static final int MAX_ROWS = 10_000;

    private final ClientAdministration administration;
    private final Clients clients;
    private final TransactionTemplate transaction;

    ClientImport(ClientAdministration administration, Clients clients, TransactionTemplate transaction) {
        this.administration = administration;
        this.clients = clients;
        this.transaction = transaction;
    }

    /** A bad row: its line in the file (the header is line 1) and why. */
    @Schema(name = "ClientImportProblem")
    public record Problem(int line, String message) {
    }

    /** One field of an existing client that the file changes. */
    @Schema(name = "ClientImportChange")
    public record Change(String client, String field, String before, String after) {
    }

    /**
     * What the file does (or would do): the clients it creates, the fields it changes, the contacts it adds, and the
     * bad rows. {@code applyToken} is given by a dry run with no bad row: sent back with the same file, it applies it.
     */
    @Schema(name = "ClientImportReport")
    public record Report(int rows, boolean applied, List<String> created, List<Change> changed,
                         List<String> contactsAdded, List<Problem> problems, String applyToken) {
    }

    /** Runs the file and rolls it all back: what it would do. */
    public Report dryRun(String csv, String actor) {
        return run(csv, actor, false);
    }

    /**
     * Applies the file, all or nothing; the token is the one its dry run gave. Throws
     * {@link ClientConflictException} for a token of another file: run the dry run of this one first.
     */
    public Report apply(String csv, String token, String actor) {
        if (!digest(csv).equals(token)) {
            throw new ClientConflictException("this is not the file the dry run checked: run the dry run of this file"
                    + " and apply with its token");
        }
        return run(csv, actor, true);
    }

    private Report run(String csv, String actor, boolean apply) {
        return transaction.execute(status -> {
            Report done = importAll(csv, actor, apply);
            if (!done.applied()) {
                status.setRollbackOnly();
            }
            return done;
        });
    }

    private Report importAll(String csv, String actor, boolean apply) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<CSVRecord>> byClient = rowsByClient(csv, problems);
        List<String> created = new ArrayList<>();
        List<Change> changed = new ArrayList<>();
        List<String> contacts = new ArrayList<>();
        Map<String, Integer> contactLines = new LinkedHashMap<>();
        int rows = byClient.values().stream().mapToInt(List::size).sum();
        for (List<CSVRecord> group : byClient.values()) {
            Optional<Client> client = clientOf(group, actor, created, changed, problems);
            for (CSVRecord row : group) {
                String contact = ContactAddresses.normalized(value(row, "contact"));
                if (contact.isEmpty()) {
                    continue;
                }
                Integer earlier = contactLines.putIfAbsent(contact, line(row));
                if (earlier != null) {
                    problems.add(new Problem(line(row), contact + " is on line " + earlier + " already"));
                    continue;
                }
                client.ifPresent(c -> guarded(row, problems, () -> {
                    boolean isNew = clients.contact(contact).isEmpty();
                    clients.addContact(actor, c.id(), contact, value(row, "contact_name"));
                    if (isNew) {
                        contacts.add(contact + " → " + c.name());
                    }
                }));
            }
        }
        boolean applied = apply && problems.isEmpty();
        String token = !apply && problems.isEmpty() ? digest(csv) : null;
        return new Report(rows, applied, created, changed, contacts, problems, token);
    }

    /** The client of a group of rows, created or changed as its first row that gives each field says. */
    private Optional<Client> clientOf(List<CSVRecord> group, String actor, List<String> created, List<Change> changed,
                                      List<Problem> problems) {
        CSVRecord first = group.get(0);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : CLIENT_FIELDS) {
            for (CSVRecord row : group) {
                String given = value(row, column);
                String earlier = given.isEmpty() ? null : fields.putIfAbsent(column, given);
                if (earlier != null && !earlier.equals(given)) {
                    problems.add(new Problem(line(row), column + " " + given + " differs from " + earlier + " on an"
                            + " earlier line of " + value(first, "client")));
                }
            }
        }
        try {
            Optional<Client> existing = administration.byName(value(first, "client"));
            // An existing client keeps its name as it is spelled, whatever the case in the file.
            ClientAdministration.Fields wanted = new ClientAdministration.Fields(
                    existing.isPresent() ? null : value(first, "client"),
                    parsed(fields.get("tier"), Tier::valueOf, "tier", "BRONZE, SILVER, GOLD or PLATINUM"),
                    parsed(fields.get("hosting"), Hosting::valueOf, "hosting", "PARTNER or SELF"),
                    fields.get("hosting_contact"), fields.get("time_zone"), fields.get("licensing_fee"),
                    fields.get("plan_start"), parsed(fields.get("enabled"), ClientImport::yesOrNo, "enabled",
                    "true or false"));
            if (existing.isEmpty()) {
                Client client = administration.createIn(actor, wanted);
                created.add(client.name());
                return Optional.of(client);
            }
            Client before = existing.get();
            Client after = administration.changeIn(actor, before.id(), wanted);
            differences(before, after).forEach((field, values) ->
                    changed.add(new Change(after.name(), field, values[0], values[1])));
            return Optional.of(after);
        } catch (InvalidClientRequestException | ClientConflictException e) {
            problems.add(new Problem(line(first), e.getMessage()));
            return Optional.empty();
        }
    }

    private static Map<String, String[]> differences(Client before, Client after) {
        Map<String, String[]> differences = new LinkedHashMap<>();
        Map<String, Function<Client, Object>> fields = new LinkedHashMap<>();
        fields.put("hosting", Client::hosting);
        fields.put("hosting_contact", Client::hostingContact);
        fields.put("time_zone", Client::timeZone);
        fields.put("licensing_fee", Client::licensingFee);
        fields.put("plan_start", Client::planStart);
        fields.put("enabled", Client::enabled);
        fields.forEach((name, field) -> {
            String was = String.valueOf(field.apply(before));
            String is = String.valueOf(field.apply(after));
            if (!was.equals(is)) {
                differences.put(name, new String[] {was, is});
            }
        });
        return differences;
    }

    private static Map<String, List<CSVRecord>> rowsByClient(String csv, List<Problem> problems) {
        Map<String, List<CSVRecord>> byClient = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv),
                format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("client")) {
                problems.add(new Problem(1, "the first line names the columns, and one is client: " + COLUMNS));
                return byClient;
            }
            header.stream().filter(h -> !COLUMNS.contains(h)).findFirst().ifPresent(unknown ->
                    problems.add(new Problem(1, "no column is called " + unknown + ": the columns are " + COLUMNS)));
            for (CSVRecord row : parser) {
                if (row.getRecordNumber() > MAX_ROWS) {
                    problems.add(new Problem(line(row), "a file has at most " + MAX_ROWS + " rows: split it"));
                    break;
                }
                String client = value(row, "client");
                if (client.isEmpty()) {
                    problems.add(new Problem(line(row), "the row names no client"));
                } else {
                    byClient.computeIfAbsent(client.toLowerCase(Locale.ROOT), c -> new ArrayList<>()).add(row);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new Problem(0, "cannot read the file as CSV: " + e.getMessage()));
        }
        return byClient;
    }

    private static void guarded(CSVRecord row, List<Problem> problems, Runnable step) {
        try {
            step.run();
        } catch (InvalidClientRequestException | ClientConflictException e) {
            problems.add(new Problem(line(row), e.getMessage()));
        }
    }

    private static <T> T parsed(String value, Function<String, T> parse, String column, String allowed) {
        if (value == null) {
            return null;
        }
        try {
            return parse.apply(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidClientRequestException(column + " is " + allowed + ": not " + value);
        }
    }

    private static Boolean yesOrNo(String value) {
        if (!Set.of("TRUE", "FALSE").contains(value)) {
            throw new IllegalArgumentException(value);
        }
        return Boolean.valueOf(value);
    }

    /** A column's text, empty when the row or the header has none. */
    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).trim() : "";
    }

    /** The row's line in the file: the header is line 1. */
    private static int line(CSVRecord row) {
        return (int) row.getRecordNumber() + 1;
    }

    static String digest(String csv) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(csv.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
