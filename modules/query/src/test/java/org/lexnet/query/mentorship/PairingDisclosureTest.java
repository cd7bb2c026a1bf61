package org.lexnet.query.mentorship;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.web.Viewer;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;

class PairingDisclosureTest {

    private static final MemberId MENTEE = MemberId.random();
    private static final MemberId MENTOR = MemberId.random();

    private static Viewer member(MemberId id) {
        return new Viewer(id, false);
    }

    @Test
    void thePairingExistsForItsMenteeItsMentorAndAdminsOnly() {
        assertThat(PairingDisclosure.mayView(member(MENTEE), MENTEE, MENTOR)).isTrue();
        assertThat(PairingDisclosure.mayView(member(MENTOR), MENTEE, MENTOR)).isTrue();
        assertThat(PairingDisclosure.mayView(new Viewer(MemberId.random(), true), MENTEE, MENTOR)).isTrue();
        assertThat(PairingDisclosure.mayView(member(MemberId.random()), MENTEE, MENTOR)).isFalse();
    }

    @Test
    void aWaitingRequestExistsOnlyForItsMenteeAndAdmins() {
        assertThat(PairingDisclosure.mayView(member(MENTEE), MENTEE, null)).isTrue();
        assertThat(PairingDisclosure.mayView(member(MENTOR), MENTEE, null)).isFalse();
        assertThat(PairingDisclosure.roleOf(member(MENTOR), MENTEE, null)).isEmpty();
    }

    @Test
    void eachParticipantKnowsTheirSide() {
        assertThat(PairingDisclosure.roleOf(member(MENTEE), MENTEE, MENTOR)).contains(ParticipantRole.MENTEE);
        assertThat(PairingDisclosure.roleOf(member(MENTOR), MENTEE, MENTOR)).contains(ParticipantRole.MENTOR);
        assertThat(PairingDisclosure.roleOf(new Viewer(MemberId.random(), true), MENTEE, MENTOR)).isEmpty();
    }

    @Test
    void aHiddenMemberIsNamedOnlyToThoseTheyWerePairedWith() {
        for (MentorshipStatus status : EnumSet.of(MentorshipStatus.ACTIVE, MentorshipStatus.PAUSED,
                MentorshipStatus.COMPLETED, MentorshipStatus.ENDED)) {
            assertThat(PairingDisclosure.identifies(member(MENTOR), status, false)).as(status.name()).isTrue();
        }
        for (MentorshipStatus status : EnumSet.of(MentorshipStatus.REQUESTED, MentorshipStatus.PROPOSED,
                MentorshipStatus.WITHDRAWN)) {
            assertThat(PairingDisclosure.identifies(member(MENTOR), status, false)).as(status.name()).isFalse();
        }
    }

    @Test
    void aVisibleMemberIsNamedAlreadyInAProposalAndAdminsSeeEveryName() {
        assertThat(PairingDisclosure.identifies(member(MENTOR), MentorshipStatus.PROPOSED, true)).isTrue();
        assertThat(PairingDisclosure.identifies(new Viewer(MemberId.random(), true), MentorshipStatus.PROPOSED, false))
                .isTrue();
    }

    @Test
    void livedExperienceIsSharedOnlyWhileThePairingRuns() {
        for (MentorshipStatus status : MentorshipStatus.values()) {
            boolean running = status == MentorshipStatus.ACTIVE || status == MentorshipStatus.PAUSED;
            assertThat(PairingDisclosure.sharesLivedExperience(status)).as(status.name()).isEqualTo(running);
        }
    }

    @Test
    void declineReasonsAreForAdminsOnly() {
        assertThat(PairingDisclosure.showsDeclines(member(MENTEE))).isFalse();
        assertThat(PairingDisclosure.showsDeclines(member(MENTOR))).isFalse();
        assertThat(PairingDisclosure.showsDeclines(new Viewer(MemberId.random(), true))).isTrue();
    }

    @Test
    void anExportHoldsOnlyThePersonalWritingItsMemberWrote() {
        assertThat(PairingDisclosure.exportsWriting(member(MENTEE), MENTEE)).isTrue();
        assertThat(PairingDisclosure.exportsWriting(member(MENTEE), MENTOR)).as("the mentor's feedback").isFalse();
        assertThat(PairingDisclosure.exportsWriting(new Viewer(MENTEE, true), MENTOR))
                .as("being an admin adds nothing to one's own export").isFalse();
    }

    @Test
    void aProposalIsKnownToTheMenteeAndToTheMentorItNamed() {
        MemberId otherMentor = MemberId.random();
        assertThat(PairingDisclosure.showsProposal(member(MENTEE), MENTEE, otherMentor)).isTrue();
        assertThat(PairingDisclosure.showsProposal(member(MENTOR), MENTEE, MENTOR)).isTrue();
        assertThat(PairingDisclosure.showsProposal(member(MENTOR), MENTEE, otherMentor))
                .as("another mentor proposed for the same request").isFalse();
    }

    @Test
    void aHiddenMemberInAProposalIsIdentifiedOnlyOnceItWasAccepted() {
        assertThat(PairingDisclosure.identifiesInProposal(member(MENTEE), true, false)).isTrue();
        assertThat(PairingDisclosure.identifiesInProposal(member(MENTEE), false, false)).isFalse();
        assertThat(PairingDisclosure.identifiesInProposal(member(MENTEE), false, true)).isTrue();
    }
}
