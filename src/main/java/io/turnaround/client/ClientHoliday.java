package io.turnaround.client;

import java.time.LocalDate;

/** One of a client's own holidays: a date in the client's time zone, and what it is called (may be null). */
public record ClientHoliday(LocalDate date, String name) {
}
