package org.lexnet.command.member;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.mentorship.PairingEligibility;
import org.lexnet.coreapi.mentorship.PairingEligibility.MentorFacts;

/**
 * A member as the pairing rules see them at one moment: stage, whether paused, the mentor offer (null
 * if none) and how many mentoring slots their pairings hold.
 */
public record MemberStanding(MemberId memberId, String stage, boolean paused, MentorOffer offer, int slotsHeld) {

    public boolean offersMentoringNow() {
        return offer != null && offer.open();
    }

    public int freeSlots() {
        return offer == null ? 0 : Math.max(0, offer.capacity() - slotsHeld);
    }

    /** This member as a mentor, for {@link PairingEligibility}. */
    public MentorFacts mentorFacts(int proposalsWaiting) {
        return new MentorFacts(offersMentoringNow(), paused, freeSlots(), proposalsWaiting);
    }
}
