package org.lexnet.command.opportunity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityCommands.CloseOpportunityAtDeadlineCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.HideOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.WithdrawOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestRegisteredEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityClosedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityHiddenEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityStatus;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One opportunity, from its posting to its close, withdrawal or hiding. Who registered interest is state
 * of this stream, so seats are never exceeded: concurrent registrations on one node wait for the
 * aggregate's lock, and across nodes the event store's unique (aggregate, sequence) refuses all but one
 * (409). A hidden opportunity exists for nobody but its poster and admins.
 */
@Aggregate(cache = "opportunityCache")
public class Opportunity {

    static final String WITHDRAWN = "WITHDRAWN";
    static final String POSTER_ERASED = "POSTER_ERASED";
    static final String ERASED = "ERASED";

    @AggregateIdentifier
    private OpportunityId opportunityId;
    private MemberId postedBy;
    private OpportunityStatus status;
    private Instant deadline;
    private Integer seats;
    private final Set<MemberId> interested = new LinkedHashSet<>();

    protected Opportunity() {
        // for Axon: rebuilt from its events
    }

    /** Posts an opportunity; {@link OpportunityHandlers} checked its content first. */
    Opportunity(OpportunityPostedEvent posted) {
        apply(posted);
    }

    MemberId postedBy() {
        return postedBy;
    }

    /** The actor registers interest: while it is open, not their own, once, and while a seat is free. */
    void registerInterest(MemberId actor, Instant now) {
        knownTo(actor);
        requireOpen("interest can be registered");
        if (deadline != null && !now.isBefore(deadline)) {
            throw new CommandRejectedException("the deadline (" + deadline + ") has passed");
        }
        if (actor.equals(postedBy)) {
            throw new CommandRejectedException("you posted this opportunity yourself");
        }
        if (interested.contains(actor)) {
            throw new CommandRejectedException("you have already registered interest");
        }
        if (seats != null && interested.size() >= seats) {
            throw new CommandRejectedException("no seats left (" + seats + " of " + seats + " taken)");
        }
        apply(new InterestRegisteredEvent(opportunityId, actor, interested.size() + 1, seats));
    }

    void withdrawInterest(MemberId actor) {
        knownTo(actor);
        if (!interested.contains(actor)) {
            throw new CommandRejectedException("you have not registered interest in this opportunity");
        }
        requireOpen("interest can be withdrawn");
        apply(new InterestWithdrawnEvent(opportunityId, actor, WITHDRAWN, interested.size() - 1));
    }

    @CommandHandler
    void handle(WithdrawOpportunityCommand command) {
        knownTo(command.actor());
        if (!command.actor().equals(postedBy)) {
            throw new ForbiddenException("only its poster withdraws an opportunity");
        }
        requireOpen("an opportunity can be withdrawn");
        apply(new OpportunityWithdrawnEvent(opportunityId, command.actor(), WITHDRAWN));
    }

    @CommandHandler
    void handle(HideOpportunityCommand command) {
        if (status == OpportunityStatus.HIDDEN) {
            throw new CommandRejectedException("the opportunity is hidden already");
        }
        List<FieldError> errors = OpportunityPolicies.reasonErrors(command.reason());
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        apply(new OpportunityHiddenEvent(opportunityId, command.actor(), command.reason().strip()));
    }

    @CommandHandler
    void handle(CloseOpportunityAtDeadlineCommand command, Clock clock) {
        if (status != OpportunityStatus.OPEN) {
            throw new CommandRejectedException("the opportunity is no longer open (it is " + status + ")");
        }
        if (deadline == null || clock.instant().isBefore(deadline)) {
            throw new CommandRejectedException("the opportunity's deadline has not passed");
        }
        apply(new OpportunityClosedEvent(opportunityId, deadline));
    }

    /**
     * A member left lexnet: an open opportunity they posted is withdrawn (what they wrote is sealed with
     * their key and can no longer be shown), and their interest in another one is given up.
     */
    void leaveBecauseErased(MemberId member) {
        if (status != OpportunityStatus.OPEN) {
            return;
        }
        if (member.equals(postedBy)) {
            apply(new OpportunityWithdrawnEvent(opportunityId, member, POSTER_ERASED));
        } else if (interested.contains(member)) {
            apply(new InterestWithdrawnEvent(opportunityId, member, ERASED, interested.size() - 1));
        }
    }

    /** A hidden opportunity is unknown to everyone but its poster (admins act through the admin role). */
    private void knownTo(MemberId actor) {
        if (status == OpportunityStatus.HIDDEN && !actor.equals(postedBy)) {
            throw new NotFoundException("no such opportunity");
        }
    }

    private void requireOpen(String action) {
        if (status != OpportunityStatus.OPEN) {
            throw new CommandRejectedException(action + " only while the opportunity is OPEN (it is " + status + ")");
        }
    }

    @EventSourcingHandler
    void on(OpportunityPostedEvent event) {
        opportunityId = event.opportunityId();
        postedBy = event.postedBy();
        status = OpportunityStatus.OPEN;
        deadline = event.deadline();
        seats = event.seats();
    }

    @EventSourcingHandler
    void on(InterestRegisteredEvent event) {
        interested.add(event.memberId());
    }

    @EventSourcingHandler
    void on(InterestWithdrawnEvent event) {
        interested.remove(event.memberId());
    }

    @EventSourcingHandler
    void on(OpportunityWithdrawnEvent event) {
        status = OpportunityStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(OpportunityClosedEvent event) {
        status = OpportunityStatus.CLOSED;
    }

    @EventSourcingHandler
    void on(OpportunityHiddenEvent event) {
        status = OpportunityStatus.HIDDEN;
    }
}
