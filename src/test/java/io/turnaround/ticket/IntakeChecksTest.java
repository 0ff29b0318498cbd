package io.turnaround.ticket;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Channel;
import io.turnaround.staff.Staff;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a new ticket's caller may ask for: a receivedAt inside the window, a category only as staff. */
class IntakeChecksTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final IntakeChecks CHECKS = new IntakeChecks(new IntakeSettings(Duration.ofDays(7),
            Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofMinutes(10)));

    @ParameterizedTest(name = "receivedAt {0}: accepted {1}")
    @CsvSource(textBlock = """
            2026-12-06T12:00:00Z, true
            2026-11-29T12:00:00Z, true
            2026-11-29T11:59:59Z, false
            2026-11-06T12:00:00Z, false
            2026-12-06T12:05:00Z, true
            2026-12-06T12:05:01Z, false
            2099-01-01T00:00:00Z, false
            """)
    void receivedAtLiesBetweenSevenDaysAgoAndFiveMinutesAhead(Instant receivedAt, boolean accepted) {
        NewTicket request = request(receivedAt, null);
        if (accepted) {
            assertThatCode(() -> CHECKS.requireReceivedAtInWindow(request, NOW)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CHECKS.requireReceivedAtInWindow(request, NOW))
                    .isInstanceOfSatisfying(InvalidTicketRequestException.class,
                            e -> assertThat(e.field()).isEqualTo("receivedAt"))
                    .hasMessageContaining("2026-11-29T12:00:00Z").hasMessageContaining("2026-12-06T12:05:00Z");
        }
    }

    @ParameterizedTest(name = "{0} sets a category: allowed {1}")
    @CsvSource(textBlock = """
            INTAKE,        false
            ANALYST,       false
            AGENT,         true
            MANAGER,       true
            ADMIN,         true
            INTAKE+AGENT,  true
            """)
    void onlyStaffChooseTheCategory(String roles, boolean allowed) {
        Staff caller = new Staff("someone", Set.of(roles.split("\\+")), Set.of());
        NewTicket request = request(null, Category.EMERGENCY);
        if (allowed) {
            assertThatCode(() -> CHECKS.requireMaySetCategory(request, caller)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> CHECKS.requireMaySetCategory(request, caller))
                    .isInstanceOfSatisfying(TicketFieldRefusedException.class,
                            e -> assertThat(e.field()).isEqualTo("category"));
        }
        assertThatCode(() -> CHECKS.requireMaySetCategory(request(null, null), caller))
                .as("without a category anyone may").doesNotThrowAnyException();
    }

    private static NewTicket request(Instant receivedAt, Category category) {
        return new NewTicket("ops@goldcrest.example", "Site is down", "for everyone", Channel.API, receivedAt, category);
    }
}
