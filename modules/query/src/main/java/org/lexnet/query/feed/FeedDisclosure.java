package org.lexnet.query.feed;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides what a stored entry shows, at the moment it is shown. The rules, in one place:
 * <ul>
 *   <li>public entries never name anyone but members who opted in to the network: a new connection
 *       names its two members only while both still are visible (otherwise it shows nobody); mentor
 *       offers show a stage and pairings a count, never a person;</li>
 *   <li>a private notification names the other member always where the two are in a relationship
 *       that shows names (a request made to the recipient, a connection, a pairing), and otherwise
 *       only while that member is visible in the network; where the two were merely proposed to each
 *       other, a hidden member is not even identified by id ({@link FeedKind.Naming}), so a hidden
 *       mentor stays anonymous to the mentee until they accept;</li>
 *   <li>lived experience and decline reasons are never stored in an entry, so nothing here can show them.</li>
 * </ul>
 */
final class FeedDisclosure {

    private FeedDisclosure() {
    }

    /** A member as the feed knows them now (feed_member): their name and whether they are visible. */
    record Member(String displayName, boolean visibleInNetwork) {
    }

    /** The members a stored payload refers to (whose names may be shown). */
    static List<String> memberIds(Map<String, Object> stored) {
        List<String> ids = new ArrayList<>();
        if (stored.get("other") instanceof String other) {
            ids.add(other);
        }
        if (stored.get("members") instanceof List<?> list) {
            list.forEach(id -> ids.add(String.valueOf(id)));
        }
        return ids;
    }

    /** The payload as shown: member ids become {@code {memberId, displayName}} where the rules allow. */
    static Map<String, Object> payload(FeedKind kind, Map<String, Object> stored, Map<UUID, Member> members) {
        Map<String, Object> shown = new LinkedHashMap<>(stored);
        if (stored.get("other") instanceof String other) {
            Member member = members.get(UUID.fromString(other));
            boolean named = member != null
                    && (kind.naming() == FeedKind.Naming.ALWAYS || member.visibleInNetwork());
            boolean identified = named || kind.naming() != FeedKind.Naming.ANONYMOUS_IF_HIDDEN;
            shown.put("other", person(identified ? other : null, named ? member.displayName() : null));
        }
        if (stored.get("members") instanceof List<?> list) {
            List<Map<String, Object>> people = new ArrayList<>();
            boolean allVisible = list.stream().map(id -> members.get(UUID.fromString(String.valueOf(id))))
                    .allMatch(m -> m != null && m.visibleInNetwork());
            if (allVisible) {
                list.forEach(id -> people.add(person(String.valueOf(id),
                        members.get(UUID.fromString(String.valueOf(id))).displayName())));
            }
            shown.put("members", people);
        }
        return shown;
    }

    private static Map<String, Object> person(String memberId, String displayName) {
        Map<String, Object> person = new LinkedHashMap<>();
        person.put("memberId", memberId);
        person.put("displayName", displayName);
        return person;
    }
}
