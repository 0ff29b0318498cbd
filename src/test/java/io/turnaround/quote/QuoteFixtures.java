package io.turnaround.quote;

import io.turnaround.support.Api;
import io.turnaround.ticket.TicketKey;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quotes made as sales makes them, on the demo data. */
public final class QuoteFixtures {

    private static final Pattern LINK = Pattern.compile("/quotes/[A-Za-z0-9._-]+");

    private QuoteFixtures() {
    }

    /** Platina Streams asks for custom work, sam quotes 3 hours; the path of the link in the quote mail. */
    public static String sentQuoteLink(Api api, JdbcTemplate jdbc) {
        String key = api.post("intake", "/api/tickets", "{\"from\":\"cto@platina.example\","
                + "\"subject\":\"Please quote a custom feature\",\"body\":\"A payout report per model\"}").body()
                .get("key").asText();
        long task = -1;
        for (var t : api.get("sam", "/api/tasks?group=sales").body()) {
            if (key.equals(t.get("ticketKey").asText())) {
                task = t.get("id").asLong();
            }
        }
        api.post("sam", "/api/tasks/" + task + "/claim", null);
        Api.Response quoted = api.post("sam", "/api/tasks/" + task + "/estimate",
                "{\"hours\": 3, \"description\": \"A custom login page\"}");
        if (quoted.status() != 201) {
            throw new IllegalStateException("the estimate was refused: " + quoted.text());
        }
        Matcher link = LINK.matcher(jdbc.queryForObject("select body from outbound_mail where kind = 'QUOTE'"
                + " and ticket_id = ?", String.class, TicketKey.idOf(key)));
        if (!link.find()) {
            throw new IllegalStateException("no quote link in the mail of " + key);
        }
        return link.group();
    }
}
