package io.turnaround.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;

/**
 * {@code turnaround.reports.*}: the reports.
 *
 * @param zone          the zone whose days, weeks (Monday to Sunday) and months the reports count in
 * @param weeklySummary whether the support managers get the last week's headline figures by mail, Mondays at 08:00 in
 *                      that zone
 * @param baseUrl       the address staff reach this server at, for the summary's link (the quotes' public address
 *                      unless set)
 */
@ConfigurationProperties("turnaround.reports")
public record ReportSettings(@DefaultValue("America/Los_Angeles") ZoneId zone,
                             @DefaultValue("true") boolean weeklySummary,
                             @DefaultValue("http://localhost:8080") String baseUrl) {

    public ReportSettings {
        baseUrl = baseUrl.replaceAll("/+$", "");
    }
}
