package io.turnaround.billing;

import io.turnaround.ticket.TicketKey;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the pages write hours, money and moments for one client: h:mm, $1,234.50, local time in the client's zone. */
public record HoursFormat(ZoneId zone) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");

    public String time(Duration d) {
        return WorkDuration.hoursMinutes(d);
    }

    public String dollars(BigDecimal amount) {
        return StatementText.dollars(amount);
    }

    public String local(Instant at) {
        return LOCAL.format(at.atZone(zone));
    }

    public String month(YearMonth month) {
        return StatementText.monthName(month);
    }

    public String ticket(Long ticketId) {
        return ticketId == null ? "" : TicketKey.of(ticketId);
    }
}
