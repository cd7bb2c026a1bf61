package org.lexnet.query.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
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

    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeedEntries(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An entry as stored: {@code recipient} null for a public one. */
    record Entry(long cursor, UUID recipient, FeedKind kind, Instant occurredAt, Map<String, Object> payload) {
    }

    /** The public entries and the member's own notifications after the cursor, oldest first. */
    List<FeedMessage> forMember(MemberId member, long after, int limit) {
        // two index range scans merged, rather than one scan filtering on "public or mine"
        return show(jdbc.query("""
                        select * from (
                          (select cursor, recipient, kind, payload::text as payload, occurred_at from feed_entry
                           where recipient is null and cursor > ? order by cursor limit ?)
                          union all
                          (select cursor, recipient, kind, payload::text as payload, occurred_at from feed_entry
                           where recipient = ? and cursor > ? order by cursor limit ?)
                        ) mine order by cursor limit ?""",
                (rs, n) -> entry(rs), after, limit, member.value(), after, limit, limit));
    }

    /** Every private notification addressed to the member, oldest first (the public entries are nobody's). */
    List<FeedMessage> notificationsOf(MemberId member) {
        return show(jdbc.query("""
                        select cursor, recipient, kind, payload::text as payload, occurred_at from feed_entry
                        where recipient = ? order by cursor""",
                (rs, n) -> entry(rs), member.value()));
    }

    /** Every entry after the cursor, whoever it is for (live delivery routes them). */
    List<Entry> after(long after, int limit) {
        return jdbc.query("""
                        select cursor, recipient, kind, payload::text as payload, occurred_at from feed_entry
                        where cursor > ? order by cursor limit ?""",
                (rs, n) -> entry(rs), after, limit);
    }

    long head() {
        Long head = jdbc.queryForObject("select coalesce(max(cursor), 0) from feed_entry", Long.class);
        return head == null ? 0 : head;
    }

    /** The entries as their recipients see them now, in the same order. */
    List<FeedMessage> show(List<Entry> entries) {
        Map<UUID, FeedDisclosure.Member> members = members(entries);
        List<FeedMessage> shown = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            shown.add(new FeedMessage(e.cursor(), e.kind().name(), e.occurredAt(),
                    FeedDisclosure.payload(e.kind(), e.payload(), members)));
        }
        return shown;
    }

    private Map<UUID, FeedDisclosure.Member> members(List<Entry> entries) {
        Set<String> ids = new HashSet<>();
        for (Entry e : entries) {
            ids.addAll(FeedDisclosure.memberIds(e.payload()));
        }
        Map<UUID, FeedDisclosure.Member> members = new HashMap<>();
        if (ids.isEmpty()) {
            return members;
        }
        jdbc.query("select member_id, display_name, visible_in_network from feed_member "
                        + "where member_id = any(?::uuid[])",
                rs -> {
                    UUID id = rs.getObject("member_id", UUID.class);
                    members.put(id, new FeedDisclosure.Member(rs.getString("display_name"),
                            rs.getBoolean("visible_in_network")));
                }, (Object) ids.toArray(String[]::new));
        return members;
    }

    private Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        try {
            return new Entry(rs.getLong("cursor"), rs.getObject("recipient", UUID.class),
                    FeedKind.valueOf(rs.getString("kind")), rs.getTimestamp("occurred_at").toInstant(),
                    json.readValue(rs.getString("payload"), PAYLOAD));
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable feed payload at cursor " + rs.getLong("cursor"), e);
        }
    }
}
