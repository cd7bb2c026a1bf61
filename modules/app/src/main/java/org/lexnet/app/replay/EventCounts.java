package org.lexnet.app.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many events the store holds up to a global index, for a replay's progress. Positions only move
 * forward during a replay, so each replay's count is kept and only the events since the last look are
 * counted; global indexes have gaps (rolled-back inserts), so they are counted, not subtracted.
 */
@Component
class EventCounts {

    private final JdbcTemplate jdbc;
    private final Map<UUID, long[]> counted = new ConcurrentHashMap<>();

    EventCounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Events with a global index up to {@code position}, counted for this replay. */
    long upTo(UUID replay, long position) {
        long[] before = counted.getOrDefault(replay, new long[]{-1, 0});
        if (position <= before[0]) {
            return position == before[0] ? before[1] : between(-1, position);
        }
        long count = before[1] + between(before[0], position);
        counted.put(replay, new long[]{position, count});
        return count;
    }

    /** Events with a global index up to {@code position}. */
    long upTo(long position) {
        return between(-1, position);
    }

    void forget(UUID replay) {
        counted.remove(replay);
    }

    private long between(long after, long upTo) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where global_index > ? and global_index <= ?",
                Long.class, after, upTo);
        return n == null ? 0 : n;
    }
}
