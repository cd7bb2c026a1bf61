package org.lexnet.app.axon;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/** How many events wait in each processing group's dead-letter queue. */
@Component
public class DeadLetterCounts {

    private final JdbcTemplate jdbc;

    DeadLetterCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, Long> byProcessor() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
