package org.lexnet.command.safety;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.command.mentorship.Mentorship;
import org.lexnet.command.mentorship.PairingLookups;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.safety.ConcernAction;
import org.lexnet.coreapi.safety.SafetyCommands.ReinstateMemberCommand;
import org.lexnet.coreapi.safety.SafetyCommands.ResolveConcernCommand;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Resolves a concern, and suspends or reinstates a member. A suspension is one unit of work under the
 * member's exclusive lock (the erasure's, so no request, proposal or connection involving them slips in
 * meanwhile): their open requests are withdrawn and proposals to them declined, the concern is resolved
 * and {@code MemberSuspendedEvent} recorded on their stream. Their tokens stop working in the same
 * transaction (the application's account standing listens to that event).
 */
@Component
class ConcernResolution {

    private final Repository<Concern> concerns;
    private final Repository<Member> members;
    private final Repository<Mentorship> mentorships;
    private final PairingLookups pairings;
    private final RuleLocks locks;

    ConcernResolution(@Qualifier("concernRepository") Repository<Concern> concerns,
                      @Qualifier("memberRepository") Repository<Member> members,
                      @Qualifier("mentorshipRepository") Repository<Mentorship> mentorships,
                      PairingLookups pairings, RuleLocks locks) {
        this.concerns = concerns;
        this.members = members;
        this.mentorships = mentorships;
        this.pairings = pairings;
        this.locks = locks;
    }

    @CommandHandler
    void handle(ResolveConcernCommand command) {
        if (command.action() == null) {
            throw new InvalidCommandException(List.of(new FieldError("action", "must not be null")));
        }
        String note = SafetyPolicies.optionalText(command.note(), "note");
        Aggregate<Concern> concern = load(command);
        if (command.action() != ConcernAction.SUSPENDED) {
            concern.execute(c -> c.resolve(command.adminId(), command.action(), note));
            return;
        }
        MemberId subject = concern.invoke(Concern::subjectMemberId);
        if (subject == null) {
            throw new CommandRejectedException("this concern is about no member in particular; nobody to suspend");
        }
        locks.forSuspension(subject);
        // pairings before members, as everywhere (an acceptance loads the pairing, then the mentor)
        for (MentorshipId id : pairings.openPairingsOf(subject)) {
            mentorships.load(id.toString()).execute(pairing -> pairing.endOpenProposalOf(subject));
        }
        concern.execute(c -> c.resolve(command.adminId(), command.action(), note));
        member(subject, "the member is no longer here (erased); resolve with another action")
                .execute(m -> m.suspend(command.concernId(), command.adminId()));
    }

    @CommandHandler
    void handle(ReinstateMemberCommand command) {
        String reason = SafetyPolicies.requiredText(command.reason(), "reason");
        locks.forSuspension(command.memberId());
        member(command.memberId(), null).execute(m -> m.reinstate(command.adminId(), reason));
    }

    private Aggregate<Concern> load(ResolveConcernCommand command) {
        try {
            return concerns.load(command.concernId().toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such concern");
        }
    }

    private Aggregate<Member> member(MemberId member, String whenErased) {
        Aggregate<Member> loaded;
        try {
            loaded = members.load(member.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such member");
        }
        if (whenErased != null && loaded.invoke(Member::erased)) {
            throw new CommandRejectedException(whenErased);
        }
        return loaded;
    }
}
