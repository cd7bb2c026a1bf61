package org.lexnet.query.connection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRemovedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberEvents.MemberBlockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberUnblockedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The peer network read model: connections with their status ({@code connection_view}) and blocks
 * ({@code block_view}). Replay-safe: a connection row moves only forward in its stream's sequence;
 * blocks are set operations.
 */
@Component
@ProcessingGroup("network")
class NetworkProjection {

    private final JdbcTemplate jdbc;

    NetworkProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConnectionRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into connection_view (connection_id, requester_id, addressee_id, status, message, requested_at,
                  version) values (?, ?, ?, 'REQUESTED', ?, ?, ?) on conflict do nothing""",
                event.connectionId().value(), event.requesterId().value(), event.addresseeId().value(),
                event.message(), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(ConnectionAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.connectionId(), ConnectionStatus.ACCEPTED, sequence, at);
    }

    @EventHandler
    void on(ConnectionDeclinedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.connectionId(), ConnectionStatus.DECLINED, sequence, at);
    }

    @EventHandler
    void on(ConnectionWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.connectionId(), ConnectionStatus.WITHDRAWN, sequence, at);
    }

    @EventHandler
    void on(ConnectionRemovedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        status(event.connectionId(), ConnectionStatus.REMOVED, sequence, at);
    }

    @EventHandler
    void on(MemberBlockedEvent event) {
        jdbc.update("insert into block_view (blocker_id, blocked_id) values (?, ?) on conflict do nothing",
                event.memberId().value(), event.blockedId().value());
    }

    @EventHandler
    void on(MemberUnblockedEvent event) {
        jdbc.update("delete from block_view where blocker_id = ? and blocked_id = ?", event.memberId().value(),
                event.blockedId().value());
    }

    /** A member left: the messages they wrote go, and so do the blocks they made or received (ids only). */
    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("update connection_view set message = null where requester_id = ?", event.memberId().value());
        jdbc.update("delete from block_view where blocker_id = ? or blocked_id = ?", event.memberId().value(),
                event.memberId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate connection_view, block_view");
    }

    /** answered_at keeps the first answer's time (a decline's date counts for the 90-day rule). */
    private void status(ConnectionId id, ConnectionStatus status, long sequence, Instant at) {
        jdbc.update("update connection_view set status = ?, answered_at = coalesce(answered_at, ?), version = ? "
                    + "where connection_id = ? and version < ?", status.name(), java.sql.Timestamp.from(at), sequence,
                id.value(), sequence);
    }
}
