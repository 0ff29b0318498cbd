package io.turnaround.policy;

import io.turnaround.policy.facts.Category;
import io.turnaround.policy.facts.Decision;
import io.turnaround.policy.facts.Hosting;
import io.turnaround.policy.facts.Route;
import io.turnaround.policy.facts.SlaClock;
import io.turnaround.policy.facts.Tier;
import io.turnaround.sla.LocalHolidays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.turnaround.policy.PolicyFixtures.factsWithCategory;
import static io.turnaround.policy.PolicyFixtures.shippedRules;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped policy, read as a table: every tier × category × hosting combination, with the route,
 * group, target, clock and due instant it must give. Received Wednesday 2026-11-18 10:00 Pacific.
 */
class ShippedPolicyTest {

    private static final Instant WEDNESDAY_10_AM_PACIFIC = Instant.parse("2026-11-18T18:00:00Z");

    @ParameterizedTest(name = "{0} {1} {2} -> {3} {4} {5} {6} due {7}")
    @CsvSource(delimiter = '|', textBlock = """
        # tier    | category      | hosting | route           | group            | target | clock          | due (UTC)
        BRONZE    | EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | PT2H   | 24x7           | 2026-11-18T20:00:00Z
        BRONZE    | EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | PT2H   | 24x7           | 2026-11-18T20:00:00Z
        BRONZE    | NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        BRONZE    | NON_EMERGENCY | SELF    | SUPPORT_DESK    | support-desk     | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        BRONZE    | CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        BRONZE    | CUSTOM_WORK   | SELF    | CUSTOM_QUOTE    | sales            | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        BRONZE    | TRAINING      | PARTNER | TRAINING        | training         | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        BRONZE    | TRAINING      | SELF    | TRAINING        | training         | PT48H  | BUSINESS_HOURS | 2026-11-25T02:00:00Z
        SILVER    | EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | PT2H   | 24x7           | 2026-11-18T20:00:00Z
        SILVER    | EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | PT2H   | 24x7           | 2026-11-18T20:00:00Z
        SILVER    | NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        SILVER    | NON_EMERGENCY | SELF    | SUPPORT_DESK    | support-desk     | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        SILVER    | CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        SILVER    | CUSTOM_WORK   | SELF    | CUSTOM_QUOTE    | sales            | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        SILVER    | TRAINING      | PARTNER | TRAINING        | training         | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        SILVER    | TRAINING      | SELF    | TRAINING        | training         | PT24H  | BUSINESS_HOURS | 2026-11-20T22:00:00Z
        GOLD      | EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | PT1H   | 24x7           | 2026-11-18T19:00:00Z
        GOLD      | EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | PT1H   | 24x7           | 2026-11-18T19:00:00Z
        GOLD      | NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        GOLD      | NON_EMERGENCY | SELF    | SUPPORT_DESK    | support-desk     | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        GOLD      | CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        GOLD      | CUSTOM_WORK   | SELF    | CUSTOM_QUOTE    | sales            | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        GOLD      | TRAINING      | PARTNER | TRAINING        | training         | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        GOLD      | TRAINING      | SELF    | TRAINING        | training         | PT12H  | BUSINESS_HOURS | 2026-11-19T20:00:00Z
        PLATINUM  | EMERGENCY     | PARTNER | HOSTING_PARTNER | hosting-liaison  | PT30M  | 24x7           | 2026-11-18T18:30:00Z
        PLATINUM  | EMERGENCY     | SELF    | CLIENT_HOSTING  | hosting-liaison  | PT30M  | 24x7           | 2026-11-18T18:30:00Z
        PLATINUM  | NON_EMERGENCY | PARTNER | SUPPORT_DESK    | support-desk     | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        PLATINUM  | NON_EMERGENCY | SELF    | SUPPORT_DESK    | support-desk     | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        PLATINUM  | CUSTOM_WORK   | PARTNER | CUSTOM_QUOTE    | sales            | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        PLATINUM  | CUSTOM_WORK   | SELF    | CUSTOM_QUOTE    | sales            | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        PLATINUM  | TRAINING      | PARTNER | TRAINING        | training         | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        PLATINUM  | TRAINING      | SELF    | TRAINING        | training         | PT30M  | BUSINESS_HOURS | 2026-11-18T18:30:00Z
        """)
    void everyTierCategoryAndHostingIsDecidedByThePolicy(Tier tier, Category category, Hosting hosting,
                                                          Route route, String group, Duration target,
                                                          String clock, Instant due) {
        Decision decision = shippedRules().decide(factsWithCategory(tier, hosting, category, WEDNESDAY_10_AM_PACIFIC));

        assertThat(decision.getCategory()).isEqualTo(category);
        assertThat(decision.getRoute()).isEqualTo(route);
        assertThat(decision.getCandidateGroup()).isEqualTo(group);
        assertThat(decision.getSlaTarget()).isEqualTo(target);
        assertThat(decision.getSlaClock().label()).isEqualTo(clock);
        assertThat(decision.getSlaDueAt()).isEqualTo(due);
        assertThat(decision.getPlan().tier()).isEqualTo(tier);
    }

    @ParameterizedTest(name = "{0}: ${1}/month, licensing included {2}, {3} h included, ${4}/h, chat {5}")
    @CsvSource(delimiter = '|', textBlock = """
        BRONZE   | 1000.00 | true  | 0  | 100.00 | false
        SILVER   | 2500.00 | false | 5  | 100.00 | false
        GOLD     | 3500.00 | false | 20 | 100.00 | true
        PLATINUM | 5000.00 | false | 80 | 80.00  | true
        """)
    void plansCarryPriceLicensingHoursRateAndChat(Tier tier, String price, boolean licensingIncluded,
                                                   int includedHours, String rate, boolean chat) {
        var plan = shippedRules().decide(factsWithCategory(tier, Hosting.PARTNER, Category.NON_EMERGENCY,
                WEDNESDAY_10_AM_PACIFIC)).getPlan();

        assertThat(plan.monthlyPrice()).isEqualByComparingTo(price);
        assertThat(plan.licensingIncluded()).isEqualTo(licensingIncluded);
        assertThat(plan.includedHoursPerMonth()).isEqualTo(includedHours);
        assertThat(plan.hourlyRate()).isEqualByComparingTo(rate);
        assertThat(plan.offersChat()).isEqualTo(chat);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
        Gold chat opens on weekdays at 08:00 Pacific      | GOLD     | 2026-11-18T16:00:00Z | true
        Gold chat is closed on Saturday                   | GOLD     | 2026-11-21T20:00:00Z | false
        Platinum chat is open on Saturday at noon Pacific | PLATINUM | 2026-11-21T20:00:00Z | true
        Platinum chat is closed on Saturday night         | PLATINUM | 2026-11-22T05:00:00Z | false
        """)
    void chatHoursComeFromThePlan(String description, Tier tier, Instant at, boolean open) {
        var plan = shippedRules().decide(factsWithCategory(tier, Hosting.PARTNER, Category.NON_EMERGENCY, at)).getPlan();

        assertThat(plan.chatHours().isOpenAt(at)).as(description).isEqualTo(open);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
        The site is down for everyone                  | EMERGENCY     | HOSTING_PARTNER
        Our website is extremely slow since this morning| EMERGENCY     | HOSTING_PARTNER
        Server is out of drive space                   | EMERGENCY     | HOSTING_PARTNER
        We are under attack (DDoS)                     | EMERGENCY     | HOSTING_PARTNER
        No users can log in                            | EMERGENCY     | HOSTING_PARTNER
        Models can’t upload anything                   | EMERGENCY     | HOSTING_PARTNER
        Site is down: error 500 since your update      | EMERGENCY     | DEV_TEAM
        A user cannot login                            | NON_EMERGENCY | SUPPORT_DESK
        One model can't reach the dashboard            | NON_EMERGENCY | SUPPORT_DESK
        A payout failed for one model                  | NON_EMERGENCY | SUPPORT_DESK
        Please quote a custom design for our homepage  | CUSTOM_WORK   | CUSTOM_QUOTE
        We need training for our new moderators        | TRAINING      | TRAINING
        """)
    void textIsClassifiedByTheKeywordLists(String subject, Category category, Route route) {
        Decision decision = shippedRules().decide(PolicyFixtures.facts(Tier.GOLD, Hosting.PARTNER, subject, "",
                WEDNESDAY_10_AM_PACIFIC));

        assertThat(decision.getCategory()).isEqualTo(category);
        assertThat(decision.getRoute()).isEqualTo(route);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        Friday evening: Gold 12 business hours from Friday 17:00 is Tuesday 09:00 | GOLD | 2026-11-20T17:00:00-08:00 | PT12H | 2026-11-24T09:00:00-08:00
        Saturday counts nothing: due Monday 08:00 + 30 min             | PLATINUM | 2026-11-21T12:00:00-08:00 | PT30M | 2026-11-23T08:30:00-08:00
        Sunday night before DST ends is Monday morning PST             | PLATINUM | 2026-11-01T23:00:00-08:00 | PT30M | 2026-11-02T08:30:00-08:00
        Friday before DST starts, 12 business hours, ends Monday PDT   | GOLD   | 2026-03-06T12:00:00-08:00 | PT12H | 2026-03-09T14:00:00-07:00
        """)
    void businessClockEdgesAreDecidedInPacificTime(String description, Tier tier, java.time.OffsetDateTime receivedAt,
                                                   Duration target, java.time.OffsetDateTime due) {
        Decision decision = shippedRules().decide(factsWithCategory(tier, Hosting.PARTNER, Category.NON_EMERGENCY,
                receivedAt.toInstant()));

        assertThat(decision.getSlaTarget()).isEqualTo(target);
        assertThat(decision.getSlaDueAt()).as(description).isEqualTo(due.toInstant());
    }

    @ParameterizedTest(name = "{0} {1}: due {2} without the holiday, {3} with it")
    @CsvSource(delimiter = '|', textBlock = """
        NON_EMERGENCY | business hours stop      | 2026-11-19T20:00:00Z | 2026-11-20T18:00:00Z
        CUSTOM_WORK   | business hours stop      | 2026-11-19T20:00:00Z | 2026-11-20T18:00:00Z
        EMERGENCY     | the 24/7 clock runs on   | 2026-11-18T19:00:00Z | 2026-11-18T19:00:00Z
        """)
    void aClientsOwnHolidayInItsZoneStopsTheBusinessClockOnly(Category category, String why, Instant dueWithout,
                                                              Instant dueWith) {
        // A Tokyo client's Thursday 2026-11-19 runs from Wednesday 07:00 to Thursday 07:00 Pacific: received
        // Wednesday 10:00 Pacific, Gold's 12 business hours start on Thursday 08:00 instead.
        var facts = factsWithCategory(Tier.GOLD, Hosting.PARTNER, category, WEDNESDAY_10_AM_PACIFIC);
        var withHoliday = facts.withClientHolidays(LocalHolidays.of(ZoneId.of("Asia/Tokyo"), List.of(LocalDate.parse("2026-11-19"))));

        assertThat(shippedRules().decide(facts).getSlaDueAt()).isEqualTo(dueWithout);
        assertThat(shippedRules().decide(withHoliday).getSlaDueAt()).as(why).isEqualTo(dueWith);
    }
}
