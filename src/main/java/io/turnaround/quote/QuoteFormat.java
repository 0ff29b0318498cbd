package io.turnaround.quote;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** A quote's numbers in words a client reads: hours, dollars, moments in the client's time zone. */
final class QuoteFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM uuuu, HH:mm zzz", Locale.ENGLISH);

    private QuoteFormat() {
    }

    /** Hours to the hundredth, e.g. {@code 70.00} for 70 hours, {@code 12.50} for 12 h 30 min. */
    static BigDecimal hours(Duration duration) {
        return BigDecimal.valueOf(duration.toMinutes()).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    /** E.g. {@code 70}, {@code 12.5}. */
    static String hoursText(Duration duration) {
        return hours(duration).stripTrailingZeros().toPlainString();
    }

    /** E.g. {@code $5,600.00}. */
    static String money(BigDecimal amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(amount);
    }

    /** E.g. {@code Tuesday 24 November 2026, 11:00 PST}. */
    static String when(Instant instant, ZoneId zone) {
        return WHEN.format(instant.atZone(zone));
    }
}
