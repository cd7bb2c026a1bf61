package org.lexnet.query.mentorship;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.mentorship.MentorshipProjection.ProposalOutcome;
import org.lexnet.query.mentorship.MentorshipReader.GivenFeedback;
import org.lexnet.query.mentorship.MentorshipReader.Person;
import org.lexnet.query.mentorship.MentorshipReader.ProposalRecord;
import org.lexnet.query.mentorship.MentorshipReader.ProposalToMentor;
import org.lexnet.query.mentorship.MentorshipReader.Row;
import org.lexnet.query.mentorship.MentorshipViews.ExportedPairing;
import org.lexnet.query.mentorship.MentorshipViews.ExportedProposal;
import org.lexnet.query.mentorship.MentorshipViews.PairingsExport;
import org.lexnet.query.mentorship.MentorshipViews.ParticipantView;
import org.lexnet.query.mentorship.MentorshipViews.ProposalToYou;
import org.lexnet.query.mentorship.MentorshipViews.YourFeedback;
import org.lexnet.query.web.Viewer;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The pairings part of a member's export: rows from {@link MentorshipReader}, who ended a pairing from
 * {@link PairingEndings}, and what the member may keep of it decided by {@link PairingDisclosure}.
 */
@Component
public class PairingExport {

    private final MentorshipReader reader;
    private final PairingEndings endings;

    PairingExport(MentorshipReader reader, PairingEndings endings) {
        this.reader = reader;
        this.endings = endings;
    }

    public PairingsExport of(MemberId member) {
        // the member's own record: an admin's role widens nothing in it
        Viewer viewer = new Viewer(member, false);
        return new PairingsExport(
                reader.allPairingsOf(member).stream().map(row -> pairing(viewer, row)).toList(),
                reader.proposalsTo(member).stream().map(proposal -> proposalToYou(viewer, proposal)).toList());
    }

    private ExportedPairing pairing(Viewer viewer, Row row) {
        // the rows are the member's pairings, so the member is one of the two
        ParticipantRole role = PairingDisclosure.roleOf(viewer, row.mentee().memberId(), row.mentorId()).orElseThrow();
        Person other = role == ParticipantRole.MENTEE ? row.mentor() : row.mentee();
        ParticipantView otherView = other == null ? null
                : person(other, PairingDisclosure.identifies(viewer, row.status(), other.visibleInNetwork()));
        String endReason = row.status() != MentorshipStatus.ENDED ? null
                : endings.of(row.mentorshipId())
                        .filter(ending -> PairingDisclosure.exportsWriting(viewer, ending.endedBy()))
                        .map(PairingEndings.Ending::reason)
                        .orElse(null);
        YourFeedback feedback = reader.feedbackWithAuthors(row.mentorshipId()).stream()
                .filter(given -> PairingDisclosure.exportsWriting(viewer, given.givenBy()))
                .map(PairingExport::yourFeedback)
                .findFirst().orElse(null);
        List<ExportedProposal> proposals = reader.proposals(row.mentorshipId()).stream()
                .filter(p -> PairingDisclosure.showsProposal(viewer, row.mentee().memberId(), p.mentor().memberId()))
                .map(p -> proposal(viewer, p))
                .toList();
        return new ExportedPairing(row.mentorshipId().toString(), role, row.status(), otherView, row.needs(),
                row.preferences(), row.requestedAt(), row.activatedAt(), row.endedAt(), endReason,
                reader.goals(row.mentorshipId()), reader.sessions(row.mentorshipId()), feedback, proposals);
    }

    private static YourFeedback yourFeedback(GivenFeedback given) {
        return new YourFeedback(given.role(), given.rating(), given.comment(), given.givenAt());
    }

    private static ExportedProposal proposal(Viewer viewer, ProposalRecord p) {
        Person mentor = p.mentor();
        boolean identified = viewer.is(mentor.memberId()) || PairingDisclosure.identifiesInProposal(viewer,
                p.outcome() == ProposalOutcome.ACCEPTED, mentor.visibleInNetwork());
        return new ExportedProposal(p.proposalId(), person(mentor, identified), p.source(), p.score(),
                p.proposedAt(), p.outcome(), p.answeredAt());
    }

    private static ProposalToYou proposalToYou(Viewer viewer, ProposalToMentor p) {
        ParticipantView mentee = person(p.mentee(), PairingDisclosure.identifiesInProposal(viewer,
                p.outcome() == ProposalOutcome.ACCEPTED, p.mentee().visibleInNetwork()));
        String reason = p.declinedBy() != null && PairingDisclosure.exportsWriting(viewer, p.declinedBy())
                ? p.declineReason() : null;
        return new ProposalToYou(p.mentorshipId().toString(), p.proposalId(), mentee, p.source(), p.proposedAt(),
                p.outcome(), p.answeredAt(), reason);
    }

    private static ParticipantView person(Person person, boolean identified) {
        if (person.former()) {
            return new ParticipantView(person.memberId().toString(), PairingDisclosure.FORMER_MEMBER);
        }
        return identified ? new ParticipantView(person.memberId().toString(), person.displayName())
                : new ParticipantView(null, null);
    }
}
