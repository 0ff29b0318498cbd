package io.turnaround.sla;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/** Whole days off in a zone of their own, e.g. a client's holidays in the client's time zone. */
public record LocalHolidays(ZoneId zone, SortedSet<LocalDate> dates) implements Serializable {

    public LocalHolidays {
        Objects.requireNonNull(zone, "zone");
        dates = Collections.unmodifiableSortedSet(new TreeSet<>(dates));
    }

    public static LocalHolidays of(ZoneId zone, Collection<LocalDate> dates) {
        return new LocalHolidays(zone, new TreeSet<>(dates));
    }

    public static LocalHolidays none() {
        return new LocalHolidays(ZoneOffset.UTC, new TreeSet<>());
    }

    public boolean isEmpty() {
        return dates.isEmpty();
    }
}
