package io.turnaround.sla;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** The calendars one policy version names (rules/calendars/<name>.calendar), looked up by name. Immutable. */
public final class NamedCalendars implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final NamedCalendars NONE = new NamedCalendars(Map.of());

    private final TreeMap<String, BusinessCalendar> byName;

    private NamedCalendars(Map<String, BusinessCalendar> byName) {
        this.byName = new TreeMap<>(byName);
    }

    public static NamedCalendars of(Map<String, BusinessCalendar> byName) {
        return new NamedCalendars(byName);
    }

    public static NamedCalendars none() {
        return NONE;
    }

    /** The calendar of that name; an unknown name fails with the names there are. */
    public BusinessCalendar get(String name) {
        BusinessCalendar calendar = byName.get(name);
        if (calendar == null) {
            throw new IllegalArgumentException("no calendar named '" + name + "'; "
                    + (byName.isEmpty() ? "this policy has none" : "this policy has: " + String.join(", ", byName.keySet()))
                    + " (files rules/calendars/<name>.calendar)");
        }
        return calendar;
    }

    public SortedSet<String> names() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(byName.keySet()));
    }

    @Override
    public String toString() {
        return "NamedCalendars" + byName.keySet();
    }
}
