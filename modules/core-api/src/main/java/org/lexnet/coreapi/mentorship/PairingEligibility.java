package org.lexnet.coreapi.mentorship;

import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;

import java.util.Optional;

/**
 * Who may be proposed as whose mentor: the rules that come from the users, in one place. The command
 * path (a direct request, an admin's proposal, an acceptance of the matcher's proposal), the matcher's
 * hard filters and its pool loader all ask here, so they cannot disagree (a property test holds them to
 * it). Facts in, the first rule broken out; the callers gather the facts and word the answer.
 */
public final class PairingEligibility {

    private PairingEligibility() {
    }

    /**
     * The mentor as the rules see them.
     *
     * @param offersMentoring  an offer is open
     * @param paused           the mentor paused their participation
     * @param freeSlots        capacity less the slots their pairings hold
     * @param proposalsWaiting proposals to them still waiting for an answer
     */
    public record MentorFacts(boolean offersMentoring, boolean paused, int freeSlots, int proposalsWaiting) {
    }

    /**
     * One mentee and one mentor.
     *
     * @param self             the two are the same member
     * @param blocked          one of the two blocked the other (which one is deliberately not said)
     * @param declinedBefore   this mentor declined this mentee before, in any request
     * @param menteePaused     the mentee paused their participation
     * @param menteeStageRank  the mentee's stage rank ({@link TaxonomyCatalog#rankOf})
     * @param mentorStageRank  the mentor's stage rank
     * @param namedByMentee    the mentee named this mentor themselves: the stage order is then theirs to
     *                         judge, and proposals waiting for the mentor do not count against it (the
     *                         mentor's capacity still holds when they accept)
     */
    public record PairFacts(boolean self, boolean blocked, boolean declinedBefore, boolean menteePaused,
                            int menteeStageRank, int mentorStageRank, boolean namedByMentee) {
    }

    /** The rules, in the order they are checked. */
    public enum Refusal {
        SELF, BLOCKED, NOT_OFFERING, MENTOR_PAUSED, MENTEE_PAUSED, DECLINED_BEFORE, NO_FREE_SLOT, PROPOSALS_WAITING,
        STAGE_ORDER
    }

    /** The first rule the pair breaks, or empty when the mentor may be proposed to this mentee. */
    public static Optional<Refusal> refusal(PairFacts pair, MentorFacts mentor) {
        if (pair.self()) {
            return Optional.of(Refusal.SELF);
        }
        if (pair.blocked()) {
            return Optional.of(Refusal.BLOCKED);
        }
        Optional<Refusal> mentorSide = mentorRefusal(mentor, pair.namedByMentee());
        if (mentorSide.isPresent() && mentorSide.get() != Refusal.NO_FREE_SLOT
            && mentorSide.get() != Refusal.PROPOSALS_WAITING) {
            return mentorSide;
        }
        Optional<Refusal> menteeSide = menteeRefusal(pair.menteePaused());
        if (menteeSide.isPresent()) {
            return menteeSide;
        }
        if (pair.declinedBefore()) {
            return Optional.of(Refusal.DECLINED_BEFORE);
        }
        if (mentorSide.isPresent()) {
            return mentorSide;
        }
        if (!pair.namedByMentee() && !laterStage(pair.mentorStageRank(), pair.menteeStageRank())) {
            return Optional.of(Refusal.STAGE_ORDER);
        }
        return Optional.empty();
    }

    /**
     * What rules a mentor out for everyone: the matcher's pool loads only mentors who pass this (with
     * {@code namedByMentee} false), and a direct request asks it too.
     */
    public static Optional<Refusal> mentorRefusal(MentorFacts mentor, boolean namedByMentee) {
        if (!mentor.offersMentoring()) {
            return Optional.of(Refusal.NOT_OFFERING);
        }
        if (mentor.paused()) {
            return Optional.of(Refusal.MENTOR_PAUSED);
        }
        if (mentor.freeSlots() <= 0) {
            return Optional.of(Refusal.NO_FREE_SLOT);
        }
        if (!namedByMentee && mentor.proposalsWaiting() >= mentor.freeSlots()) {
            return Optional.of(Refusal.PROPOSALS_WAITING);
        }
        return Optional.empty();
    }

    /** What rules a mentee out of every pairing for now: the matcher's pool leaves such requests waiting. */
    public static Optional<Refusal> menteeRefusal(boolean paused) {
        return paused ? Optional.of(Refusal.MENTEE_PAUSED) : Optional.empty();
    }

    /** Whether any mentor can be at a later stage: not for a member who has not said their stage. */
    public static boolean mayBeMentored(int menteeStageRank) {
        return menteeStageRank != TaxonomyCatalog.UNRANKED;
    }

    /** Slots a proposer (the matcher, an admin) may still fill: free slots less proposals waiting. */
    public static int slotsToPropose(MentorFacts mentor) {
        return Math.max(0, mentor.freeSlots() - mentor.proposalsWaiting());
    }

    /**
     * A mentor sits at a later leadership stage than the mentee. A member who has not said their stage
     * ({@link TaxonomyCatalog#UNRANKED}) is on neither side of it.
     */
    public static boolean laterStage(int mentorStageRank, int menteeStageRank) {
        return mayBeMentored(menteeStageRank) && mentorStageRank > menteeStageRank;
    }
}
