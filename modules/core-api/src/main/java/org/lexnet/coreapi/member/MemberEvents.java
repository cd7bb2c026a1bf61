package org.lexnet.coreapi.member;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.util.List;

/**
 * Events of the Member aggregate. They are permanent: add fields with a new {@code @Revision} and an
 * upcaster, never rename. Credentials and e-mail addresses never appear here (they live in the
 * account table); lived-experience areas do, so events are admin-only in the audit.
 */
public final class MemberEvents {

    private MemberEvents() {
    }

    @Revision("1")
    public record MemberRegisteredEvent(MemberId memberId, @PersonalData(keysOf = "memberId") String displayName) {
    }

    @Revision("1")
    public record MemberProfileUpdatedEvent(MemberId memberId,
                                            @PersonalData(keysOf = "memberId") MemberProfile profile) {
    }

    /** The member's whole set of areas after the change (a PUT replaces the set). */
    @Revision("1")
    public record LivedExperienceRecordedEvent(MemberId memberId,
                                              @PersonalData(keysOf = "memberId") List<AreaConsent> areas) {
        public LivedExperienceRecordedEvent {
            // null once the member was erased: their key, and so their areas, are gone
            areas = areas == null ? List.of() : List.copyOf(areas);
        }
    }

    @Revision("1")
    public record ParticipationPausedEvent(MemberId memberId) {
    }

    @Revision("1")
    public record ParticipationResumedEvent(MemberId memberId) {
    }

    /** A mentor offer was made or changed; the event carries the offer as it now stands. */
    @Revision("1")
    public record MentorOfferSetEvent(MemberId memberId, @PersonalData(keysOf = "memberId") MentorOffer offer) {
    }

    @Revision("1")
    public record MentorOfferWithdrawnEvent(MemberId memberId) {
    }

    /**
     * One of the mentor's slots is now held by a pairing (when it became active). Applied in the same
     * transaction as the acceptance, on the mentor's own stream: the event store's optimistic lock on
     * that stream is what keeps a mentor within capacity, on one node or many.
     */
    @Revision("1")
    public record MentoringSlotReservedEvent(MemberId mentorId, MentorshipId mentorshipId,
                                             MemberId menteeId, int capacity, int slotsHeld) {
    }

    /** A pairing that held a slot completed or ended; the slot is free again. */
    @Revision("1")
    public record MentoringSlotReleasedEvent(MemberId mentorId, MentorshipId mentorshipId,
                                             int slotsHeld) {
    }

    /** Private to the member who blocked: never shown to the blocked member, nor in any feed. */
    @Revision("1")
    public record MemberBlockedEvent(MemberId memberId, MemberId blockedId) {
    }

    @Revision("1")
    public record MemberUnblockedEvent(MemberId memberId, MemberId blockedId) {
    }

    /**
     * The member left and their personal data was erased: their data key is destroyed in the same
     * transaction, so every personal value ever written with it is unreadable from now on; ids, times
     * and the order of events stay for the audit. {@code reason} is an admin's (sealed with the admin's
     * key), null when members erase themselves.
     */
    @Revision("1")
    public record MemberErasedEvent(MemberId memberId, MemberId erasedBy,
                                    @PersonalData(keysOf = "erasedBy") String reason) {
    }
}
