package io.turnaround.client;

import io.turnaround.sla.LocalHolidays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;

/** Clients' own holidays, dates in each client's time zone. */
@Repository
public class ClientHolidays {

    private final JdbcTemplate jdbc;

    ClientHolidays(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ClientHoliday> of(long clientId) {
        return jdbc.query("select holiday_date, name from client_holiday where client_id = ? order by holiday_date",
                (rs, n) -> new ClientHoliday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name")), clientId);
    }

    /** The client's holidays as the policy reads them: dates in the client's zone. */
    public LocalHolidays forPolicy(Client client) {
        return LocalHolidays.of(client.timeZone(), jdbc.queryForList(
                "select holiday_date from client_holiday where client_id = ?", LocalDate.class, client.id()));
    }

    /** Replaces all of the client's holidays at once; the caller has checked them. */
    @Transactional
    public void replace(long clientId, List<ClientHoliday> holidays) {
        jdbc.update("delete from client_holiday where client_id = ?", clientId);
        jdbc.batchUpdate("insert into client_holiday (client_id, holiday_date, name) values (?, ?, ?)", holidays, 500,
                (statement, holiday) -> {
                    statement.setLong(1, clientId);
                    statement.setObject(2, holiday.date());
                    statement.setString(3, holiday.name());
                });
    }
}
