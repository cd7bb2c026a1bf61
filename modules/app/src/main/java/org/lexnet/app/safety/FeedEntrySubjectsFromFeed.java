package org.lexnet.app.safety;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lexnet.command.safety.FeedEntrySubjects;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Answers, from the feed's table, which member a feed entry is about: only for an entry the reporter can
 * see (public, or a notification to them). Entries store ids only ({@code docs/feed.md}): a notification
 * names the other member in {@code other}, a public connection both members in {@code members}.
 */
@Component
class FeedEntrySubjectsFromFeed implements FeedEntrySubjects {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    FeedEntrySubjectsFromFeed(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<EntrySubject> entrySeenBy(long cursor, MemberId viewer) {
        return jdbc.query("select payload::text from feed_entry where cursor = ? and (recipient is null or recipient = ?)",
                (rs, i) -> new EntrySubject(memberIn(rs.getString(1), viewer)), cursor, viewer.value())
                .stream().findFirst();
    }

    private MemberId memberIn(String payload, MemberId viewer) {
        try {
            JsonNode tree = json.readTree(payload);
            if (tree.hasNonNull("other")) {
                return member(tree.get("other"));
            }
            JsonNode members = tree.path("members");
            if (members.isArray() && members.size() == 2) {
                MemberId first = member(members.get(0));
                MemberId second = member(members.get(1));
                // a public connection: the reporter may report the other member of their own connection only
                if (viewer.equals(first)) {
                    return second;
                }
                if (viewer.equals(second)) {
                    return first;
                }
            }
            return null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private static MemberId member(JsonNode node) {
        String id = node.isTextual() ? node.asText() : node.path("memberId").asText(null);
        return id == null ? null : new MemberId(UUID.fromString(id));
    }
}
