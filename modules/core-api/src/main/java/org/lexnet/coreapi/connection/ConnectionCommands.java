package org.lexnet.coreapi.connection;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;

/** Commands of the peer network. {@code actor} is the member asking (from the token). */
public final class ConnectionCommands {

    private ConnectionCommands() {
    }

    /** {@code message} is optional (null). */
    public record RequestConnectionCommand(@TargetAggregateIdentifier ConnectionId connectionId, MemberId requester,
                                           MemberId addressee, String message) {
    }

    public record AcceptConnectionCommand(@TargetAggregateIdentifier ConnectionId connectionId, MemberId actor) {
    }

    public record DeclineConnectionCommand(@TargetAggregateIdentifier ConnectionId connectionId, MemberId actor) {
    }

    public record WithdrawConnectionCommand(@TargetAggregateIdentifier ConnectionId connectionId, MemberId actor) {
    }

    public record RemoveConnectionCommand(@TargetAggregateIdentifier ConnectionId connectionId, MemberId actor) {
    }
}
