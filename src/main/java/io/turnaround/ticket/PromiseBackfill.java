package io.turnaround.ticket;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * After an upgrade from a version that kept no promises, the first start builds them from the history, so that the
 * reports count the tickets decided before. A database with promises, or with no decided ticket, is left alone.
 */
@Component
class PromiseBackfill {

    private final JdbcTemplate jdbc;
    private final PromiseRebuild rebuild;

    PromiseBackfill(JdbcTemplate jdbc, PromiseRebuild rebuild) {
        this.jdbc = jdbc;
        this.rebuild = rebuild;
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterUpgrade() {
        boolean none = jdbc.queryForList("select 1 from ticket_promise fetch first 1 rows only").isEmpty();
        if (none && !jdbc.queryForList("select 1 from ticket where process_instance_id is not null"
                + " fetch first 1 rows only").isEmpty()) {
            rebuild.rebuild();
        }
    }
}
