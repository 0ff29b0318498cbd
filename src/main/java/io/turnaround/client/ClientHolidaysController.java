package io.turnaround.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.turnaround.sla.CalendarFileException;
import io.turnaround.sla.IcsHolidays;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A client's own holidays, dates in the client's time zone: read, or replaced as a whole from a JSON list or an
 * iCalendar file. Bad input changes nothing.
 */
@RestController
@RequestMapping("/api/clients/{id}/holidays")
@Tag(name = "Clients")
class ClientHolidaysController {

    static final String TEXT_CALENDAR = "text/calendar";
    static final int MAX_HOLIDAYS = 2000;
    static final int MAX_NAME = 200;

    private final Clients clients;
    private final ClientHolidays holidays;
    private final Clock clock;

    ClientHolidaysController(Clients clients, ClientHolidays holidays, Clock clock) {
        this.clients = clients;
        this.holidays = holidays;
        this.clock = clock;
    }

    @Operation(summary = "A client's own holidays, dates in the client's time zone")
    @GetMapping
    List<ClientHoliday> get(@PathVariable long id) {
        return holidays.of(client(id).id());
    }

    @Operation(summary = "Replace a client's holidays, from a JSON list or an iCalendar file",
            description = "`text/calendar`: the file's all-day events, recurring ones expanded around today. Bad input "
                    + "changes nothing.")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    List<ClientHoliday> replace(@PathVariable long id, @RequestBody List<ClientHoliday> list) {
        Client client = client(id);
        holidays.replace(client.id(), checked(list));
        return holidays.of(client.id());
    }

    /** An .ics upload: its all-day events, recurring ones expanded around today in the client's zone. */
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @PutMapping(consumes = TEXT_CALENDAR)
    List<ClientHoliday> replaceFromCalendar(@PathVariable long id, @RequestBody byte[] ics) {
        Client client = client(id);
        List<IcsHolidays.Holiday> imported;
        try {
            imported = IcsHolidays.parse("upload", new String(ics, StandardCharsets.UTF_8),
                    LocalDate.now(clock.withZone(client.timeZone())));
        } catch (CalendarFileException e) {
            throw new InvalidHolidaysException("the iCalendar file cannot be read: " + e.problems().get(0).message()
                    + (e.problems().get(0).line() > 0 ? " (line " + e.problems().get(0).line() + ")" : ""),
                    e.problems().stream().map(p -> new InvalidHolidaysException.Problem(
                            p.line() > 0 ? "line " + p.line() : "file", p.message())).collect(Collectors.toList()));
        }
        holidays.replace(client.id(), checked(imported.stream()
                .map(h -> new ClientHoliday(h.date(), truncated(h.name()))).collect(Collectors.toList())));
        return holidays.of(client.id());
    }

    private Client client(long id) {
        return clients.find(id).orElseThrow(() -> new ClientNotFoundException(id));
    }

    private static List<ClientHoliday> checked(List<ClientHoliday> list) {
        if (list == null) {
            throw new InvalidHolidaysException("send a list of holidays, like [{\"date\":\"2026-12-24\",\"name\":\"Christmas Eve\"}]",
                    List.of(new InvalidHolidaysException.Problem("body", "is required")));
        }
        List<InvalidHolidaysException.Problem> problems = new ArrayList<>();
        if (list.size() > MAX_HOLIDAYS) {
            problems.add(new InvalidHolidaysException.Problem("body", "at most " + MAX_HOLIDAYS + " holidays"));
        }
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ClientHoliday holiday = list.get(i);
            if (holiday == null || holiday.date() == null) {
                problems.add(new InvalidHolidaysException.Problem("[" + i + "].date", "is required"));
            } else if (!seen.add(holiday.date())) {
                problems.add(new InvalidHolidaysException.Problem("[" + i + "].date", holiday.date() + " is listed twice"));
            }
            if (holiday != null && holiday.name() != null && holiday.name().length() > MAX_NAME) {
                problems.add(new InvalidHolidaysException.Problem("[" + i + "].name", "at most " + MAX_NAME + " characters"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidHolidaysException("invalid holidays: " + problems.stream()
                    .map(InvalidHolidaysException.Problem::where).distinct().collect(Collectors.joining(", ")), problems);
        }
        return list.stream().map(h -> new ClientHoliday(h.date(), h.name() == null || h.name().isBlank() ? null : h.name().strip()))
                .collect(Collectors.toList());
    }

    private static String truncated(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME) : name;
    }
}
