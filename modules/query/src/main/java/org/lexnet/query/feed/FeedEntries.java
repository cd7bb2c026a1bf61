package org.lexnet.query.feed;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads feed entries in cursor order and shows them as {@link FeedMessage}s, filling in names as the
 * members' settings are at that moment ({@link FeedDisclosure}), so a member who hides from the network
 * stops being named in entries already stored. Names and visibility come from the feed's own
 * {@code feed_member}, kept by the feed's processor: it is never behind the entries it renders, where
 * the member directory (another processor) may be for a moment. Used alike by the catch-up endpoint
 * and live delivery.
 */
@Component
class FeedEntries {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeedEntries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An entry as stored: {@code recipient} and {@code circle} null for a public one. */
    record Entry(long cursor, MemberId recipient, CircleId circle, FeedKind kind, Instant occurredAt,
                 FeedPayload<MemberId> payload) {
    }

    /**
     * The public entries, the member's own notifications and the entries of the circles they sit in or
     * facilitate now, after the cursor, oldest first.
     */
    List<FeedMessage> forMember(MemberId member, long after, int limit) {
        // two index range scans merged, rather than one scan filtering on "public or mine"
        return show(jdbc.query("""
                        select * from (
                          (select cursor, recipient, circle_id, kind, payload::text as payload, occurred_at
                           from feed_entry where recipient is null and circle_id is null and cursor > ?
                           order by cursor limit ?)
                          union all
                          (select cursor, recipient, circle_id, kind, payload::text as payload, occurred_at
                           from feed_entry where recipient = ? and cursor > ? order by cursor limit ?)
                          union all
                          (select e.cursor, e.recipient, e.circle_id, e.kind, e.payload::text as payload, e.occurred_at
                           from feed_entry e join feed_circle_member c on c.circle_id = e.circle_id
                           where c.member_id = ? and e.cursor > ? order by e.cursor limit ?)
                        ) mine order by cursor limit ?""",
                (rs, n) -> entry(rs), after, limit, member.value(), after, limit, member.value(), after, limit,
                limit));
    }

    /** Every private notification addressed to the member, oldest first (the public entries are nobody's). */
    List<FeedMessage> notificationsOf(MemberId member) {
        return show(jdbc.query("""
                        select cursor, recipient, circle_id, kind, payload::text as payload, occurred_at
                        from feed_entry where recipient = ? order by cursor""",
                (rs, n) -> entry(rs), member.value()));
    }

    /** Every entry after the cursor, whoever it is for (live delivery routes them). */
    List<Entry> after(long after, int limit) {
        return jdbc.query("""
                        select cursor, recipient, circle_id, kind, payload::text as payload, occurred_at
                        from feed_entry where cursor > ? order by cursor limit ?""",
                (rs, n) -> entry(rs), after, limit);
    }

    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(cursor), 0) from feed_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The entries as their recipients see them now, in the same order. */
    List<FeedMessage> show(List<Entry> entries) {
        Map<MemberId, FeedDisclosure.Member> members = members(entries);
        List<FeedMessage> shown = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            shown.add(new FeedMessage(e.cursor(), e.kind().name(), e.occurredAt(),
                    FeedDisclosure.payload(e.kind(), e.payload(), members)));
        }
        return shown;
    }

    private Map<MemberId, FeedDisclosure.Member> members(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            e.payload().referredMembers().forEach(id -> ids.add(id.toString()));
        }
        Map<MemberId, FeedDisclosure.Member> members = new HashMap<>();
        if (ids.isEmpty()) {
            return members;
        }
        // a suspended member is named to nobody, in no entry, until reinstated
        jdbc.query("select member_id, case when suspended then null else display_name end as display_name, "
                   + "visible_in_network and not suspended as visible_in_network from feed_member "
                        + "where member_id = any(?::uuid[])",
                rs -> {
                    MemberId id = new MemberId(rs.getObject("member_id", UUID.class));
                    members.put(id, new FeedDisclosure.Member(rs.getString("display_name"),
                            rs.getBoolean("visible_in_network")));
                }, (Object) ids.toArray(String[]::new));
        return members;
    }

    private Entry entry(ResultSet rs) throws SQLException {
        long cursor = rs.getLong("cursor");
        UUID recipient = rs.getObject("recipient", UUID.class);
        UUID circle = rs.getObject("circle_id", UUID.class);
        FeedKind kind = FeedKind.valueOf(rs.getString("kind"));
        FeedPayload<MemberId> payload;
        try {
            payload = storedPayload(json, kind, rs.getString("payload"));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable feed payload at cursor " + cursor, e);
        }
        return new Entry(cursor, recipient == null ? null : new MemberId(recipient),
                circle == null ? null : new CircleId(circle), kind,
                rs.getTimestamp("occurred_at").toInstant(), payload);
    }

    /** A stored payload (of any age) as its kind's record, referring to members by id. */
    static FeedPayload<MemberId> storedPayload(ObjectMapper json, FeedKind kind, String stored) throws IOException {
        JavaType type = json.getTypeFactory().constructParametricType(kind.payloadType(), MemberId.class);
        return json.readValue(stored, type);
    }
}
