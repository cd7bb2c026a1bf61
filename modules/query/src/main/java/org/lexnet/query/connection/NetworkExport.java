package org.lexnet.query.connection;

import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.connection.NetworkReader.ConnectionRow;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The peer-network part of a member's export: every connection they asked for or were asked for, in
 * any state, and the blocks they made. Rows from {@link NetworkReader}; what the member keeps of them
 * decided by {@link NetworkDisclosure}.
 */
@Component
public class NetworkExport {

    private final NetworkReader reader;

    NetworkExport(NetworkReader reader) {
        this.reader = reader;
    }

    public MyNetworkExport of(MemberId member) {
        return new MyNetworkExport(
                reader.allConnectionsOf(member).stream().map(row -> connection(member, row)).toList(),
                reader.blockedBy(member).stream().map(blocked -> new BlockMade(blocked.toString())).toList());
    }

    private static ExportedConnection connection(MemberId member, ConnectionRow row) {
        Direction direction = row.requester().equals(member) ? Direction.SENT : Direction.RECEIVED;
        return new ExportedConnection(row.connectionId(), row.status(), direction,
                new Person(NetworkDisclosure.otherOf(member, row).toString(),
                        NetworkDisclosure.nameInExport(member, row)),
                NetworkDisclosure.messageInExport(member, row), row.requestedAt(), row.answeredAt());
    }

    /** Whether the member asked for the connection or was asked. */
    public enum Direction { SENT, RECEIVED }

    /** {@code connections} oldest request first; {@code blocksMade} only the member's own blocks. */
    public record MyNetworkExport(List<ExportedConnection> connections, List<BlockMade> blocksMade) {
    }

    /**
     * One connection. {@code other.displayName} is null where the member may not see it;
     * {@code yourMessage} is the request's message only if the member sent it; {@code answeredAt} is the
     * first answer's time (accepted, declined or withdrawn), null while it waits.
     */
    public record ExportedConnection(String connectionId, ConnectionStatus status, Direction direction, Person other,
                                     String yourMessage, Instant requestedAt, Instant answeredAt) {
    }

    public record Person(String memberId, String displayName) {
    }

    public record BlockMade(String memberId) {
    }
}
