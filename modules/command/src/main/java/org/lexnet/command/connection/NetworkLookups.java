package org.lexnet.command.connection;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRemovedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberEvents.MemberBlockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberUnblockedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Command-side lookup tables of the peer network: every connection with its pair key and status
 * ({@code connection_lookup}), and who blocked whom ({@code member_block}). Kept by a
 * <em>subscribing</em> processor, so each change is written in the same transaction as its event and
 * the tables are never behind the event store; read before a request or a block is decided, under
 * the pair's advisory lock (set-based validation that holds across nodes).
 */
@Component
@ProcessingGroup(NetworkLookups.PROCESSING_GROUP)
public class NetworkLookups {

    static final String PROCESSING_GROUP = "network-lookups";

    private static final String OPEN = "status in ('" + ConnectionStatus.REQUESTED + "', '" + ConnectionStatus.ACCEPTED
                                       + "')";

    private final JdbcTemplate jdbc;

    NetworkLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reads

    /** Every REQUESTED or ACCEPTED connection of the member, either way. */
    public List<ConnectionId> openConnectionsOf(MemberId member) {
        return jdbc.query("select connection_id from connection_lookup where (requester_id = ? or addressee_id = ?) and "
                          + OPEN, (rs, i) -> new ConnectionId(rs.getObject(1, UUID.class)), member.value(),
                member.value());
    }

    /** The REQUESTED or ACCEPTED connection between the two, whoever asked; at most one exists. */
    Optional<ConnectionId> openConnection(MemberId one, MemberId other) {
        List<ConnectionId> open = jdbc.query("select connection_id from connection_lookup where pair_key = ? and "
                                             + OPEN,
                (rs, i) -> new ConnectionId(rs.getObject(1, UUID.class)), PairKey.of(one, other).value());
        return open.stream().findFirst();
    }

    /** The two have an ACCEPTED connection, and so see each other even when hidden from the network. */
    public boolean connected(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from connection_lookup where pair_key = ? and status = ?)", Boolean.class,
                PairKey.of(one, other).value(), ConnectionStatus.ACCEPTED.name()));
    }

    boolean blocked(MemberId blocker, MemberId blocked) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from member_block where blocker_id = ? and blocked_id = ?)", Boolean.class,
                blocker.value(), blocked.value()));
    }

    /** One of the two blocked the other; deliberately not saying which. */
    public boolean blockedEitherWay(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from member_block
                               where (blocker_id = ? and blocked_id = ?) or (blocker_id = ? and blocked_id = ?))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }

    /**
     * The two are mentee and mentor of an ACTIVE or PAUSED pairing, and so already see each other's
     * profile. Reads {@code pairing_lookup}, which the pairing lookups keep in the same way.
     */
    public boolean shareActivePairing(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from pairing_lookup where status in ('ACTIVE', 'PAUSED')
                               and ((mentee_id = ? and mentor_id = ?) or (mentee_id = ? and mentor_id = ?)))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }

    // ---- upkeep, in the transaction of each event

    /**
     * The partial unique index on open connections per pair is the last line behind the advisory lock:
     * should a request ever reach the store without it, its whole transaction is refused (the error
     * handler of this group propagates, see NetworkLookupsConfiguration).
     */
    @EventHandler
    void on(ConnectionRequestedEvent event) {
        try {
            jdbc.update("""
                    insert into connection_lookup (connection_id, pair_key, requester_id, addressee_id, status)
                    values (?, ?, ?, ?, ?)""", event.connectionId().value(),
                    PairKey.of(event.requesterId(), event.addresseeId()).value(), event.requesterId().value(),
                    event.addresseeId().value(), ConnectionStatus.REQUESTED.name());
        } catch (DuplicateKeyException alreadyOpen) {
            throw new CommandRejectedException("you are already connected or a request is pending");
        }
    }

    @EventHandler
    void on(ConnectionAcceptedEvent event) {
        status(event.connectionId(), ConnectionStatus.ACCEPTED);
    }

    @EventHandler
    void on(ConnectionDeclinedEvent event) {
        status(event.connectionId(), ConnectionStatus.DECLINED);
    }

    @EventHandler
    void on(ConnectionWithdrawnEvent event) {
        status(event.connectionId(), ConnectionStatus.WITHDRAWN);
    }

    @EventHandler
    void on(ConnectionRemovedEvent event) {
        status(event.connectionId(), ConnectionStatus.REMOVED);
    }

    @EventHandler
    void on(MemberBlockedEvent event) {
        jdbc.update("insert into member_block (blocker_id, blocked_id) values (?, ?) on conflict do nothing",
                event.memberId().value(), event.blockedId().value());
    }

    @EventHandler
    void on(MemberUnblockedEvent event) {
        jdbc.update("delete from member_block where blocker_id = ? and blocked_id = ?", event.memberId().value(),
                event.blockedId().value());
    }

    private void status(ConnectionId id, ConnectionStatus status) {
        jdbc.update("update connection_lookup set status = ? where connection_id = ?", status.name(), id.value());
    }
}
