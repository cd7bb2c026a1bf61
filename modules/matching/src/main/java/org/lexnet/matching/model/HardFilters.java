package org.lexnet.matching.model;

import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.PairingEligibility;
import org.lexnet.coreapi.mentorship.PairingEligibility.PairFacts;
import org.lexnet.coreapi.mentorship.PairingEligibility.Refusal;

import java.util.Optional;

/**
 * The rules that rule a pair out before any scoring, each with a name, so that a round can say why a
 * request stayed unmatched. A pair passes when {@link #check} is empty.
 */
public final class HardFilters {

    private HardFilters() {
    }

    /** Why a pair may not be proposed. The order is the order of the checks. */
    public enum Exclusion {
        SELF("the mentee and the mentor are the same member"),
        EXCLUDED_PAIR("the mentor declined this mentee before, or one of them blocked the other"),
        NOT_ACCEPTING("the mentor is paused or not offering mentoring"),
        MENTEE_PAUSED("the mentee has paused their participation"),
        NO_FREE_SLOT("the mentor has no free slot"),
        STAGE_ORDER("the mentor is not at a later leadership stage than the mentee"),
        REMOTE_ONLY("the mentee meets online only and the mentor does not meet online"),
        NO_SHARED_EXPERIENCE("the mentee requires shared lived experience and the two share none");

        private final String description;

        Exclusion(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /**
     * The matcher's facts about a pair. Its pool merges declines and blocks into one list per mentee
     * (a round need not tell them apart) and leaves out the requests of paused mentees.
     */
    static PairFacts pairFacts(MenteeRequest request, MentorCandidate mentor) {
        return new PairFacts(request.menteeId().equals(mentor.mentorId()),
                request.excludedMentorIds().contains(mentor.mentorId()), false, false, request.stageRank(),
                mentor.stageRank(), false);
    }

    private static Exclusion exclusionFor(Refusal refusal) {
        return switch (refusal) {
            case SELF -> Exclusion.SELF;
            case BLOCKED, DECLINED_BEFORE -> Exclusion.EXCLUDED_PAIR;
            case NOT_OFFERING, MENTOR_PAUSED -> Exclusion.NOT_ACCEPTING;
            case MENTEE_PAUSED -> Exclusion.MENTEE_PAUSED;
            case NO_FREE_SLOT, PROPOSALS_WAITING -> Exclusion.NO_FREE_SLOT;
            case STAGE_ORDER -> Exclusion.STAGE_ORDER;
        };
    }

    /** Why the pair may not be proposed, in words for a round's report, or empty when it may. */
    public static Optional<String> exclusion(MenteeRequest request, MentorCandidate mentor) {
        return check(request, mentor).map(Exclusion::description);
    }

    /**
     * The first rule the pair breaks, or empty when the mentor may be proposed to this request. Who may
     * be proposed to whom at all is {@link PairingEligibility}'s to say (the rules the command path
     * applies too); the mentee's own preferences come after.
     */
    public static Optional<Exclusion> check(MenteeRequest request, MentorCandidate mentor) {
        Optional<Exclusion> ineligible = PairingEligibility.refusal(pairFacts(request, mentor), mentor.facts())
                .map(HardFilters::exclusionFor);
        if (ineligible.isPresent()) {
            return ineligible;
        }
        if (request.remoteOnly() && !mentor.remote()) {
            return Optional.of(Exclusion.REMOTE_ONLY);
        }
        if (request.sharedExperience() == SharedExperience.REQUIRED && Scorer.sharedAreas(request, mentor).isEmpty()) {
            return Optional.of(Exclusion.NO_SHARED_EXPERIENCE);
        }
        return Optional.empty();
    }
}
