package io.turnaround.ticket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.turnaround.policy.Explanation;
import io.turnaround.policy.facts.RuleFired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table {@code ticket_explanation}: why each ticket's running decision came out as it did. */
@Repository
class TicketExplanations {

    /** The width of the {@code rules} column. */
    private static final int MOST_CHARACTERS = 100_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<RuleFired>> RULES = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    TicketExplanations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The explanation of the ticket's new decision, in place of the one before. In the caller's transaction. */
    void record(long ticketId, Explanation explanation) {
        jdbc.update("delete from ticket_explanation where ticket_id = ?", ticketId);
        jdbc.update("insert into ticket_explanation (ticket_id, rules, calendar, due_arithmetic) values (?, ?, ?, ?)",
                ticketId, json(explanation.rules()), cut(explanation.calendar()), cut(explanation.dueArithmetic()));
    }

    /** The explanation of the ticket's running decision; empty for a ticket decided before decisions explained. */
    Optional<Explanation> of(long ticketId) {
        return jdbc.query("select rules, calendar, due_arithmetic from ticket_explanation where ticket_id = ?",
                (rs, n) -> new Explanation(rules(rs.getString("rules")), rs.getString("calendar"),
                        rs.getString("due_arithmetic")), ticketId).stream().findFirst();
    }

    /** The rules as JSON; a policy that fires a great many rules keeps the first ones that fit, and says so. */
    static String json(List<RuleFired> rules) {
        String json = write(rules);
        for (int kept = rules.size() / 2; json.length() > MOST_CHARACTERS; kept /= 2) {
            List<RuleFired> first = new ArrayList<>(rules.subList(0, kept));
            first.add(new RuleFired("(" + (rules.size() - kept) + " more rules fired; too many to keep)", List.of(),
                    List.of()));
            json = write(first);
        }
        return json;
    }

    private static String write(List<RuleFired> rules) {
        try {
            return JSON.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an explanation could not be written as JSON", e);
        }
    }

    private static List<RuleFired> rules(String json) {
        try {
            return JSON.readValue(json, RULES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the stored explanation is not the JSON it was written as", e);
        }
    }

    private static String cut(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
