package org.lexnet.app.replay;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The table through which nodes agree on replays ({@code replay_request}). Times are the database's, so
 * that the deadlines of nodes with differing clocks agree. A change that another node must act on is
 * followed by a NOTIFY on {@link #NOTIFY_CHANNEL}, delivered when its transaction commits; nodes also
 * look every second, so a lost notification only costs that second.
 */
@Component
class ReplayRequests {

    static final String NOTIFY_CHANNEL = "lexnet_replay";

    private static final String COLUMNS = "replay_id, processor, state, requested_by, requested_at, events_total, "
            + "shadow_schema, reset_position, started_at, finished_at, detail";
    private static final RowMapper<Replay> REPLAY = (rs, n) -> new Replay(rs.getObject("replay_id", UUID.class),
            rs.getString("processor"), ReplayState.valueOf(rs.getString("state")),
            rs.getObject("requested_by", UUID.class), instant(rs.getTimestamp("requested_at")),
            rs.getLong("events_total"), rs.getString("shadow_schema"), (Long) rs.getObject("reset_position"),
            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), rs.getString("detail"));

    private final JdbcTemplate jdbc;

    ReplayRequests(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores a new request, counting the events it will go through, and wakes every node when the
     * caller's transaction commits. Empty if a replay of this processor is already under way (the
     * unique index lets only one exist, whichever node was asked).
     */
    Optional<Replay> create(String processor, UUID requestedBy, String shadowSchema) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                        insert into replay_request (replay_id, processor, state, requested_by, requested_at, events_total,
                                                    shadow_schema)
                        select ?, ?, 'REQUESTED', ?, now(), count(*), ? from domain_event_entry
                        on conflict do nothing""",
                id, processor, requestedBy, shadowSchema);
        if (inserted == 0) {
            return Optional.empty();
        }
        notifyNodes(processor);
        return find(id);
    }

    Optional<Replay> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from replay_request where replay_id = ?", REPLAY, id).stream()
                .findFirst();
    }

    /** The replays under way now, oldest first. */
    List<Replay> underWay() {
        return jdbc.query("select " + COLUMNS + " from replay_request where state in ('REQUESTED', 'REPLAYING') "
                + "order by requested_at", REPLAY);
    }

    /** Each processor's latest replay, under way or not. */
    Map<String, Replay> latestOfEach() {
        Map<String, Replay> latest = new LinkedHashMap<>();
        jdbc.query("select distinct on (processor) " + COLUMNS + " from replay_request "
                        + "order by processor, requested_at desc", REPLAY)
                .forEach(replay -> latest.put(replay.processor(), replay));
        return latest;
    }

    /** Replays that ended within the given time, by the database's clock. */
    List<Replay> finishedWithin(Duration within) {
        return jdbc.query("select " + COLUMNS + " from replay_request "
                + "where finished_at > now() - ? * interval '1 millisecond' order by finished_at", REPLAY,
                within.toMillis());
    }

    /** The schema the processor's units of work write to while its replay runs; empty otherwise. */
    Optional<String> shadowSchemaWhileReplaying(String processor) {
        return jdbc.queryForList("select shadow_schema from replay_request where processor = ? and state = 'REPLAYING'",
                String.class, processor).stream().findFirst();
    }

    /**
     * In the caller's transaction: the replay, locked until it commits, if it is still in this state and
     * no other node holds it (that node is taking the same step; this one leaves it to it).
     */
    Optional<Replay> lockIn(UUID id, ReplayState state) {
        return jdbc.query("select " + COLUMNS + " from replay_request where replay_id = ? and state = ? "
                + "for update skip locked", REPLAY, id, state.name()).stream().findFirst();
    }

    void startedReplaying(UUID id, long resetPosition, long eventsTotal) {
        jdbc.update("""
                update replay_request set state = 'REPLAYING', started_at = now(), reset_position = ?, events_total = ?,
                  detail = null
                where replay_id = ?""", resetPosition, eventsTotal, id);
    }

    void completed(UUID id) {
        jdbc.update("update replay_request set state = 'COMPLETED', finished_at = now(), detail = null "
                + "where replay_id = ?", id);
    }

    /** Ends a replay under way as failed, with the reason; false if it had already ended. */
    boolean failed(UUID id, String why) {
        return jdbc.update("update replay_request set state = 'FAILED', finished_at = now(), detail = ? "
                + "where replay_id = ? and state in ('REQUESTED', 'REPLAYING')", why, id) == 1;
    }

    /** What a requested replay is waiting for, as operators see it. */
    void waiting(UUID id, String what) {
        jdbc.update("update replay_request set detail = ? where replay_id = ? and state = 'REQUESTED' "
                + "and detail is distinct from ?", what, id, what);
    }

    /** Whether the replay was asked for longer ago than this, by the database's clock. */
    boolean requestedLongerAgoThan(UUID id, Duration time) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select requested_at < now() - ? * interval '1 millisecond' from replay_request where replay_id = ?",
                Boolean.class, time.toMillis(), id));
    }

    /** Wakes every node's {@link ReplayCoordinator} when the caller's transaction commits. */
    void notifyNodes(String processor) {
        jdbc.query("select pg_notify(?, ?)", rs -> {
        }, NOTIFY_CHANNEL, processor);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
