package org.lexnet.query.connection;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.query.connection.NetworkDisclosure.Side;
import org.lexnet.query.connection.NetworkReader.ConnectionRow;
import org.lexnet.query.connection.NetworkReader.Seeker;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The member's own network: connections, requests waiting for them and their own pending requests;
 * and suggestions of peers at a similar stage, with the reasons for each. The rows come from
 * {@link NetworkReader}; what the viewer may see of them is {@link NetworkDisclosure}'s decision.
 */
@RestController
class ConnectionQueryController {

    static final int SUGGESTIONS = 20;
    /** A declined request keeps the two out of each other's suggestions this long. */
    static final Duration DECLINE_MEMORY = Duration.ofDays(90);
    /** "A similar stage": the same or one apart. */
    private static final int SIMILAR_STAGES = 1;

    private final NetworkReader network;
    private final TaxonomyCatalog taxonomy;
    private final Clock clock;

    ConnectionQueryController(NetworkReader network, TaxonomyCatalog taxonomy, Clock clock) {
        this.network = network;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @Operation(operationId = "listMyConnections", summary = "Your network",
               description = "Connections, requests waiting for you, and your own pending requests.")
    @GetMapping("/api/v1/connections")
    MyNetwork connections(Authentication auth) {
        MemberId me = Viewer.of(auth).memberId();
        List<Connected> connected = new ArrayList<>();
        List<Incoming> incoming = new ArrayList<>();
        List<Outgoing> outgoing = new ArrayList<>();
        for (ConnectionRow row : network.openConnectionsOf(me)) {
            Side side = NetworkDisclosure.sideOf(me, row);
            Person other = new Person(NetworkDisclosure.otherOf(me, row).toString(),
                    NetworkDisclosure.nameShown(side, row.otherName(), row.otherVisible()));
            switch (side) {
                case CONNECTED -> connected.add(new Connected(row.connectionId(), other, row.answeredAt()));
                case INCOMING -> incoming.add(new Incoming(row.connectionId(), other, row.message(),
                        row.requestedAt()));
                case OUTGOING -> outgoing.add(new Outgoing(row.connectionId(), other, row.requestedAt()));
            }
        }
        return new MyNetwork(connected, incoming, outgoing);
    }

    /**
     * Peers at a similar stage, visible in the network and taking part, ranked by areas of lived
     * experience that both share with the network, then shared needs, then region. Left out: oneself,
     * existing or pending connections, blocks either way, a request declined either way in the last 90
     * days, paused or hidden members.
     */
    @Operation(operationId = "listConnectionSuggestions", summary = "Peers you might connect with",
               description = "Up to 20 visible members at a similar stage, each with the reasons (only areas both "
                             + "share with the network).")
    @GetMapping("/api/v1/connections/suggestions")
    Suggestions suggestions(Authentication auth) {
        Optional<Seeker> seeker = network.seeker(Viewer.of(auth).memberId());
        if (seeker.isEmpty() || seeker.get().stage() == null) {
            return new Suggestions(List.of());
        }
        Seeker self = seeker.get();
        Instant declinedSince = clock.instant().minus(DECLINE_MEMORY);
        List<String> stages = taxonomy.within(TaxonomyKind.STAGE, self.stage(), SIMILAR_STAGES);
        return new Suggestions(network.peersOf(self, stages, declinedSince, SUGGESTIONS).stream()
                .map(peer -> new Suggestion(peer.memberId().toString(), peer.displayName(), peer.stage(),
                        NetworkDisclosure.reasons(self, peer)))
                .toList());
    }

    /** {@code displayName} is null where the viewer may not learn it (a hidden member they asked to connect to). */
    record Person(String memberId, String displayName) {
    }

    record Connected(String connectionId, Person member, Instant since) {
    }

    record Incoming(String connectionId, Person from, String message, Instant requestedAt) {
    }

    record Outgoing(String connectionId, Person to, Instant requestedAt) {
    }

    record MyNetwork(List<Connected> connected, List<Incoming> incoming, List<Outgoing> outgoing) {
    }

    record Suggestion(String memberId, String displayName, String stage, List<String> reasons) {
    }

    record Suggestions(List<Suggestion> suggestions) {
    }
}
