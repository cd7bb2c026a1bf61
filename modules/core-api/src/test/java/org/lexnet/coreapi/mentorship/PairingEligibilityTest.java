package org.lexnet.coreapi.mentorship;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.mentorship.PairingEligibility.MentorFacts;
import org.lexnet.coreapi.mentorship.PairingEligibility.PairFacts;
import org.lexnet.coreapi.mentorship.PairingEligibility.Refusal;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules one at a time, on a pair that is otherwise allowed; the first rule broken is the one given. */
class PairingEligibilityTest {

    private static final MentorFacts OPEN = new MentorFacts(true, false, 2, 0);
    private static final PairFacts ALLOWED = new PairFacts(false, false, false, false, 2, 4, false);

    @Test
    void aLaterStageMentorWithAFreeSlotMayBeProposed() {
        assertThat(PairingEligibility.refusal(ALLOWED, OPEN)).isEmpty();
    }

    @Test
    void eachRuleRefusesOnItsOwn() {
        assertThat(PairingEligibility.refusal(new PairFacts(true, false, false, false, 2, 4, false), OPEN))
                .contains(Refusal.SELF);
        assertThat(PairingEligibility.refusal(new PairFacts(false, true, false, false, 2, 4, false), OPEN))
                .contains(Refusal.BLOCKED);
        assertThat(PairingEligibility.refusal(ALLOWED, new MentorFacts(false, false, 2, 0)))
                .contains(Refusal.NOT_OFFERING);
        assertThat(PairingEligibility.refusal(ALLOWED, new MentorFacts(true, true, 2, 0)))
                .contains(Refusal.MENTOR_PAUSED);
        assertThat(PairingEligibility.refusal(new PairFacts(false, false, false, true, 2, 4, false), OPEN))
                .contains(Refusal.MENTEE_PAUSED);
        assertThat(PairingEligibility.refusal(new PairFacts(false, false, true, false, 2, 4, false), OPEN))
                .contains(Refusal.DECLINED_BEFORE);
        assertThat(PairingEligibility.refusal(ALLOWED, new MentorFacts(true, false, 0, 0)))
                .contains(Refusal.NO_FREE_SLOT);
        assertThat(PairingEligibility.refusal(ALLOWED, new MentorFacts(true, false, 2, 2)))
                .contains(Refusal.PROPOSALS_WAITING);
        assertThat(PairingEligibility.refusal(new PairFacts(false, false, false, false, 4, 4, false), OPEN))
                .contains(Refusal.STAGE_ORDER);
    }

    @Test
    void aMenteeNamingTheirMentorWaivesTheStageOrderAndTheProposalsWaitingButNotCapacity() {
        PairFacts named = new PairFacts(false, false, false, false, 4, 2, true);
        assertThat(PairingEligibility.refusal(named, new MentorFacts(true, false, 2, 5))).isEmpty();
        assertThat(PairingEligibility.refusal(named, new MentorFacts(true, false, 0, 0)))
                .contains(Refusal.NO_FREE_SLOT);
    }

    @Test
    void aMenteeWhoHasNotSaidTheirStageHasNoLaterMentor() {
        assertThat(PairingEligibility.refusal(new PairFacts(false, false, false, false, 0, 4, false), OPEN))
                .contains(Refusal.STAGE_ORDER);
        assertThat(PairingEligibility.mayBeMentored(0)).isFalse();
    }

    @Test
    void proposersFillOnlySlotsNotAlreadyProposed() {
        assertThat(PairingEligibility.slotsToPropose(new MentorFacts(true, false, 3, 1))).isEqualTo(2);
        assertThat(PairingEligibility.slotsToPropose(new MentorFacts(true, false, 1, 4))).isZero();
    }
}
