package org.lexnet.query.feed;

import org.lexnet.coreapi.member.MemberId;

import java.util.List;
import java.util.Map;

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

    /** A member as an entry shows them: the id and the name where the rules allow, otherwise null. */
    record Person(MemberId memberId, String displayName) {
    }

    /** The payload as shown: every member it refers to becomes a {@link Person}, named as the rules allow. */
    static FeedPayload<Person> payload(FeedKind kind, FeedPayload<MemberId> stored, Map<MemberId, Member> members) {
        return stored.withMembers(other -> other(kind, other, members), together -> together(together, members));
    }

    private static Person other(FeedKind kind, MemberId other, Map<MemberId, Member> members) {
        Member member = members.get(other);
        boolean named = member != null && (kind.naming() == FeedKind.Naming.ALWAYS || member.visibleInNetwork());
        boolean identified = named || kind.naming() != FeedKind.Naming.ANONYMOUS_IF_HIDDEN;
        return new Person(identified ? other : null, named ? member.displayName() : null);
    }

    private static List<Person> together(List<MemberId> ids, Map<MemberId, Member> members) {
        boolean allVisible = ids.stream().map(members::get).allMatch(m -> m != null && m.visibleInNetwork());
        if (!allVisible) {
            return List.of();
        }
        return ids.stream().map(id -> new Person(id, members.get(id).displayName())).toList();
    }
}
