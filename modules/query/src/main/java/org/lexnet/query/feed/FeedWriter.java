package org.lexnet.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Stores feed entries for {@link FeedProjection}, in the transaction of the event they come from.
 *
 * <p>Cursor order is commit order: every transaction that writes entries first takes one
 * transaction-scoped advisory lock, so a cursor is drawn only after every smaller one was committed
 * (or rolled back). Live delivery ({@link FeedRelay}) relies on it.
 *
 * <p>Replay-safe: an entry is keyed on (event id, part), so an event handled again (a retry, a claim
 * that moved) adds nothing, and a running count moves only with the entry that shows it. A replay
 * writes no entry at all: entries are history that clients already hold, and one that a replay would
 * add (for an event once parked and evicted, say) would reach its member as news long after the fact.
 * A new entry notifies every node's listener when the transaction commits.
 */
@Component
class FeedWriter {

    /** The PostgreSQL channel notified after new entries (on commit). */
    static final String NOTIFY_CHANNEL = "lexnet_feed";

    private static final String CURSOR_LOCK = "lexnet-feed-cursor";
    /** The {@code feed_counter} row each count shows; stored rows carry these names. */
    private static final Map<FeedKind, String> COUNTERS = Map.of(
            FeedKind.PAIRING_STARTED, "PAIRINGS_STARTED",
            FeedKind.PAIRING_COMPLETED, "PAIRINGS_COMPLETED",
            FeedKind.CIRCLE_FORMED, "CIRCLES_FORMED");

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeedWriter(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A notification for one member; {@code part} tells apart the entries one event makes. */
    void privateEntry(EventMessage<?> message, int part, MemberId recipient, FeedKind kind,
                      FeedPayload<MemberId> payload) {
        insert(message, part, recipient, null, kind, payload);
    }

    /** An entry on the network topic, for every member. */
    void publicEntry(EventMessage<?> message, int part, FeedKind kind, FeedPayload<MemberId> payload) {
        insert(message, part, null, null, kind, payload);
    }

    /** An entry on one circle's topic, for its members. */
    void circleEntry(EventMessage<?> message, int part, CircleId circle, FeedKind kind, FeedPayload<MemberId> payload) {
        insert(message, part, null, circle, kind, payload);
    }

    /** A public count: how many of its kind there have been, this event counted. */
    void countEntry(EventMessage<?> message, int part, FeedKind kind) {
        countEntry(message, part, kind, FeedPayload.Count::new);
    }

    /** A public count shown in a payload of its own (the count passed in, this event counted). */
    void countEntry(EventMessage<?> message, int part, FeedKind kind,
                    LongFunction<FeedPayload<MemberId>> payload) {
        String counter = COUNTERS.get(kind);
        if (counter == null) {
            throw new IllegalArgumentException(kind + " is not a count");
        }
        if (ReplayToken.isReplay(message)) {
            return;
        }
        // locked before reading, so that two transactions cannot both count from the same total
        lockCursor();
        Long current = jdbc.query("select total from feed_counter where name = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, counter);
        long total = (current == null ? 0 : current) + 1;
        if (insert(message, part, null, null, kind, payload.apply(total))) {
            jdbc.update("insert into feed_counter (name, total) values (?, ?) "
                    + "on conflict (name) do update set total = excluded.total", counter, total);
        }
    }

    /** Whether the entry is new (an event seen before finds it there already). */
    private boolean insert(EventMessage<?> message, int part, MemberId recipient, CircleId circle, FeedKind kind,
                           FeedPayload<MemberId> payload) {
        if (!kind.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(kind + " carries " + kind.payloadType().getSimpleName() + ", not "
                    + payload.getClass().getSimpleName());
        }
        // a private kind on the network would reach every member
        FeedKind.Audience audience = recipient != null ? FeedKind.Audience.MEMBER
                : circle != null ? FeedKind.Audience.CIRCLE : FeedKind.Audience.NETWORK;
        if (audience != kind.audience()) {
            throw new IllegalArgumentException(kind + " is for " + kind.audience());
        }
        if (ReplayToken.isReplay(message)) {
            return false;
        }
        lockCursor();
        int inserted = jdbc.update("""
                        insert into feed_entry (event_id, part, recipient, circle_id, kind, payload, occurred_at)
                        values (?, ?, ?, ?, ?, ?::jsonb, ?) on conflict (event_id, part) do nothing""",
                message.getIdentifier(), part, recipient == null ? null : recipient.value(),
                circle == null ? null : circle.value(), kind.name(),
                toJson(payload), Timestamp.from(message.getTimestamp()));
        if (inserted == 1) {
            // delivered at commit, to every node that listens; one per transaction however many entries
            jdbc.query("select pg_notify(?, '')", rs -> {
            }, NOTIFY_CHANNEL);
        }
        return inserted == 1;
    }

    /** Re-entrant within the transaction; released at commit or rollback. */
    private void lockCursor() {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, CURSOR_LOCK);
    }

    private String toJson(FeedPayload<MemberId> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed payload is not serialisable", e);
        }
    }
}
