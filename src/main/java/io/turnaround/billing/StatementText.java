package io.turnaround.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The words of a statement, the same on the page, in the CSV and in the PDF. */
public final class StatementText {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.US);

    private StatementText() {
    }

    public static String monthName(YearMonth month) {
        return MONTH.format(month);
    }

    public static String licensing(MonthlyStatement s) {
        return switch (s.licensing()) {
            case INCLUDED -> "Licensing: included in the " + s.tier() + " plan";
            case BILLED -> "Licensing fee";
            case NOT_AGREED -> "Licensing fee: not agreed, left out of the total";
        };
    }

    public static String includedHours(MonthlyStatement s) {
        return "Included hours used: " + WorkDuration.hoursMinutes(s.includedUsed()) + " of "
                + WorkDuration.hoursMinutes(s.includedPerMonth()) + " (" + WorkDuration.hoursMinutes(s.includedLeft())
                + " left)";
    }

    public static String kindLine(MonthlyStatement.KindLine line) {
        return kind(line) + ": worked " + WorkDuration.hoursMinutes(line.worked()) + ", included "
                + WorkDuration.hoursMinutes(line.included()) + ", billed " + WorkDuration.hoursMinutes(line.billable())
                + " at " + dollars(line.rate()) + "/h";
    }

    public static String kind(MonthlyStatement.KindLine line) {
        return switch (line.kind()) {
            case TRAINING -> "Training";
            case DEVELOPMENT -> "Development";
            case CUSTOM_WORK -> "Custom work";
        };
    }

    /** {@code $1,234.50}. */
    /** The month's service levels in a sentence: "12 requests: 10 met, 1 breached, 1 still running; …". */
    public static String serviceLevels(ServiceLevels levels) {
        if (levels.tickets() == 0) {
            return "No request this month had a turnaround promise.";
        }
        return levels.tickets() + (levels.tickets() == 1 ? " request" : " requests") + " with a turnaround promise: "
                + levels.met() + " met, " + levels.breached() + " breached, " + levels.running() + " still running."
                + (levels.assignOnClockMedian() == null ? ""
                : " Median time until a person took the request: " + WorkDuration.hoursMinutes(levels.assignOnClockMedian())
                + " (hours:minutes, on the plan's clock).");
    }

    public static String dollars(BigDecimal amount) {
        return String.format(Locale.US, "$%,.2f", MonthlyStatement.cents(amount));
    }
}
