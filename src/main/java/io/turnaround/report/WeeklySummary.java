package io.turnaround.report;

import io.turnaround.mail.MailKind;
import io.turnaround.mail.Outbox;
import io.turnaround.mail.OutboxKeys;
import io.turnaround.staff.StaffDirectory;
import io.turnaround.ticket.TicketCompliance;
import io.turnaround.ticket.TicketCompliance.Dimension;
import io.turnaround.ticket.TicketCompliance.Figures;
import io.turnaround.web.Durations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The weekly summary to the support managers: last week's headline figures beside the week before's, each tier's
 * % met, the backlog now, and a link to the reports. Mondays at 08:00 in the reporting zone, through the outbox, one
 * mail per manager with an e-mail address; its idempotency key (the week and the person) keeps a second node, or a
 * second run, from sending it twice.
 */
@Component
class WeeklySummary {

    private static final Logger log = LoggerFactory.getLogger(WeeklySummary.class);
    private static final Durations DURATIONS = new Durations();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM uuuu", Locale.ENGLISH);

    private final TicketCompliance promises;
    private final BacklogReport backlog;
    private final StaffDirectory staff;
    private final Outbox outbox;
    private final ReportSettings settings;
    private final Clock clock;

    WeeklySummary(TicketCompliance promises, BacklogReport backlog, StaffDirectory staff, Outbox outbox,
                  ReportSettings settings, Clock clock) {
        this.promises = promises;
        this.backlog = backlog;
        this.staff = staff;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "0 0 8 * * MON", zone = "${turnaround.reports.zone:America/Los_Angeles}")
    void everyMonday() {
        if (settings.weeklySummary()) {
            int queued = queue(ReportPeriod.Unit.WEEK.start(LocalDate.now(clock.withZone(settings.zone()))).minusWeeks(1));
            log.info("Weekly summary queued for {} manager(s)", queued);
        }
    }

    /** Queues the summary of the week that starts on {@code monday}; returns how many mails were queued now. */
    @Transactional
    int queue(LocalDate monday) {
        String text = text(monday);
        String subject = "Service levels, week of " + DAY.format(monday);
        int queued = 0;
        for (Map.Entry<String, String> manager : staff.emailsOf(staff.withRole("MANAGER")).entrySet()) {
            if (outbox.queue(new Outbox.Mail(MailKind.REPORT, OutboxKeys.weeklySummary(monday, manager.getKey()), null,
                    null, manager.getValue(), subject, text, null), clock.instant())) {
                queued++;
            }
        }
        return queued;
    }

    String text(LocalDate monday) {
        ReportPeriod week = ReportPeriod.of("week", monday.toString(), null, null, monday, settings.zone());
        Figures now = total(week);
        Figures before = total(week.previous());
        StringBuilder text = new StringBuilder("Service levels, week of ").append(DAY.format(week.from())).append(" to ")
                .append(DAY.format(week.last())).append(" (").append(settings.zone()).append(")\n\n");
        text.append("Promises made: ").append(now.tickets()).append(" (the week before: ").append(before.tickets())
                .append(")\n");
        text.append("Met ").append(now.met()).append(", breached ").append(now.breached()).append(", still running ")
                .append(now.running()).append("\n");
        text.append("Met in time: ").append(percent(now.percentMet())).append(" (the week before: ")
                .append(percent(before.percentMet())).append(change(now.percentMet(), before.percentMet())).append(")\n");
        text.append("Median time to assign, on the promises' own clocks: ").append(words(now)).append(" (the week")
                .append(" before: ").append(words(before)).append(")\n\n");
        text.append("Met in time per plan:\n");
        for (Figures tier : promises.figures(new TicketCompliance.Query(List.of(week.whole()), List.of(Dimension.TIER),
                Map.of(), clock.instant()))) {
            text.append("  ").append(tier.key().get(Dimension.TIER)).append(": ").append(percent(tier.percentMet()))
                    .append(" of ").append(tier.met() + tier.breached()).append("\n");
        }
        Backlog open = backlog.now();
        text.append("\nBacklog now: ").append(open.open()).append(" open, ").append(open.byTimeLeft().get(0).count())
                .append(" overdue\n\nThe reports: ").append(settings.baseUrl()).append("/reports?period=week&date=")
                .append(week.from()).append("\n");
        return text.toString();
    }

    private Figures total(ReportPeriod week) {
        List<Figures> figures = promises.figures(new TicketCompliance.Query(List.of(week.whole()), List.of(), Map.of(),
                clock.instant()));
        return figures.get(0);
    }

    private static String percent(Double value) {
        return value == null ? "none met or breached" : value + " %";
    }

    private static String change(Double now, Double before) {
        if (now == null || before == null) {
            return "";
        }
        double points = Math.round((now - before) * 10) / 10.0;
        return "; " + (points >= 0 ? "+" : "") + points + " points";
    }

    private static String words(Figures figures) {
        return figures.assignOnClockMedian() == null ? "nobody assigned" : DURATIONS.words(figures.assignOnClockMedian());
    }
}
