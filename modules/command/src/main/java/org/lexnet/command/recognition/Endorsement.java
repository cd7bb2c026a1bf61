package org.lexnet.command.recognition;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.recognition.EndorsementBasis;
import org.lexnet.coreapi.recognition.EndorsementCommands.AcceptEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.DeclineEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.HideEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.ShowEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.WithdrawEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementAcceptedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementDeclinedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementGivenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementHiddenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementShownEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementWithdrawnEvent;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.lexnet.coreapi.recognition.EndorsementStatus;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.NotFoundException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One member's endorsement of another for one competency, and the endorsee's say over it: accept
 * (choosing who sees it), decline, hide, show again; the endorser may withdraw it until it is answered.
 * Giving goes through {@link EndorsementGiving}, which checks the relationship and uniqueness across
 * endorsements. Anyone but the two is told it does not exist.
 */
@Aggregate
public class Endorsement {

    @AggregateIdentifier
    private EndorsementId endorsementId;
    private MemberId endorserId;
    private MemberId endorseeId;
    private String competency;
    private EndorsementStatus status;

    protected Endorsement() {
        // for Axon: rebuilt from its events
    }

    /** Gives the endorsement; the caller has checked the text, the relationship and that none stands already. */
    Endorsement(EndorsementId id, MemberId endorser, MemberId endorsee, String competency, EndorsementBasis basis,
                String text) {
        apply(new EndorsementGivenEvent(id, endorser, endorsee, competency, basis, text));
    }

    @CommandHandler
    void handle(AcceptEndorsementCommand command) {
        requireEndorsee(command.memberId(), "accept");
        requireStatus(EndorsementStatus.PENDING, "accepted");
        apply(new EndorsementAcceptedEvent(endorsementId, endorserId, endorseeId, competency,
                EndorsementPolicies.audience(command.audience())));
    }

    @CommandHandler
    void handle(DeclineEndorsementCommand command) {
        requireEndorsee(command.memberId(), "decline");
        requireStatus(EndorsementStatus.PENDING, "declined");
        apply(new EndorsementDeclinedEvent(endorsementId, endorserId, endorseeId));
    }

    @CommandHandler
    void handle(WithdrawEndorsementCommand command) {
        requireParty(command.memberId());
        if (!command.memberId().equals(endorserId)) {
            throw new ForbiddenException("only the member who gave an endorsement can withdraw it");
        }
        requireStatus(EndorsementStatus.PENDING, "withdrawn (it was answered already)");
        apply(new EndorsementWithdrawnEvent(endorsementId, endorserId, endorseeId));
    }

    @CommandHandler
    void handle(HideEndorsementCommand command) {
        requireEndorsee(command.memberId(), "hide");
        requireStatus(EndorsementStatus.ACCEPTED, "hidden (only an accepted endorsement is shown)");
        apply(new EndorsementHiddenEvent(endorsementId, endorserId, endorseeId));
    }

    @CommandHandler
    void handle(ShowEndorsementCommand command) {
        requireEndorsee(command.memberId(), "show");
        Visibility audience = EndorsementPolicies.audience(command.audience());
        if (status != EndorsementStatus.ACCEPTED && status != EndorsementStatus.HIDDEN) {
            throw new CommandRejectedException("the endorsement is " + status + "; only an accepted one can be shown");
        }
        apply(new EndorsementShownEvent(endorsementId, endorserId, endorseeId, audience));
    }

    private void requireParty(MemberId member) {
        if (!member.equals(endorserId) && !member.equals(endorseeId)) {
            throw new NotFoundException("no such endorsement");
        }
    }

    private void requireEndorsee(MemberId member, String step) {
        requireParty(member);
        if (!member.equals(endorseeId)) {
            throw new ForbiddenException("only the endorsed member can " + step + " an endorsement");
        }
    }

    private void requireStatus(EndorsementStatus wanted, String step) {
        if (status != wanted) {
            throw new CommandRejectedException("the endorsement is " + status + "; it cannot be " + step);
        }
    }

    @EventSourcingHandler
    void on(EndorsementGivenEvent event) {
        endorsementId = event.endorsementId();
        endorserId = event.endorserId();
        endorseeId = event.endorseeId();
        competency = event.competency();
        status = EndorsementStatus.PENDING;
    }

    @EventSourcingHandler
    void on(EndorsementAcceptedEvent event) {
        status = EndorsementStatus.ACCEPTED;
    }

    @EventSourcingHandler
    void on(EndorsementDeclinedEvent event) {
        status = EndorsementStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(EndorsementWithdrawnEvent event) {
        status = EndorsementStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(EndorsementHiddenEvent event) {
        status = EndorsementStatus.HIDDEN;
    }

    @EventSourcingHandler
    void on(EndorsementShownEvent event) {
        status = EndorsementStatus.ACCEPTED;
    }
}
