package org.lexnet.command.connection;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.connection.ConnectionCommands.AcceptConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.DeclineConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.RemoveConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionCommands.WithdrawConnectionCommand;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRemovedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.lexnet.coreapi.connection.ConnectionStatus.ACCEPTED;
import static org.lexnet.coreapi.connection.ConnectionStatus.DECLINED;
import static org.lexnet.coreapi.connection.ConnectionStatus.REMOVED;
import static org.lexnet.coreapi.connection.ConnectionStatus.REQUESTED;
import static org.lexnet.coreapi.connection.ConnectionStatus.WITHDRAWN;

/**
 * One connection between two members, from the request to its end. The addressee answers a request,
 * the requester may withdraw it while it waits, and either side may remove an accepted connection.
 * Someone outside the pair is told the connection does not exist (404), a participant taking the other
 * side's step is refused (403), a step the state does not allow is a conflict (409); none leaves an
 * event. Requests and blocks need the pair's lookup and the members' standing, so they run in
 * {@link ConnectionHandlers}, which calls the constructor and {@link #endBecauseBlocked} here.
 */
@Aggregate(cache = "connectionCache")
public class Connection {

    @AggregateIdentifier
    private ConnectionId connectionId;
    private MemberId requesterId;
    private MemberId addresseeId;
    private ConnectionStatus status;

    protected Connection() {
        // for Axon: rebuilt from its events
    }

    /** Opens a request; the caller has checked that this pair may connect (see ConnectionHandlers). */
    public Connection(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId, String message) {
        List<FieldError> errors = ConnectionPolicies.requestErrors(requesterId, addresseeId, message);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        apply(new ConnectionRequestedEvent(connectionId, requesterId, addresseeId,
                ConnectionPolicies.storedMessage(message)));
    }

    public ConnectionStatus status() {
        return status;
    }

    public MemberId requesterId() {
        return requesterId;
    }

    public MemberId addresseeId() {
        return addresseeId;
    }

    @CommandHandler
    void handle(AcceptConnectionCommand command) {
        requireAddressee(command.actor());
        requireStatus(REQUESTED, "only a pending request can be accepted");
        apply(new ConnectionAcceptedEvent(connectionId, requesterId, addresseeId));
    }

    @CommandHandler
    void handle(DeclineConnectionCommand command) {
        requireAddressee(command.actor());
        requireStatus(REQUESTED, "only a pending request can be declined");
        apply(new ConnectionDeclinedEvent(connectionId, requesterId, addresseeId));
    }

    @CommandHandler
    void handle(WithdrawConnectionCommand command) {
        knownTo(command.actor());
        if (!command.actor().equals(requesterId)) {
            throw new ForbiddenException("only the member who asked can withdraw a request");
        }
        requireStatus(REQUESTED, "only a pending request can be withdrawn");
        apply(new ConnectionWithdrawnEvent(connectionId, requesterId, addresseeId));
    }

    @CommandHandler
    void handle(RemoveConnectionCommand command) {
        knownTo(command.actor());
        requireStatus(ACCEPTED, "only an accepted connection can be removed (a pending request is withdrawn or declined)");
        apply(new ConnectionRemovedEvent(connectionId, requesterId, addresseeId, command.actor()));
    }

    /**
     * One side blocked the other: a pending or accepted connection ends, recorded like any removal by
     * the blocker, so the member who was blocked cannot tell the difference. Nothing to do once closed.
     */
    public void endBecauseBlocked(MemberId blocker) {
        knownTo(blocker);
        if (status.isOpen()) {
            apply(new ConnectionRemovedEvent(connectionId, requesterId, addresseeId, blocker));
        }
    }

    /** One side left lexnet: a pending or accepted connection ends, recorded as a removal by them. */
    public void endBecauseLeft(MemberId member) {
        knownTo(member);
        if (status.isOpen()) {
            apply(new ConnectionRemovedEvent(connectionId, requesterId, addresseeId, member));
        }
    }

    /** Anyone but the two members is told "no such connection", so a connection's existence never leaks. */
    private void knownTo(MemberId actor) {
        if (!actor.equals(requesterId) && !actor.equals(addresseeId)) {
            throw new NotFoundException("no such connection");
        }
    }

    private void requireAddressee(MemberId actor) {
        knownTo(actor);
        if (!actor.equals(addresseeId)) {
            throw new ForbiddenException("only the member who was asked can accept or decline a request");
        }
    }

    private void requireStatus(ConnectionStatus required, String rule) {
        if (status != required) {
            throw new CommandRejectedException(rule + " (the connection is " + status + ")");
        }
    }

    @EventSourcingHandler
    void on(ConnectionRequestedEvent event) {
        connectionId = event.connectionId();
        requesterId = event.requesterId();
        addresseeId = event.addresseeId();
        status = REQUESTED;
    }

    @EventSourcingHandler
    void on(ConnectionAcceptedEvent event) {
        status = ACCEPTED;
    }

    @EventSourcingHandler
    void on(ConnectionDeclinedEvent event) {
        status = DECLINED;
    }

    @EventSourcingHandler
    void on(ConnectionWithdrawnEvent event) {
        status = WITHDRAWN;
    }

    @EventSourcingHandler
    void on(ConnectionRemovedEvent event) {
        status = REMOVED;
    }
}
