package org.lexnet.command.circle;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.coreapi.circle.CircleCommands.CreateCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.InviteToCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.JoinCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.SetCirclePreferencesCommand;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The circle steps that need more than the circle: opening one reads the facilitator's standing and
 * how many circles they lead; joining reads the member's stage and how many circles they sit in;
 * inviting reads the invitee's stage; preferences are checked against the member's stage. The locks
 * behind the rules across circles are taken through {@link RuleLocks} before any aggregate is loaded.
 */
@Component
class CircleHandlers {

    private final Repository<Circle> circles;
    private final Repository<Member> members;
    private final CircleLookups lookups;
    private final RuleLocks locks;
    private final TaxonomyCatalog taxonomy;

    CircleHandlers(@Qualifier("circleRepository") Repository<Circle> circles,
                   @Qualifier("memberRepository") Repository<Member> members, CircleLookups lookups, RuleLocks locks,
                   TaxonomyCatalog taxonomy) {
        this.circles = circles;
        this.members = members;
        this.lookups = lookups;
        this.locks = locks;
        this.taxonomy = taxonomy;
    }

    @CommandHandler
    CircleId handle(CreateCircleCommand command) throws Exception {
        List<FieldError> errors = CirclePolicies.creationErrors(command, taxonomy);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        MemberId facilitator = command.facilitatorId() == null ? command.actor() : command.facilitatorId();
        if (!command.byAdmin() && !facilitator.equals(command.actor())) {
            throw new ForbiddenException("only an admin opens a circle for another facilitator");
        }
        List<String> band = CirclePolicies.band(command.stages(), taxonomy);
        locks.forFacilitation(facilitator);
        // an admin who facilitates themselves runs the programme: no stage or agreement is asked of them
        if (!(command.byAdmin() && facilitator.equals(command.actor()))) {
            Aggregate<Member> lead = member(facilitator, "facilitatorId");
            String stage = lead.invoke(m -> m.standing().stage());
            CirclePolicies.facilitatorRejection(stage, lead.invoke(Member::circlePreferences), band.get(band.size() - 1),
                    lookups.facilitating(facilitator), taxonomy).ifPresent(reason -> {
                        throw new CommandRejectedException(reason);
                    });
        }
        List<String> groundRules = taxonomy.terms(TaxonomyKind.CIRCLE_GROUND_RULE).stream()
                .map(TaxonomyTerm::code).toList();
        circles.newInstance(() -> new Circle(new CircleCreatedEvent(command.circleId(), facilitator, command.actor(),
                command.focus(), command.areas(), band.get(0), band.get(band.size() - 1), command.remote(),
                command.remote() ? null : command.region(), command.slot(), command.seats(), command.open(),
                groundRules, command.roundId())));
        return command.circleId();
    }

    @CommandHandler
    void handle(JoinCircleCommand command) {
        locks.forCircleSeat(command.actor());
        Aggregate<Circle> circle = circles.load(command.circleId().toString());
        String stage = member(command.actor(), "memberId").invoke(m -> m.standing().stage());
        CirclePolicies.seatRejection(lookups.seatsHeldBy(command.actor())).ifPresent(reason -> {
            throw new CommandRejectedException(reason);
        });
        circle.execute(c -> c.join(command.actor(), stage, command.acceptGroundRules(), taxonomy));
    }

    @CommandHandler
    void handle(InviteToCircleCommand command) {
        Aggregate<Circle> circle = circles.load(command.circleId().toString());
        String stage = member(command.memberId(), "memberId").invoke(m -> m.standing().stage());
        circle.execute(c -> c.invite(command.actor(), command.byAdmin(), command.memberId(), stage, command.roundId(),
                taxonomy));
    }

    @CommandHandler
    void handle(SetCirclePreferencesCommand command) {
        Aggregate<Member> member = member(command.memberId(), "memberId");
        String stage = member.invoke(m -> m.standing().stage());
        List<FieldError> errors = CirclePolicies.preferenceErrors(command.preferences(), stage, taxonomy);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        member.execute(m -> m.setCirclePreferences(command.preferences()));
    }

    /** An unknown or erased member is answered like one who does not exist. */
    private Aggregate<Member> member(MemberId id, String field) {
        Aggregate<Member> member;
        try {
            member = members.load(id.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such member (" + field + ")");
        }
        if (member.invoke(Member::erased)) {
            throw new NotFoundException("no such member (" + field + ")");
        }
        return member;
    }
}
