package org.lexnet.matching.model;

import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;

/**
 * The points each criterion gives, as configuration ({@code lexnet.matching.weights.<kebab-case name>}).
 * Every weight is a whole number from 0 to {@value #MAX_WEIGHT}: integers keep scores exact for the
 * solver, and the cap keeps any total far from overflowing an {@code int}.
 *
 * @param sharedArea            per area of lived experience both sides let the matcher use
 * @param sharedExperienceBonus once, when at least one area is shared and the mentee asked for shared
 *                              experience (PREFERRED or REQUIRED)
 * @param needCovered           per mentee need the mentor lists among their strengths
 * @param stageGapClose         mentor one or two stages ahead
 * @param stageGapWide          mentor three or more stages ahead
 * @param sameRegion            both in the same region
 * @param bothRemote            both happy to meet online
 * @param sameSector            the two share a sector (when the mentee did not ask for another sector)
 * @param differentSector       the two share no sector, as the mentee asked ({@code crossSector})
 * @param mentoredStage         the mentor named the mentee's stage among those they mentor
 * @param mentoredStageAny      the mentor named no stages (open to any)
 * @param answersWithinADay     the mentor usually answers a proposal within a day (median), and lets few expire
 * @param answersWithinDays     within three days
 */
public record ScoringWeights(int sharedArea,
                             int sharedExperienceBonus,
                             int needCovered,
                             int stageGapClose,
                             int stageGapWide,
                             int sameRegion,
                             int bothRemote,
                             int sameSector,
                             int differentSector,
                             int mentoredStage,
                             int mentoredStageAny,
                             int answersWithinADay,
                             int answersWithinDays) {

    public static final int MAX_WEIGHT = 10_000;

    /** Within how many days a median answer still earns {@link #answersWithinDays}. */
    static final int QUICK_ENOUGH_DAYS = 3;

    /** The weights of the criteria before responsiveness counted, which then gives nothing. */
    public ScoringWeights(int sharedArea, int sharedExperienceBonus, int needCovered, int stageGapClose,
                          int stageGapWide, int sameRegion, int bothRemote, int sameSector, int differentSector,
                          int mentoredStage, int mentoredStageAny) {
        this(sharedArea, sharedExperienceBonus, needCovered, stageGapClose, stageGapWide, sameRegion, bothRemote,
                sameSector, differentSector, mentoredStage, mentoredStageAny, 0, 0);
    }

    public ScoringWeights {
        requireWeight("sharedArea", sharedArea);
        requireWeight("sharedExperienceBonus", sharedExperienceBonus);
        requireWeight("needCovered", needCovered);
        requireWeight("stageGapClose", stageGapClose);
        requireWeight("stageGapWide", stageGapWide);
        requireWeight("sameRegion", sameRegion);
        requireWeight("bothRemote", bothRemote);
        requireWeight("sameSector", sameSector);
        requireWeight("differentSector", differentSector);
        requireWeight("mentoredStage", mentoredStage);
        requireWeight("mentoredStageAny", mentoredStageAny);
        requireWeight("answersWithinADay", answersWithinADay);
        requireWeight("answersWithinDays", answersWithinDays);
    }

    /**
     * Lived experience and needs lead (they are why people ask for a mentor); stage, place and sector
     * refine. A stated stage preference counts double an open one, so "I mentor your stage" ranks above
     * "any stage", and both above a mentor who named other stages. Responsiveness refines like place
     * does: a mentor who answers within a day gains about what a shared region gives, never what a shared
     * area or a covered need gives.
     */
    public static ScoringWeights defaults() {
        return new ScoringWeights(20, 10, 15, 10, 4, 8, 5, 5, 10, 6, 3, 6, 3);
    }

    private static void requireWeight(String name, int value) {
        if (value < 0 || value > MAX_WEIGHT) {
            throw new IllegalArgumentException(
                    "weight " + name + " must be between 0 and " + MAX_WEIGHT + ", was " + value);
        }
    }

    // The point formulas live here so that Scorer and CandidateIndex (which scores from bit sets) can
    // never disagree on what a fact is worth.

    int sharedExperiencePoints(int sharedAreas, SharedExperience preference) {
        if (preference == SharedExperience.NONE || sharedAreas == 0) {
            return 0;
        }
        return sharedAreas * sharedArea + sharedExperienceBonus;
    }

    int needsPoints(int needsCovered) {
        return needsCovered * needCovered;
    }

    /** Only called for a mentor ahead of the mentee (gap ≥ 1); the stage order is a hard filter. */
    int stageGapPoints(int gap) {
        return gap <= 2 ? stageGapClose : stageGapWide;
    }

    int locationPoints(boolean inSameRegion, boolean bothMeetOnline) {
        return (inSameRegion ? sameRegion : 0) + (bothMeetOnline ? bothRemote : 0);
    }

    /**
     * @param bothNamedSectors a different sector can only be claimed when both sides said where they
     *                         work; an empty side tells us nothing
     */
    int sectorPoints(boolean crossSectorAsked, boolean bothNamedSectors, boolean overlap) {
        if (crossSectorAsked) {
            return bothNamedSectors && !overlap ? differentSector : 0;
        }
        return overlap ? sameSector : 0;
    }

    /** Nothing without enough history, or for a mentor who lets more than a third of their proposals expire. */
    int responsivenessPoints(Responsiveness responsiveness) {
        if (!responsiveness.known() || responsiveness.oftenLetsExpire()) {
            return 0;
        }
        int days = responsiveness.withinDays();
        return days <= 1 ? answersWithinADay : days <= QUICK_ENOUGH_DAYS ? answersWithinDays : 0;
    }

    int mentoredStagePoints(boolean mentorNamedNoStages, boolean mentorNamedMenteeStage) {
        if (mentorNamedNoStages) {
            return mentoredStageAny;
        }
        return mentorNamedMenteeStage ? mentoredStage : 0;
    }
}
