package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.matching.model.HardFilters.Exclusion;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.coreapi.member.Visibility.MATCHING;
import static org.lexnet.coreapi.member.Visibility.NETWORK;
import static org.lexnet.coreapi.member.Visibility.PRIVATE;
import static org.lexnet.matching.model.ScoringFixtures.mentee;
import static org.lexnet.matching.model.ScoringFixtures.mentor;

/** Each rule alone rules the pair out, and the index never proposes what a rule excludes. */
class HardFiltersTest {

    private static final Scorer SCORER = new Scorer(ScoringWeights.defaults());

    private static void assertExcluded(MenteeRequest request, MentorCandidate mentor, Exclusion expected) {
        assertThat(HardFilters.check(request, mentor)).contains(expected);
        assertThat(HardFilters.exclusion(request, mentor)).contains(expected.description());
        assertThat(SCORER.score(request, mentor)).isEmpty();
        assertThat(new CandidateIndex(List.of(mentor), SCORER).topK(request, 5)).isEmpty();
    }

    @Test
    void theNeutralPairPasses() {
        assertThat(HardFilters.check(mentee().build(), mentor().build())).isEmpty();
        assertThat(HardFilters.exclusion(mentee().build(), mentor().build())).isEmpty();
    }

    @Test
    void nobodyIsTheirOwnCandidate() {
        assertExcluded(mentee().id("member-7").build(), mentor().id("member-7").build(), Exclusion.SELF);
    }

    @Test
    void aDeclinedOrBlockedMentorIsNeverACandidate() {
        assertExcluded(mentee().excluding("mentor-1").build(), mentor().id("mentor-1").build(),
                Exclusion.EXCLUDED_PAIR);
    }

    @Test
    void aPausedMentorOrAClosedOfferIsNeverACandidate() {
        assertExcluded(mentee().build(), mentor().paused().build(), Exclusion.NOT_ACCEPTING);
    }

    @Test
    void aMentorWithNoFreeSlotIsNeverACandidate() {
        assertExcluded(mentee().build(), mentor().freeSlots(0).build(), Exclusion.NO_FREE_SLOT);
        assertExcluded(mentee().build(), mentor().freeSlots(-1).build(), Exclusion.NO_FREE_SLOT);
    }

    @Test
    void aMentorAtTheSameStageIsNeverACandidate() {
        assertExcluded(mentee().stage(2).build(), mentor().stage(2).build(), Exclusion.STAGE_ORDER);
    }

    @Test
    void aMentorAtAnEarlierStageIsNeverACandidate() {
        assertExcluded(mentee().stage(3).build(), mentor().stage(2).build(), Exclusion.STAGE_ORDER);
    }

    @Test
    void anOnlineOnlyMenteeGetsOnlyMentorsWhoMeetOnline() {
        assertExcluded(mentee().remoteOnly().build(), mentor().build(), Exclusion.REMOTE_ONLY);
        assertThat(HardFilters.check(mentee().remoteOnly().build(), mentor().remote().build())).isEmpty();
    }

    @Test
    void requiredSharedExperienceExcludesMentorsWithNoSharedArea() {
        assertExcluded(mentee().sharedExperience(SharedExperience.REQUIRED).area("POVERTY", NETWORK).build(),
                mentor().area("CARE_SYSTEM", NETWORK).build(), Exclusion.NO_SHARED_EXPERIENCE);
        assertThat(HardFilters.check(
                mentee().sharedExperience(SharedExperience.REQUIRED).area("POVERTY", MATCHING).build(),
                mentor().area("POVERTY", MATCHING).build())).isEmpty();
    }

    @Test
    void anAreaKeptPrivateDoesNotSatisfyRequiredSharedExperience() {
        assertExcluded(mentee().sharedExperience(SharedExperience.REQUIRED).area("POVERTY", NETWORK).build(),
                mentor().area("POVERTY", PRIVATE).build(), Exclusion.NO_SHARED_EXPERIENCE);
    }

    @Test
    void everyExclusionSaysWhyInWords() {
        for (Exclusion exclusion : Exclusion.values()) {
            assertThat(exclusion.description()).isNotBlank();
        }
    }
}
