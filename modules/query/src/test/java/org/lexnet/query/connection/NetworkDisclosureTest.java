package org.lexnet.query.connection;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.connection.ConnectionStatus;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.connection.NetworkDisclosure.Side;
import org.lexnet.query.connection.NetworkReader.ConnectionRow;
import org.lexnet.query.connection.NetworkReader.Peer;
import org.lexnet.query.connection.NetworkReader.Seeker;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkDisclosureTest {

    private static final MemberId ME = MemberId.random();
    private static final MemberId OTHER = MemberId.random();

    @Test
    void aConnectionIsSeenFromTheViewersSide() {
        assertThat(NetworkDisclosure.sideOf(ME, row(ME, OTHER, ConnectionStatus.REQUESTED))).isEqualTo(Side.OUTGOING);
        assertThat(NetworkDisclosure.sideOf(ME, row(OTHER, ME, ConnectionStatus.REQUESTED))).isEqualTo(Side.INCOMING);
        assertThat(NetworkDisclosure.sideOf(ME, row(OTHER, ME, ConnectionStatus.ACCEPTED))).isEqualTo(Side.CONNECTED);
        assertThat(NetworkDisclosure.sideOf(ME, row(ME, OTHER, ConnectionStatus.ACCEPTED))).isEqualTo(Side.CONNECTED);
        assertThat(NetworkDisclosure.otherOf(ME, row(ME, OTHER, ConnectionStatus.REQUESTED))).isEqualTo(OTHER);
        assertThat(NetworkDisclosure.otherOf(ME, row(OTHER, ME, ConnectionStatus.REQUESTED))).isEqualTo(OTHER);
    }

    @Test
    void connectedMembersAndRequestersAreNamedEvenWhenHidden() {
        assertThat(NetworkDisclosure.nameShown(Side.CONNECTED, "Hana", false)).isEqualTo("Hana");
        assertThat(NetworkDisclosure.nameShown(Side.INCOMING, "Hana", false)).as("asking introduces oneself")
                .isEqualTo("Hana");
    }

    @Test
    void aHiddenAddresseeIsNotNamedToTheMemberWhoAskedThem() {
        assertThat(NetworkDisclosure.nameShown(Side.OUTGOING, "Hana", false)).isNull();
        assertThat(NetworkDisclosure.nameShown(Side.OUTGOING, "Vera", true)).isEqualTo("Vera");
    }

    @Test
    void aSuggestionSaysWhyNamingOnlyAreasBothShareWithTheNetwork() {
        Seeker seeker = new Seeker(ME, "EMERGING", "LONDON", List.of("FUNDRAISING_AND_FINANCE"),
                List.of("CARE_SYSTEM"));
        Peer peer = new Peer(OTHER, "Vera", "EXPERIENCED", "LONDON", List.of("CARE_SYSTEM"),
                List.of("FUNDRAISING_AND_FINANCE"));
        assertThat(NetworkDisclosure.reasons(seeker, peer)).containsExactly(
                "You both share lived experience of CARE_SYSTEM with the network",
                "You are both working on FUNDRAISING_AND_FINANCE",
                "One stage apart on the leadership journey (EXPERIENCED)",
                "Also in LONDON");
        Peer stranger = new Peer(OTHER, "Sam", "EMERGING", "WALES", List.of(), List.of());
        assertThat(NetworkDisclosure.reasons(seeker, stranger))
                .containsExactly("At the same stage of their leadership journey (EMERGING)");
    }

    @Test
    void anExportNamesTheOtherMemberOfAnOpenConnectionAsTheListDoes() {
        assertThat(NetworkDisclosure.nameInExport(ME, hidden(OTHER, ME, ConnectionStatus.ACCEPTED))).isEqualTo("Hana");
        assertThat(NetworkDisclosure.nameInExport(ME, hidden(OTHER, ME, ConnectionStatus.REQUESTED))).isEqualTo("Hana");
        assertThat(NetworkDisclosure.nameInExport(ME, hidden(ME, OTHER, ConnectionStatus.REQUESTED))).isNull();
    }

    @Test
    void anExportNamesNobodyInAClosedConnection() {
        for (ConnectionStatus closed : List.of(ConnectionStatus.DECLINED, ConnectionStatus.WITHDRAWN,
                ConnectionStatus.REMOVED)) {
            assertThat(NetworkDisclosure.nameInExport(ME, row(ME, OTHER, closed))).as(closed.name()).isNull();
            assertThat(NetworkDisclosure.nameInExport(ME, row(OTHER, ME, closed))).as(closed.name()).isNull();
        }
    }

    @Test
    void aRequestsMessageIsInTheExportOfTheMemberWhoWroteItOnly() {
        ConnectionRow mine = new ConnectionRow("c-1", ME, OTHER, ConnectionStatus.ACCEPTED, "Hello", Instant.EPOCH,
                null, "Name", true);
        ConnectionRow theirs = new ConnectionRow("c-2", OTHER, ME, ConnectionStatus.ACCEPTED, "Hi", Instant.EPOCH,
                null, "Name", true);
        assertThat(NetworkDisclosure.messageInExport(ME, mine)).isEqualTo("Hello");
        assertThat(NetworkDisclosure.messageInExport(ME, theirs)).isNull();
    }

    private static ConnectionRow hidden(MemberId requester, MemberId addressee, ConnectionStatus status) {
        return new ConnectionRow("c-1", requester, addressee, status, null, Instant.EPOCH, null, "Hana", false);
    }

    private static ConnectionRow row(MemberId requester, MemberId addressee, ConnectionStatus status) {
        return new ConnectionRow("c-1", requester, addressee, status, null, Instant.EPOCH, null, "Name", true);
    }
}
