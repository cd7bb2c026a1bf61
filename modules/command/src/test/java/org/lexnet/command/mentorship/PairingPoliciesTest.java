package org.lexnet.command.mentorship;

import org.lexnet.command.testsupport.InMemoryTaxonomyCatalog;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lexnet.command.member.MemberStanding;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pairing rules on their own: who may be proposed to whom ({@link PairingPolicies#proposalRejection},
 * including pairs kept apart by a block) and who may open a request
 * ({@link PairingPolicies#requestRejection}). Each rule is broken alone, on a pair that is otherwise
 * fine, so that the reason returned is the rule's own.
 */
class PairingPoliciesTest {

    private static final TaxonomyCatalog TAXONOMY = InMemoryTaxonomyCatalog.sample();

    private final MemberId menteeId = MemberId.random();
    private final MemberId mentorId = MemberId.random();

    // ---------------------------------------------------------------- proposals

    @Nested
    class Proposing {

        @Test
        void aFreeOpenMentorAtALaterStageCanBeProposed() {
            assertThat(matched(mentee("EMERGING"), mentor("EXPERIENCED"))).isEmpty();
        }

        @Test
        void aMemberCannotMentorThemselves() {
            MemberStanding self = new MemberStanding(menteeId, "SENIOR", false, offer(3, true), 0);
            assertThat(PairingPolicies.proposalRejection(self, self, true, false, TAXONOMY))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("cannot mentor themselves"));
        }

        @Test
        void aMemberWithoutAnOfferIsNotProposed() {
            MemberStanding noOffer = new MemberStanding(mentorId, "SENIOR", false, null, 0);
            assertThat(matched(mentee("EMERGING"), noOffer))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not offering mentoring"));
        }

        @Test
        void aClosedOfferTakesNoNewMentees() {
            MemberStanding closed = new MemberStanding(mentorId, "SENIOR", false, offer(3, false), 0);
            assertThat(matched(mentee("EMERGING"), closed))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not offering mentoring"));
        }

        @Test
        void aPausedMentorIsNotProposed() {
            MemberStanding paused = new MemberStanding(mentorId, "SENIOR", true, offer(3, true), 0);
            assertThat(matched(mentee("EMERGING"), paused))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("mentor has paused"));
        }

        @Test
        void aPausedMenteeIsProposedNoMentor() {
            MemberStanding paused = new MemberStanding(menteeId, "EMERGING", true, null, 0);
            assertThat(matched(paused, mentor("SENIOR")))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("mentee has paused"));
        }

        @Test
        void aMentorWhoDeclinedThisMenteeBeforeIsNotProposedAgain() {
            assertThat(PairingPolicies.proposalRejection(mentee("EMERGING"), mentor("SENIOR"), false, true, TAXONOMY))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("declined this mentee before"));
        }

        @Test
        void aMentorWhoseSlotsAreAllHeldIsNotProposed() {
            MemberStanding full = new MemberStanding(mentorId, "SENIOR", false, offer(2, true), 2);
            assertThat(matched(mentee("EMERGING"), full))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no free mentoring slot"));
        }

        @Test
        void aMentorHoldingMoreSlotsThanTheirReducedCapacityIsNotProposed() {
            MemberStanding overbooked = new MemberStanding(mentorId, "SENIOR", false, offer(1, true), 3);
            assertThat(matched(mentee("EMERGING"), overbooked))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no free mentoring slot"));
        }

        @Test
        void aMentorWithTheirLastSlotFreeCanBeProposed() {
            MemberStanding oneLeft = new MemberStanding(mentorId, "SENIOR", false, offer(3, true), 2);
            assertThat(matched(mentee("EMERGING"), oneLeft)).isEmpty();
        }

        @ParameterizedTest(name = "a {1} mentor for an {0} mentee")
        @CsvSource({
                "ASPIRING, EMERGING",
                "ASPIRING, SENIOR",
                "EMERGING, EXPERIENCED",
                "EXPERIENCED, SENIOR"})
        void aMentorAtALaterStageIsProposed(String menteeStage, String mentorStage) {
            assertThat(matched(mentee(menteeStage), mentor(mentorStage))).isEmpty();
        }

        @ParameterizedTest(name = "a {1} mentor for a {0} mentee")
        @CsvSource({
                "EMERGING, EMERGING",
                "SENIOR, SENIOR",
                "EXPERIENCED, EMERGING",
                "SENIOR, ASPIRING"})
        void aMentorMustBeAtALaterStageThanTheMentee(String menteeStage, String mentorStage) {
            assertThat(matched(mentee(menteeStage), mentor(mentorStage)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("later leadership stage"));
        }

        @Test
        void aMentorWhoGaveNoStageIsNotProposedByTheMatcher() {
            assertThat(matched(mentee("ASPIRING"), mentor(null)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("later leadership stage"));
        }

        @Test
        void aStageCodeTheTaxonomyDoesNotKnowNeverCountsAsLater() {
            assertThat(matched(mentee("ASPIRING"), mentor("GRANDMASTER")))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("later leadership stage"));
        }

        @Test
        void aDirectChoiceWaivesTheStageOrder() {
            assertThat(direct(mentee("SENIOR"), mentor("ASPIRING"))).isEmpty();
            assertThat(direct(mentee("EXPERIENCED"), mentor("EXPERIENCED"))).isEmpty();
            assertThat(direct(mentee("EMERGING"), mentor(null))).isEmpty();
        }

        @Test
        void aDirectChoiceWaivesNothingElse() {
            assertThat(direct(mentee("EMERGING"), new MemberStanding(mentorId, "SENIOR", false, null, 0)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not offering mentoring"));
            assertThat(direct(mentee("EMERGING"), new MemberStanding(mentorId, "SENIOR", false, offer(3, false), 0)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("not offering mentoring"));
            assertThat(direct(mentee("EMERGING"), new MemberStanding(mentorId, "SENIOR", true, offer(3, true), 0)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("mentor has paused"));
            assertThat(direct(new MemberStanding(menteeId, "EMERGING", true, null, 0), mentor("SENIOR")))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("mentee has paused"));
            assertThat(direct(mentee("EMERGING"), new MemberStanding(mentorId, "SENIOR", false, offer(1, true), 1)))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("no free mentoring slot"));
            assertThat(PairingPolicies.proposalRejection(mentee("EMERGING"), mentor("SENIOR"), true, true, TAXONOMY))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("declined this mentee before"));
        }

        @Test
        void aBlockedPairIsNeverProposedByTheMatcherOrAnAdmin() {
            assertThat(blocked(mentee("EMERGING"), mentor("SENIOR"), false))
                    .contains("these two members cannot be paired");
        }

        @Test
        void aMenteeNamingAMentorOfABlockedPairIsAnsweredAsForAMentorNotOffering() {
            MemberStanding noOffer = new MemberStanding(mentorId, "SENIOR", false, null, 0);
            assertThat(blocked(mentee("EMERGING"), mentor("SENIOR"), true))
                    .isEqualTo(direct(mentee("EMERGING"), noOffer))
                    .contains(PairingPolicies.NOT_OFFERING);
        }

        @Test
        void noReasonGivenForABlockMentionsIt() {
            for (boolean direct : new boolean[] {true, false}) {
                assertThat(blocked(mentee("EMERGING"), mentor("SENIOR"), direct))
                        .hasValueSatisfying(reason -> assertThat(reason).doesNotContainIgnoringCase("block"));
            }
        }

        @Test
        void aBlockComesBeforeEveryRuleButNamingOneself() {
            MemberStanding pausedFullClosed = new MemberStanding(mentorId, "ASPIRING", true, offer(1, false), 1);
            MemberStanding pausedMentee = new MemberStanding(menteeId, "SENIOR", true, null, 0);
            assertThat(PairingPolicies.proposalRejection(pausedMentee, pausedFullClosed, false, true, 5, true, TAXONOMY))
                    .contains("these two members cannot be paired");
            MemberStanding self = new MemberStanding(menteeId, "SENIOR", false, offer(3, true), 0);
            assertThat(PairingPolicies.proposalRejection(self, self, true, false, 0, true, TAXONOMY))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("cannot mentor themselves"));
        }

        @Test
        void withoutABlockThePairIsJudgedByTheOtherRules() {
            assertThat(PairingPolicies.proposalRejection(mentee("EMERGING"), mentor("SENIOR"), false, false, 0, false,
                    TAXONOMY)).isEmpty();
            assertThat(PairingPolicies.proposalRejection(mentee("EMERGING"), mentor("SENIOR"), false, true, 0, false,
                    TAXONOMY)).hasValueSatisfying(reason -> assertThat(reason).contains("declined this mentee before"));
        }

        @Test
        void aMemberNamingThemselvesIsRejectedBeforeAnyOtherRule() {
            MemberStanding pausedWithoutOffer = new MemberStanding(menteeId, null, true, null, 0);
            assertThat(PairingPolicies.proposalRejection(pausedWithoutOffer, pausedWithoutOffer, true, true, TAXONOMY))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("cannot mentor themselves"));
        }
    }

    // ---------------------------------------------------------------- requests

    @Nested
    class Requesting {

        @ParameterizedTest(name = "with {0} open requests")
        @ValueSource(ints = {0, 1, 2})
        void aMemberWithAStageMayAskWhileFewerThanThreeRequestsAreOpen(int openRequests) {
            assertThat(PairingPolicies.requestRejection(mentee("EMERGING"), openRequests)).isEmpty();
        }

        @ParameterizedTest(name = "with {0} open requests")
        @ValueSource(ints = {3, 4})
        void threeOpenRequestsAreTheMost(int openRequests) {
            assertThat(PairingPolicies.MAX_OPEN_REQUESTS).isEqualTo(3);
            assertThat(PairingPolicies.requestRejection(mentee("EMERGING"), openRequests))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("already have 3 open requests"));
        }

        @Test
        void aPausedMemberCannotAsk() {
            MemberStanding paused = new MemberStanding(menteeId, "EMERGING", true, null, 0);
            assertThat(PairingPolicies.requestRejection(paused, 0))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("paused your participation"));
        }

        @Test
        void aMemberWhoGaveNoStageCannotAsk() {
            assertThat(PairingPolicies.requestRejection(mentee(null), 0))
                    .hasValueSatisfying(reason -> assertThat(reason).contains("leadership stage"));
        }

        @Test
        void aMenteeNeedsNoOfferOfTheirOwn() {
            MemberStanding alsoMentoring = new MemberStanding(menteeId, "EXPERIENCED", false, offer(1, true), 1);
            assertThat(PairingPolicies.requestRejection(alsoMentoring, 0)).isEmpty();
        }
    }

    // ---------------------------------------------------------------- helpers

    private Optional<String> matched(MemberStanding mentee, MemberStanding mentor) {
        return PairingPolicies.proposalRejection(mentee, mentor, false, false, TAXONOMY);
    }

    private Optional<String> direct(MemberStanding mentee, MemberStanding mentor) {
        return PairingPolicies.proposalRejection(mentee, mentor, true, false, TAXONOMY);
    }

    private Optional<String> blocked(MemberStanding mentee, MemberStanding mentor, boolean direct) {
        return PairingPolicies.proposalRejection(mentee, mentor, direct, false, 0, true, TAXONOMY);
    }

    private MemberStanding mentee(String stage) {
        return new MemberStanding(menteeId, stage, false, null, 0);
    }

    /** Open offer of three slots, none held. */
    private MemberStanding mentor(String stage) {
        return new MemberStanding(mentorId, stage, false, offer(3, true), 0);
    }

    private static MentorOffer offer(int capacity, boolean open) {
        return new MentorOffer(capacity, List.of("ASPIRING", "EMERGING"), List.of("MENTAL_HEALTH"),
                               List.of("STRATEGIC_THINKING"), open);
    }
}
