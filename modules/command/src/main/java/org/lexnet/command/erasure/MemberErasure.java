package org.lexnet.command.erasure;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.circle.Circle;
import org.lexnet.command.circle.CircleLookups;
import org.lexnet.command.connection.Connection;
import org.lexnet.command.connection.NetworkLookups;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.command.mentorship.Mentorship;
import org.lexnet.command.mentorship.PairingLookups;
import org.lexnet.command.opportunity.OpportunityErasure;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.MemberCommands.EraseMemberCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.rules.SafeText;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * A member leaves: everything open they take part in ends the way it would had they left on their own
 * (their requests are withdrawn, proposals to them declined, running pairings ended and the mentor's
 * slot freed, connections removed, circle seats given up and circles they facilitate closed, open opportunities
 * they posted withdrawn and their interest in others given up), then {@code MemberErasedEvent} is recorded on their own stream —
 * all in one unit of work, under the member's erasure lock, so that no step can involve them meanwhile
 * and nothing is left half done. Destroying the data key and the account is the caller's part of the
 * same transaction.
 */
@Component
class MemberErasure {

    static final int MAX_REASON = 2_000;

    private final Repository<Member> members;
    private final Repository<Mentorship> mentorships;
    private final Repository<Connection> connections;
    private final Repository<Circle> circles;
    private final PairingLookups pairings;
    private final NetworkLookups network;
    private final CircleLookups circleLookups;
    private final RuleLocks locks;
    private final OpportunityErasure opportunities;

    MemberErasure(@Qualifier("memberRepository") Repository<Member> members,
                  @Qualifier("mentorshipRepository") Repository<Mentorship> mentorships,
                  @Qualifier("connectionRepository") Repository<Connection> connections,
                  @Qualifier("circleRepository") Repository<Circle> circles, PairingLookups pairings,
                  NetworkLookups network, CircleLookups circleLookups, RuleLocks locks,
                  OpportunityErasure opportunities) {
        this.members = members;
        this.mentorships = mentorships;
        this.connections = connections;
        this.circles = circles;
        this.pairings = pairings;
        this.network = network;
        this.circleLookups = circleLookups;
        this.locks = locks;
        this.opportunities = opportunities;
    }

    @CommandHandler
    void handle(EraseMemberCommand command) {
        MemberId member = command.memberId();
        validate(command);
        locks.forErasure(member);
        // pairings before members, as everywhere (an acceptance loads the pairing, then the mentor)
        for (MentorshipId id : pairings.openPairingsOf(member)) {
            Aggregate<Mentorship> pairing = mentorships.load(id.toString());
            boolean heldASlot = pairing.invoke(m -> m.leave(member));
            if (heldASlot) {
                MemberId mentor = pairing.invoke(Mentorship::mentorId);
                load(mentor).execute(m -> m.releaseMentoringSlot(id));
            }
        }
        for (ConnectionId id : network.openConnectionsOf(member)) {
            connections.load(id.toString()).execute(connection -> connection.endBecauseLeft(member));
        }
        for (CircleId id : circleLookups.openCirclesOf(member)) {
            circles.load(id.toString()).execute(circle -> circle.leaveBecauseErased(member));
        }
        opportunities.endPartsOf(member);
        // erasing twice is refused here, and everything above rolls back with it
        load(member).execute(m -> m.erase(command.erasedBy(), command.reason()));
    }

    /** An admin says why (kept for the audit); a member erasing themselves owes no reason. */
    private static void validate(EraseMemberCommand command) {
        boolean byAdmin = !command.memberId().equals(command.erasedBy());
        String reason = command.reason();
        if (byAdmin && (reason == null || reason.isBlank())) {
            throw new InvalidCommandException(List.of(new FieldError("reason",
                    "an admin erasing a member must give the reason")));
        }
        if (reason != null && reason.strip().length() > MAX_REASON) {
            throw new InvalidCommandException(List.of(new FieldError("reason",
                    "must be at most " + MAX_REASON + " characters")));
        }
        SafeText.problem(reason, true).ifPresent(problem -> {
            throw new InvalidCommandException(List.of(new FieldError("reason", problem)));
        });
    }

    private Aggregate<Member> load(MemberId member) {
        try {
            return members.load(member.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such member");
        }
    }
}
