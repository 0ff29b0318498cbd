package io.turnaround.policy;

import io.turnaround.policy.facts.SlaClock;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of a scenario file as text an analyst writes; a bad one is refused with the form it should take. */
final class ScenarioValues {

    /** A value that is not of the form its field takes; the message says which form. */
    static final class BadValue extends Exception {
        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /** Reads one field's text. */
    @FunctionalInterface
    interface Parser<T> {
        T parse(String text) throws BadValue;
    }

    /** Only to suggest an offset when one is missing: the zone of the shipped business-hours clock. */
    private static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    private ScenarioValues() {
    }

    /** An enum constant by name, ignoring case, with '-' or a space for '_': {@code non-emergency} is NON_EMERGENCY. */
    static <E extends Enum<E>> Parser<E> enumOf(Class<E> type, String what) {
        return text -> {
            String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(name)) {
                    return constant;
                }
            }
            throw new BadValue("'" + text + "' is not " + what + "; use one of " + names(type.getEnumConstants()));
        };
    }

    /** A share of 0% to 100%, like {@code 100%} or {@code 97.5%}. */
    static BigDecimal percent(String text) throws BadValue {
        String share = text.strip();
        try {
            if (share.endsWith("%")) {
                BigDecimal percent = new BigDecimal(share.substring(0, share.length() - 1).strip());
                if (percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    return percent;
                }
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw new BadValue("'" + text + "' is not a share; write one from 0% to 100%, like 100% or 97.5%");
    }

    /** A clock by its label ({@code 24x7}) or its name ({@code TWENTY_FOUR_SEVEN}, {@code BUSINESS_HOURS}). */
    static SlaClock slaClock(String text) throws BadValue {
        for (SlaClock clock : SlaClock.values()) {
            if (clock.label().equalsIgnoreCase(text.strip())) {
                return clock;
            }
        }
        try {
            return enumOf(SlaClock.class, "an SLA clock").parse(text);
        } catch (BadValue e) {
            throw new BadValue("'" + text + "' is not an SLA clock; use one of "
                    + Arrays.stream(SlaClock.values()).map(SlaClock::label).collect(Collectors.joining(", ")));
        }
    }

    /**
     * A moment with its UTC offset, {@code 2026-03-02T09:00:00-08:00} or {@code 2026-03-02T17:00:00Z}, or also its
     * zone, {@code 2026-03-09T09:00-07:00[America/Los_Angeles]}. A wall-clock time alone is refused: it is no moment.
     */
    static ZonedDateTime dateTime(String text) throws BadValue {
        String trimmed = text.strip();
        try {
            return ZonedDateTime.parse(trimmed);
        } catch (DateTimeParseException notZoned) {
            LocalDateTime local = localDateTime(trimmed);
            if (local != null) {
                throw new BadValue("'" + text + "' needs its UTC offset, e.g. " + trimmed + PACIFIC.getRules().getOffset(local)
                        + " for Pacific time on that day, or " + trimmed + "Z for UTC");
            }
            throw new BadValue("'" + text + "' is not a date-time like 2026-03-02T09:00:00-08:00 (with its UTC offset,"
                    + " or Z for UTC)");
        }
    }

    private static LocalDateTime localDateTime(String text) {
        try {
            return LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalDate date(String text) throws BadValue {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadValue("'" + text + "' is not a date like 2026-12-24");
        }
    }

    /** An ISO-8601 duration such as {@code PT30M} or {@code PT48H}. */
    static Duration duration(String text) throws BadValue {
        try {
            return Duration.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new BadValue("'" + text + "' is not an ISO-8601 duration like PT30M, PT12H or PT48H");
        }
    }

    /** An amount of US dollars, like {@code 100} or {@code 5600.00}; at most two decimals. */
    static BigDecimal money(String text) throws BadValue {
        try {
            BigDecimal dollars = new BigDecimal(text.strip().replace("$", "").replace(",", ""));
            if (dollars.scale() > 2 || dollars.signum() < 0) {
                throw new NumberFormatException();
            }
            return dollars;
        } catch (NumberFormatException e) {
            throw new BadValue("'" + text + "' is not an amount of dollars like 100 or 5600.00");
        }
    }

    /** An IANA time zone such as {@code Asia/Tokyo}. */
    static ZoneId zone(String text) throws BadValue {
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new BadValue("'" + text + "' is not an IANA time zone like America/Los_Angeles or Asia/Tokyo");
        }
    }


    static String names(Enum<?>[] constants) {
        return Arrays.stream(constants).map(Enum::name).collect(Collectors.joining(", "));
    }
}
