package org.lexnet.command.safety;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.safety.ConcernAction;
import org.lexnet.coreapi.safety.ConcernCategory;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.ConcernStatus;
import org.lexnet.coreapi.safety.ConcernSubjectType;
import org.lexnet.coreapi.safety.SafetyCommands.AssignConcernCommand;
import org.lexnet.coreapi.safety.SafetyCommands.NoteConcernCommand;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernAssignedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernNotedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernRaisedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernResolvedEvent;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A concern a member raised about a member, a pairing, a connection or a feed entry, and the admins'
 * work on it: assigned, noted, resolved with an action. Every step is an event on its own stream, which
 * is the concern's audit. Raising goes through {@link ConcernRaising} (it resolves the subject and holds
 * the rate limit), resolving through {@link ConcernResolution} (a suspension changes the member too).
 */
@Aggregate
public class Concern {

    @AggregateIdentifier
    private ConcernId concernId;
    private MemberId reporterId;
    private MemberId subjectMemberId;
    private ConcernStatus status;

    protected Concern() {
        // for Axon: rebuilt from its events
    }

    /** Raises the concern; the caller has resolved the subject to the member it is about (or none). */
    Concern(ConcernId concernId, MemberId reporterId, ConcernSubjectType subjectType, String subjectId,
            MemberId subjectMemberId, ConcernCategory category, String text) {
        apply(new ConcernRaisedEvent(concernId, reporterId, subjectType, subjectId, subjectMemberId, category, text));
    }

    @CommandHandler
    void handle(AssignConcernCommand command) {
        requireOpen("assigned");
        apply(new ConcernAssignedEvent(concernId, command.adminId(), command.adminId()));
    }

    @CommandHandler
    void handle(NoteConcernCommand command) {
        apply(new ConcernNotedEvent(concernId, command.adminId(),
                SafetyPolicies.requiredText(command.text(), "text")));
    }

    /** Decides the concern; a suspension of the subject is the caller's part of the same unit of work. */
    void resolve(MemberId admin, ConcernAction action, String note) {
        requireOpen("resolved");
        apply(new ConcernResolvedEvent(concernId, reporterId, subjectMemberId, action, admin, note));
    }

    MemberId subjectMemberId() {
        return subjectMemberId;
    }

    private void requireOpen(String step) {
        if (status == ConcernStatus.RESOLVED) {
            throw new CommandRejectedException("the concern is resolved; it cannot be " + step + " again");
        }
    }

    @EventSourcingHandler
    void on(ConcernRaisedEvent event) {
        concernId = event.concernId();
        reporterId = event.reporterId();
        subjectMemberId = event.subjectMemberId();
        status = ConcernStatus.OPEN;
    }

    @EventSourcingHandler
    void on(ConcernAssignedEvent event) {
        status = ConcernStatus.IN_REVIEW;
    }

    @EventSourcingHandler
    void on(ConcernResolvedEvent event) {
        status = ConcernStatus.RESOLVED;
    }
}
