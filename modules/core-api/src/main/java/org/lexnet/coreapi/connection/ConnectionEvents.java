package org.lexnet.coreapi.connection;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

/**
 * Events of a connection between two members. Removal by a block looks like any other removal to the
 * member who was blocked (they are never told they were blocked).
 */
public final class ConnectionEvents {

    private ConnectionEvents() {
    }

    @Revision("1")
    public record ConnectionRequestedEvent(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId,
                                           @PersonalData(keysOf = "requesterId") String message) {
    }

    @Revision("1")
    public record ConnectionAcceptedEvent(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId) {
    }

    @Revision("1")
    public record ConnectionDeclinedEvent(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId) {
    }

    @Revision("1")
    public record ConnectionWithdrawnEvent(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId) {
    }

    /** Either side removed an accepted connection, or a block ended a pending or accepted one. */
    @Revision("1")
    public record ConnectionRemovedEvent(ConnectionId connectionId, MemberId requesterId, MemberId addresseeId,
                                         MemberId removedBy) {
    }
}
