package org.lexnet.command.mentorship;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.IdGenerator;
import org.lexnet.command.connection.NetworkLookups;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.command.member.MemberStanding;
import org.lexnet.command.safety.Bandwidths;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.AcceptProposalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.CompleteMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.EndMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ProposeMentorCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.RequestMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The pairing steps that span aggregates, each in one unit of work (one database transaction):
 * requesting and proposing read the members' standing and the lookup tables before the pairing
 * changes; accepting reserves a slot on the mentor's own Member stream and activates the pairing
 * together; completing and ending free that slot together with the pairing's change. Either both
 * streams take their events or neither does. The locks behind the set-based rules are taken through
 * {@link RuleLocks}, in its one order, before any aggregate is loaded.
 */
@Component
class MentorshipHandlers {

    private final Repository<Mentorship> mentorships;
    private final Repository<Member> members;
    private final PairingLookups lookups;
    private final NetworkLookups network;
    private final RuleLocks locks;
    private final IdGenerator ids;
    private final TaxonomyCatalog taxonomy;
    private final Clock clock;
    private final Duration proposalExpiresAfter;
    private final Bandwidths bandwidths;

    MentorshipHandlers(@Qualifier("mentorshipRepository") Repository<Mentorship> mentorships,
                       @Qualifier("memberRepository") Repository<Member> members, PairingLookups lookups,
                       NetworkLookups network, RuleLocks locks, IdGenerator ids, TaxonomyCatalog taxonomy,
                       Clock clock,
                       @Value("${lexnet.mentorship.proposal-expires-after:P7D}") Duration proposalExpiresAfter,
                       Bandwidths bandwidths) {
        this.mentorships = mentorships;
        this.members = members;
        this.lookups = lookups;
        this.network = network;
        this.locks = locks;
        this.ids = ids;
        this.taxonomy = taxonomy;
        this.clock = clock;
        this.proposalExpiresAfter = proposalExpiresAfter;
        this.bandwidths = bandwidths;
    }

    @CommandHandler
    MentorshipId handle(RequestMentorshipCommand command) throws Exception {
        validateNeeds(command.needs());
        locks.forRequest(command.menteeId(), command.mentorId());
        MemberStanding mentee = standingOf(command.menteeId());
        PairingPolicies.requestRejection(mentee, lookups.openRequestsOf(command.menteeId()))
                .ifPresent(reason -> {
                    throw new CommandRejectedException(reason);
                });
        MemberStanding mentor = command.mentorId() == null ? null : namedMentor(command.menteeId(), command.mentorId());
        if (mentor != null) {
            rejectProposal(mentee, mentor, true);
        }
        Aggregate<Mentorship> pairing = mentorships.newInstance(() -> new Mentorship(command.mentorshipId(),
                command.menteeId(), mentee.stage(), command.needs(), command.preferences(), command.mentorId()));
        if (mentor != null) {
            pairing.execute(m -> m.propose(ids.newId(), mentor.memberId(), ProposalSource.DIRECT, null, List.of(),
                    clock.instant().plus(proposalExpiresAfter)));
        }
        return command.mentorshipId();
    }

    @CommandHandler
    void handle(ProposeMentorCommand command) {
        // the locks come before the pairing is loaded; the mentee is known from the lookup
        MemberId menteeId = lookups.menteeOf(command.mentorshipId()).orElseThrow(
                () -> new AggregateNotFoundException(command.mentorshipId().toString(), "no such mentorship"));
        locks.forProposal(menteeId, command.mentorId());
        Aggregate<Mentorship> pairing = mentorships.load(command.mentorshipId().toString());
        MemberStanding mentee = standingOf(menteeId);
        MemberStanding mentor = mentorStanding(command.mentorId());
        rejectProposal(mentee, mentor, false);
        pairing.execute(m -> m.propose(ids.newId(), command.mentorId(), command.source(), command.score(),
                command.reasons(),
                clock.instant().plus(proposalExpiresAfter), command.matchRoundId()));
    }

    @CommandHandler
    void handle(AcceptProposalCommand command) {
        Aggregate<Mentorship> pairing = mentorships.load(command.mentorshipId().toString());
        MemberId mentor = pairing.invoke(m -> m.requireProposedMentor(command.actor()));
        MemberId mentee = pairing.invoke(Mentorship::menteeId);
        members.load(mentor.toString()).execute(m -> m.reserveMentoringSlot(command.mentorshipId(), mentee));
        pairing.execute(m -> m.accept(command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(CompleteMentorshipCommand command) {
        Aggregate<Mentorship> pairing = mentorships.load(command.mentorshipId().toString());
        pairing.execute(m -> m.complete(command.actor()));
        releaseSlot(pairing, command.mentorshipId());
    }

    @CommandHandler
    void handle(EndMentorshipCommand command) {
        Aggregate<Mentorship> pairing = mentorships.load(command.mentorshipId().toString());
        pairing.execute(m -> m.end(command.actor(), command.reason()));
        releaseSlot(pairing, command.mentorshipId());
    }

    private void releaseSlot(Aggregate<Mentorship> pairing, MentorshipId mentorshipId) {
        MemberId mentor = pairing.invoke(Mentorship::mentorId);
        members.load(mentor.toString()).execute(m -> m.releaseMentoringSlot(mentorshipId));
    }

    private void rejectProposal(MemberStanding mentee, MemberStanding mentor, boolean direct) {
        PairingPolicies.proposalRejection(mentee, mentor, direct,
                        lookups.declinedBefore(mentee.memberId(), mentor.memberId()),
                        lookups.pendingProposalsFor(mentor.memberId()),
                        network.blockedEitherWay(mentee.memberId(), mentor.memberId()), taxonomy)
                .ifPresent(reason -> {
                    throw new CommandRejectedException(reason);
                });
        // a mentor at the limit of what they take, or quiet for now, is answered like one not offering:
        // nobody is told that someone reached their limit
        if (!members.load(mentor.memberId().toString()).invoke(bandwidths::open)) {
            throw new CommandRejectedException(PairingPolicies.NOT_OFFERING);
        }
    }

    private MemberStanding standingOf(MemberId memberId) {
        return members.load(memberId.toString()).invoke(Member::standing);
    }

    /**
     * The mentor a mentee named. A member hidden from the network can be named only by someone who
     * sees them anyway (a connection, a running pairing); to anyone else they are answered like an
     * unknown id, so a direct request cannot be used to find out who is behind an id.
     */
    private MemberStanding namedMentor(MemberId menteeId, MemberId mentorId) {
        Aggregate<Member> mentor;
        try {
            mentor = members.load(mentorId.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new CommandRejectedException(PairingPolicies.NOT_OFFERING);
        }
        PairingPolicies.namingRejection(mentor.invoke(Member::visibleInNetwork),
                        network.connected(menteeId, mentorId) || network.shareActivePairing(menteeId, mentorId))
                .ifPresent(reason -> {
                    throw new CommandRejectedException(reason);
                });
        return mentor.invoke(Member::standing);
    }

    /** An unknown mentor is answered like one who is not offering: the caller learns nothing more. */
    private MemberStanding mentorStanding(MemberId mentorId) {
        try {
            return standingOf(mentorId);
        } catch (AggregateNotFoundException unknown) {
            throw new CommandRejectedException(PairingPolicies.NOT_OFFERING);
        }
    }

    private void validateNeeds(List<String> needs) {
        List<FieldError> errors = new ArrayList<>();
        var seen = new HashSet<String>();
        for (int i = 0; i < needs.size(); i++) {
            String code = needs.get(i);
            if (!taxonomy.contains(TaxonomyKind.COMPETENCY, code)) {
                errors.add(new FieldError("needs[" + i + "]", "unknown competencies code '" + code + "'"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError("needs[" + i + "]", "'" + code + "' is listed twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
    }
}
