package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.matching.model.CriterionFacts.SharedArea;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.coreapi.member.Visibility.MATCHING;
import static org.lexnet.coreapi.member.Visibility.MENTORS;
import static org.lexnet.coreapi.member.Visibility.NETWORK;
import static org.lexnet.coreapi.member.Visibility.PRIVATE;
import static org.lexnet.matching.model.ScoringFixtures.mentee;
import static org.lexnet.matching.model.ScoringFixtures.mentor;
import static org.lexnet.matching.model.ScoringFixtures.randomMentors;
import static org.lexnet.matching.model.ScoringFixtures.randomRequests;
import static org.lexnet.matching.model.ScoringFixtures.randomWeights;

/** Each criterion on its own: the neutral pair of the fixtures differs only where a test says so. */
class ScorerTest {

    private static final ScoringWeights W = ScoringWeights.defaults();
    private static final Scorer SCORER = new Scorer(W);

    private static Score score(ScoringFixtures.MenteeBuilder mentee, ScoringFixtures.MentorBuilder mentor) {
        return SCORER.score(mentee.build(), mentor.build()).orElseThrow();
    }

    @Test
    void aNeutralPairScoresTheBaseAndTheStageGapOnly() {
        Score score = score(mentee(), mentor());

        assertThat(score.total()).isEqualTo(Score.BASE + W.stageGapClose());
        assertThat(score.parts()).extracting(CriterionScore::criterion).containsExactly(Criterion.STAGE_GAP);
    }

    @Test
    void everyAreaBothSidesLetTheMatcherUseEarnsPointsAndTheBonusOnce() {
        Score score = score(
                mentee().area("CARE_SYSTEM", MATCHING).area("POVERTY", NETWORK).area("WAR_AND_TRAUMA", MENTORS),
                mentor().area("CARE_SYSTEM", NETWORK).area("POVERTY", MENTORS).area("LGBTQ_RIGHTS", NETWORK));

        assertThat(score.points(Criterion.SHARED_EXPERIENCE)).isEqualTo(2 * W.sharedArea() + W.sharedExperienceBonus());
        assertThat(score.parts().get(0).facts()).isEqualTo(new CriterionFacts.SharedAreas(List.of(
                new SharedArea("CARE_SYSTEM", MATCHING, NETWORK), new SharedArea("POVERTY", NETWORK, MENTORS))));
    }

    @Test
    void anAreaOnlyOneSideConsentedToIsNotShared() {
        Score menteeKeepsItPrivate = score(mentee().area("CARE_SYSTEM", PRIVATE),
                mentor().area("CARE_SYSTEM", NETWORK));
        Score mentorKeepsItPrivate = score(mentee().area("CARE_SYSTEM", NETWORK),
                mentor().area("CARE_SYSTEM", PRIVATE));

        assertThat(menteeKeepsItPrivate.points(Criterion.SHARED_EXPERIENCE)).isZero();
        assertThat(mentorKeepsItPrivate.points(Criterion.SHARED_EXPERIENCE)).isZero();
    }

    @Test
    void requiredSharedExperienceEarnsTheSamePointsAsPreferred() {
        ScoringFixtures.MentorBuilder mentor = mentor().area("POVERTY", MATCHING);

        assertThat(score(mentee().area("POVERTY", MATCHING).sharedExperience(SharedExperience.REQUIRED), mentor)
                .points(Criterion.SHARED_EXPERIENCE)).isEqualTo(W.sharedArea() + W.sharedExperienceBonus());
    }

    @Test
    void sharedExperienceEarnsNothingWhenTheMenteeHasNoPreferenceForIt() {
        Score score = score(mentee().area("POVERTY", NETWORK).sharedExperience(SharedExperience.NONE),
                mentor().area("POVERTY", NETWORK));

        assertThat(score.points(Criterion.SHARED_EXPERIENCE)).isZero();
    }

    @Test
    void everyNeedAmongTheMentorsStrengthsEarnsPoints() {
        Score score = score(mentee().needs("STRATEGIC_THINKING", "FUNDRAISING_AND_FINANCE", "CONFIDENCE"),
                mentor().strengths("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING", "NEGOTIATION"));

        assertThat(score.points(Criterion.NEEDS_COVERED)).isEqualTo(2 * W.needCovered());
        assertThat(score.parts()).filteredOn(p -> p.criterion() == Criterion.NEEDS_COVERED)
                .extracting(CriterionScore::facts)
                .containsExactly(
                        new CriterionFacts.NeedsCovered(List.of("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING")));
    }

    @Test
    void aMentorOneOrTwoStagesAheadEarnsTheMostStagePoints() {
        assertThat(score(mentee().stage(1), mentor().stage(2)).points(Criterion.STAGE_GAP))
                .isEqualTo(W.stageGapClose());
        assertThat(score(mentee().stage(1), mentor().stage(3)).points(Criterion.STAGE_GAP))
                .isEqualTo(W.stageGapClose());
        assertThat(score(mentee().stage(1), mentor().stage(4)).points(Criterion.STAGE_GAP))
                .isEqualTo(W.stageGapWide());
        assertThat(W.stageGapWide()).isLessThan(W.stageGapClose());
    }

    @Test
    void theSameRegionAndMeetingOnlineEachEarnLocationPoints() {
        assertThat(score(mentee().region("WALES"), mentor().region("WALES")).points(Criterion.LOCATION))
                .isEqualTo(W.sameRegion());
        assertThat(score(mentee().remote(), mentor().remote()).points(Criterion.LOCATION)).isEqualTo(W.bothRemote());
        assertThat(score(mentee().region("WALES").remote(), mentor().region("WALES").remote())
                .points(Criterion.LOCATION)).isEqualTo(W.sameRegion() + W.bothRemote());
        assertThat(score(mentee().remote(), mentor()).points(Criterion.LOCATION)).isZero();
    }

    @Test
    void aMenteeWithNoRegionSharesNoRegion() {
        assertThat(score(mentee().region(null), mentor().region(null)).points(Criterion.LOCATION)).isZero();
    }

    @Test
    void aSharedSectorEarnsPoints() {
        assertThat(score(mentee().sectors("CHARITY", "GRASSROOTS"), mentor().sectors("GRASSROOTS"))
                .points(Criterion.SECTOR)).isEqualTo(W.sameSector());
    }

    @Test
    void crossSectorRewardsADifferentSector() {
        Score different = score(mentee().sectors("CHARITY").crossSector(), mentor().sectors("PRIVATE_SECTOR"));
        Score same = score(mentee().sectors("CHARITY").crossSector(), mentor().sectors("CHARITY", "PHILANTHROPY"));

        assertThat(different.points(Criterion.SECTOR)).isEqualTo(W.differentSector());
        assertThat(different.parts()).extracting(CriterionScore::facts).contains(new CriterionFacts.Sector(true));
        assertThat(same.points(Criterion.SECTOR)).isZero();
    }

    @Test
    void aDifferentSectorCannotBeClaimedWhenOneSideNamedNone() {
        assertThat(score(mentee().sectors().crossSector(), mentor().sectors("PRIVATE_SECTOR")).points(Criterion.SECTOR))
                .isZero();
        assertThat(score(mentee().sectors("CHARITY").crossSector(), mentor().sectors()).points(Criterion.SECTOR))
                .isZero();
    }

    @Test
    void aMentorWhoNamedTheMenteesStageEarnsMoreThanOneOpenToAnyStage() {
        Score named = score(mentee().stage(1), mentor().mentors(1, 2));
        Score any = score(mentee().stage(1), mentor().mentors());
        Score other = score(mentee().stage(1), mentor().mentors(2));

        assertThat(named.points(Criterion.MENTORED_STAGE)).isEqualTo(W.mentoredStage());
        assertThat(any.points(Criterion.MENTORED_STAGE)).isEqualTo(W.mentoredStageAny());
        assertThat(other.points(Criterion.MENTORED_STAGE)).isZero();
        assertThat(W.mentoredStage()).isGreaterThan(W.mentoredStageAny());
    }

    @Test
    void aPairARuleExcludesHasNoScore() {
        assertThat(SCORER.score(mentee().stage(3).build(), mentor().stage(3).build())).isEmpty();
    }

    @Test
    void theTotalIsTheBasePlusThePartsInCriterionOrderAndAtLeastOne() {
        SplittableRandom random = new SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            Scorer scorer = new Scorer(randomWeights(random));
            List<MentorCandidate> mentors = randomMentors(random, 30);
            for (MenteeRequest request : randomRequests(random, 10, mentors)) {
                for (MentorCandidate mentor : mentors) {
                    scorer.score(request, mentor).ifPresent(score -> {
                        assertThat(score.total()).isEqualTo(Score.BASE
                                + score.parts().stream().mapToInt(CriterionScore::points).sum());
                        assertThat(score.total()).isGreaterThanOrEqualTo(1);
                        assertThat(score.parts()).extracting(CriterionScore::criterion).isSorted()
                                .doesNotHaveDuplicates();
                        assertThat(score.parts()).allSatisfy(part -> assertThat(part.points()).isPositive());
                    });
                }
            }
        }
    }

    @Test
    void weightsOfZeroLeaveACriterionOutOfTheBreakdown() {
        Scorer scorer = new Scorer(new ScoringWeights(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));

        Score score = scorer.score(mentee().area("POVERTY", NETWORK).needs("CONFIDENCE").build(),
                mentor().area("POVERTY", NETWORK).strengths("CONFIDENCE").build()).orElseThrow();

        assertThat(score.total()).isEqualTo(Score.BASE);
        assertThat(score.parts()).isEmpty();
    }
}
