package io.turnaround.client;

import io.turnaround.policy.PolicyFixtures;
import io.turnaround.policy.facts.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat hours of the shipped plans (rules/tiers.drl), read as the channels endpoint and the intake read them:
 * at a moment (Pacific wall-clock time with its offset), is chat open, and when does it next open or close (UTC).
 */
class ChatWindowTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            # behaviour                                               | tier     | at                        | offered | open  | opens at (UTC)       | closes at (UTC)
            Gold on Saturday noon waits for Monday 08:00 Pacific      | GOLD     | 2026-11-28T12:00:00-08:00 | true    | false | 2026-11-30T16:00:00Z |
            Gold on a weekday morning is open until 18:00             | GOLD     | 2026-11-30T08:00:00-08:00 | true    | true  |                      | 2026-12-01T02:00:00Z
            Gold a minute before Friday closing is open               | GOLD     | 2026-11-27T17:59:00-08:00 | true    | true  |                      | 2026-11-28T02:00:00Z
            Gold at Friday 18:00 is closed until Monday               | GOLD     | 2026-11-27T18:00:00-08:00 | true    | false | 2026-11-30T16:00:00Z |
            Gold before Monday 08:00 waits for it                     | GOLD     | 2026-11-30T07:59:00-08:00 | true    | false | 2026-11-30T16:00:00Z |
            Platinum on Saturday 11:00 is in the weekend window       | PLATINUM | 2026-11-28T11:00:00-08:00 | true    | true  |                      | 2026-11-28T22:00:00Z
            Platinum on Saturday 15:00 waits for Sunday 10:00         | PLATINUM | 2026-11-28T15:00:00-08:00 | true    | false | 2026-11-29T18:00:00Z |
            Platinum on Sunday 14:00 waits for Monday 08:00           | PLATINUM | 2026-11-29T14:00:00-08:00 | true    | false | 2026-11-30T16:00:00Z |
            Platinum on Friday evening waits for Saturday 10:00       | PLATINUM | 2026-11-27T19:00:00-08:00 | true    | false | 2026-11-28T18:00:00Z |
            Bronze is email only                                      | BRONZE   | 2026-11-30T10:00:00-08:00 | false   | false |                      |
            Silver is email only                                      | SILVER   | 2026-11-28T12:00:00-08:00 | false   | false |                      |
            # 2026-11-01 02:00 PDT falls back to 01:00 PST: the weekend window opens at 10:00 PST, 18:00 UTC
            Platinum on fall-back Sunday 09:00 PST waits for 10:00 PST | PLATINUM | 2026-11-01T09:00:00-08:00 | true    | false | 2026-11-01T18:00:00Z |
            Platinum on fall-back Sunday 13:00 PST closes at 14:00 PST | PLATINUM | 2026-11-01T13:00:00-08:00 | true    | true  |                      | 2026-11-01T22:00:00Z
            Gold on the Saturday before fall-back waits for 08:00 PST | GOLD     | 2026-10-31T12:00:00-07:00 | true    | false | 2026-11-02T16:00:00Z |
            # 2026-03-08 02:00 PST springs forward to 03:00 PDT: Sunday's window opens at 10:00 PDT, 17:00 UTC
            Platinum on spring-forward Saturday 15:00 PST waits for Sunday 10:00 PDT | PLATINUM | 2026-03-07T15:00:00-08:00 | true | false | 2026-03-08T17:00:00Z |
            Platinum on spring-forward Sunday 10:00 PDT is open       | PLATINUM | 2026-03-08T10:00:00-07:00 | true    | true  |                      | 2026-03-08T21:00:00Z
            Gold on the Saturday before spring-forward waits for 08:00 PDT | GOLD | 2026-03-07T12:00:00-08:00 | true   | false | 2026-03-09T15:00:00Z |
            """)
    void chatHoursOfTheShippedPlans(String behaviour, Tier tier, OffsetDateTime at, boolean offered, boolean open,
                                    Instant opensAt, Instant closesAt) {
        ChatWindow window = ChatWindow.of(PolicyFixtures.shippedRules().plan(tier), at.toInstant());

        assertThat(window.offered()).as("offered").isEqualTo(offered);
        assertThat(window.open()).as("open").isEqualTo(open);
        assertThat(window.opensAt()).as("opens at").isEqualTo(opensAt);
        assertThat(window.closesAt()).as("closes at").isEqualTo(closesAt);
    }

    @Test
    void aClosedChatSaysWhenItOpensInTheChatHoursZone() {
        ChatWindow gold = ChatWindow.of(PolicyFixtures.shippedRules().plan(Tier.GOLD), Instant.parse("2026-11-28T20:00:00Z"));

        assertThat(gold.local(gold.opensAt())).isEqualTo("Monday 2026-11-30 08:00 America/Los_Angeles");
        assertThat(gold.message()).isEqualTo("Chat is closed now; it opens Monday 30 November 2026 at 08:00 Pacific Time."
                + " Email is always open.");
        assertThat(gold.takenAsEmail()).isEqualTo("chat is closed for GOLD at 2026-11-28T20:00:00Z; taken as email;"
                + " chat opens Monday 2026-11-30 08:00 America/Los_Angeles");
        assertThat(gold.customerNote()).isEqualTo("Chat was closed when your message arrived, so we have taken it as an"
                + " email and will answer you by email. Chat opens again on Monday 30 November 2026 at 08:00 Pacific Time.");
    }

    @Test
    void anEmailOnlyPlanSaysSoWithoutAnOpening() {
        ChatWindow silver = ChatWindow.of(PolicyFixtures.shippedRules().plan(Tier.SILVER), Instant.parse("2026-11-30T18:00:00Z"));

        assertThat(silver.zone()).isNull();
        assertThat(silver.message()).isEqualTo("The Silver plan is email only: no chat. Email is always open.");
        assertThat(silver.takenAsEmail()).isEqualTo("the SILVER plan has no chat; taken as email");
        assertThat(silver.customerNote()).startsWith("Your Silver plan includes support by email rather than chat");
    }
}
