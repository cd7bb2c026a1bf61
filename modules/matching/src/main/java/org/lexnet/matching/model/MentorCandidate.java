package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.PairingEligibility;
import org.lexnet.coreapi.mentorship.PairingEligibility.MentorFacts;

import java.util.Map;
import java.util.Set;

/**
 * A mentor as the matcher sees them: stage rank, the areas they let the matcher use (MATCHING or
 * wider, with the level of each), strengths, location, sectors, the stage ranks they said they mentor
 * (empty = any), how many mentees they can still take, whether they take any now (an open offer
 * and not paused), and how they answer proposals.
 */
public record MentorCandidate(String mentorId,
                              int stageRank,
                              Map<String, Visibility> areas,
                              Set<String> strengths,
                              String region,
                              boolean remote,
                              Set<String> sectors,
                              Set<Integer> mentoredStageRanks,
                              int freeSlots,
                              boolean acceptingMentees,
                              Responsiveness responsiveness) {

    /** A mentor whose answering habits are not known (no history, or not looked at). */
    public MentorCandidate(String mentorId, int stageRank, Map<String, Visibility> areas, Set<String> strengths,
                           String region, boolean remote, Set<String> sectors, Set<Integer> mentoredStageRanks,
                           int freeSlots, boolean acceptingMentees) {
        this(mentorId, stageRank, areas, strengths, region, remote, sectors, mentoredStageRanks, freeSlots,
                acceptingMentees, Responsiveness.UNKNOWN);
    }

    public MentorCandidate {
        responsiveness = responsiveness == null ? Responsiveness.UNKNOWN : responsiveness;
        areas = Map.copyOf(areas);
        strengths = Set.copyOf(strengths);
        sectors = Set.copyOf(sectors);
        mentoredStageRanks = Set.copyOf(mentoredStageRanks);
    }

    /**
     * This mentor for {@link PairingEligibility}: {@code freeSlots} here are already net of proposals
     * waiting for an answer, and {@code acceptingMentees} already folds in a pause.
     */
    public MentorFacts facts() {
        return new MentorFacts(acceptingMentees, false, freeSlots, 0);
    }
}
