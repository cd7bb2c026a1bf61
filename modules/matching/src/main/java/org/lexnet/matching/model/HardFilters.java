package org.lexnet.matching.model;

import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;

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

    /** Why the pair may not be proposed, in words for a round's report, or empty when it may. */
    public static Optional<String> exclusion(MenteeRequest request, MentorCandidate mentor) {
        return check(request, mentor).map(Exclusion::description);
    }

    /** The first rule the pair breaks, or empty when the mentor may be proposed to this request. */
    public static Optional<Exclusion> check(MenteeRequest request, MentorCandidate mentor) {
        if (request.menteeId().equals(mentor.mentorId())) {
            return Optional.of(Exclusion.SELF);
        }
        if (request.excludedMentorIds().contains(mentor.mentorId())) {
            return Optional.of(Exclusion.EXCLUDED_PAIR);
        }
        if (!mentor.acceptingMentees()) {
            return Optional.of(Exclusion.NOT_ACCEPTING);
        }
        if (mentor.freeSlots() <= 0) {
            return Optional.of(Exclusion.NO_FREE_SLOT);
        }
        if (mentor.stageRank() <= request.stageRank()) {
            return Optional.of(Exclusion.STAGE_ORDER);
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
