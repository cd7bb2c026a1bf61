package org.lexnet.query.connection;

import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.connection.NetworkReader.ConnectionRow;
import org.lexnet.query.connection.NetworkReader.Peer;
import org.lexnet.query.connection.NetworkReader.Seeker;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides what a member may see of their network. The rules, in one place:
 * <ul>
 *   <li>connected members see each other's name even when hidden from the network;</li>
 *   <li>whoever asks to connect introduces themselves: the addressee sees the requester's name and
 *       message;</li>
 *   <li>the requester sees the addressee's name only while the addressee is visible in the network;</li>
 *   <li>a suggestion names only lived-experience areas that both members share with the whole network
 *       (NETWORK), never less widely shared ones.</li>
 * </ul>
 * A member's export of their own data names the other member of an open connection as above, and of a
 * closed one (declined, withdrawn, removed) by id only: an ended connection unlocks nothing, so the
 * export keeps the member's record of whom they asked or were asked by, and leaves the name to the
 * profile endpoint, where the other member's settings and blocks apply at the moment it is asked. A
 * request's message goes only into the export of the member who wrote it. Blocks appear only in the
 * blocker's export, by id.
 */
final class NetworkDisclosure {

    private NetworkDisclosure() {
    }

    /** Where a connection stands from the viewer's side. */
    enum Side {
        /** ACCEPTED, whoever asked */
        CONNECTED,
        /** REQUESTED by the other member, waiting for the viewer's answer */
        INCOMING,
        /** REQUESTED by the viewer, waiting for the other member */
        OUTGOING
    }

    static Side sideOf(MemberId viewer, ConnectionRow connection) {
        if (connection.status() == ConnectionStatus.ACCEPTED) {
            return Side.CONNECTED;
        }
        return connection.requester().equals(viewer) ? Side.OUTGOING : Side.INCOMING;
    }

    /** The other member of the connection, from the viewer's side. */
    static MemberId otherOf(MemberId viewer, ConnectionRow connection) {
        return connection.requester().equals(viewer) ? connection.addressee() : connection.requester();
    }

    /** The other member's name as the viewer may see it, or null. */
    static String nameShown(Side side, String name, boolean otherVisibleInNetwork) {
        return switch (side) {
            case CONNECTED, INCOMING -> name;
            case OUTGOING -> otherVisibleInNetwork ? name : null;
        };
    }

    /** The other member's name in the viewer's export, or null. */
    static String nameInExport(MemberId viewer, ConnectionRow connection) {
        if (!connection.status().isOpen()) {
            return null;
        }
        return nameShown(sideOf(viewer, connection), connection.otherName(), connection.otherVisible());
    }

    /** The request's message in the viewer's export: only if the viewer wrote it. */
    static String messageInExport(MemberId viewer, ConnectionRow connection) {
        return connection.requester().equals(viewer) ? connection.message() : null;
    }

    /** Why this peer is suggested, in words; only NETWORK areas are ever named. */
    static List<String> reasons(Seeker seeker, Peer peer) {
        List<String> reasons = new ArrayList<>();
        if (!peer.sharedNetworkAreas().isEmpty()) {
            reasons.add("You both share lived experience of " + String.join(", ", peer.sharedNetworkAreas())
                        + " with the network");
        }
        if (!peer.sharedNeeds().isEmpty()) {
            reasons.add("You are both working on " + String.join(", ", peer.sharedNeeds()));
        }
        reasons.add(peer.stage().equals(seeker.stage())
                ? "At the same stage of their leadership journey (" + peer.stage() + ")"
                : "One stage apart on the leadership journey (" + peer.stage() + ")");
        if (peer.region() != null && peer.region().equals(seeker.region())) {
            reasons.add("Also in " + peer.region());
        }
        return reasons;
    }
}
