package io.turnaround.quote;

import java.math.BigDecimal;
import java.time.Duration;

/** What an estimate may be: hours that come to whole minutes, up to a limit, and a description of the work. */
final class QuoteEstimates {

    /** More than a person-year is a mistake in the figure, not a quote. */
    static final BigDecimal MOST_HOURS = BigDecimal.valueOf(10_000);
    static final int MOST_DESCRIBED = 4000;

    private QuoteEstimates() {
    }

    /** Why the estimate cannot be quoted, or null if it can. */
    static String problem(BigDecimal hours, String description) {
        if (hours == null || hours.signum() <= 0) {
            return "hours must be more than 0";
        }
        if (hours.compareTo(MOST_HOURS) > 0) {
            return "hours must be at most " + MOST_HOURS;
        }
        if (hours.multiply(BigDecimal.valueOf(60)).stripTrailingZeros().scale() > 0) {
            return "hours must come to whole minutes, e.g. 12.25 or 0.5";
        }
        if (description == null || description.isBlank()) {
            return "describe the work the client is quoted for";
        }
        if (description.strip().length() > MOST_DESCRIBED) {
            return "the description is longer than " + MOST_DESCRIBED + " characters";
        }
        return null;
    }

    static Duration work(BigDecimal hours) {
        String problem = problem(hours, "-");
        if (problem != null) {
            throw new IllegalArgumentException(problem + ": " + hours);
        }
        return Duration.ofMinutes(hours.multiply(BigDecimal.valueOf(60)).longValueExact());
    }

    static String description(String description) {
        return description == null ? "" : description.strip();
    }
}
