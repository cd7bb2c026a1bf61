package org.lexnet.command.safety;

import org.lexnet.coreapi.member.MemberId;

import java.util.Optional;

/**
 * Which member a feed entry is about, for a concern raised about it. The feed is the query side's; the
 * application answers from its table, so that this module never depends on that one.
 */
public interface FeedEntrySubjects {

    /**
     * The entry with this cursor if the viewer can see it (a public entry, or a notification to them),
     * with the member it is about: the other member of a notification or of a public connection the viewer
     * is in; none for a public count.
     */
    Optional<EntrySubject> entrySeenBy(long cursor, MemberId viewer);

    /** @param memberId null when the entry names nobody the viewer could report */
    record EntrySubject(MemberId memberId) {
    }
}
