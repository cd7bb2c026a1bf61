package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.replay.OperationsFeed;
import org.lexnet.app.support.Api;
import org.lexnet.query.feed.FeedDestinations;
import org.lexnet.query.feed.FeedKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/asyncapi.yaml against the running app: the channels are exactly the destinations a client may
 * subscribe to, every kind the app can emit is declared on the channel of its audience and nothing
 * else is, and the messages the app really sends (live and from the catch-up endpoint) fit the
 * declared schemas, every field declared. Every feed test also checks each message it receives
 * ({@link FeedClient}); PROPOSAL_EXPIRED is sent for real in {@link FeedAcrossNodesTest}, whose second
 * node has a short proposal deadline. The admins' operations channel is checked the same way by the
 * replay tests ({@code ReadModelReplayTest}).
 */
class FeedAsyncApiTest extends FeedIntegrationTest {

    private final FeedContract contract = FeedContract.instance();

    @Test
    void theDocumentIsAsyncApi3AndEveryReferenceResolves() {
        JsonNode document = contract.document();
        assertThat(document.get("asyncapi").asText()).startsWith("3.");
        List<JsonNode> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).isNotEmpty().allSatisfy(ref -> assertThat(contract.resolve(ref)).isNotNull());
        document.get("operations").forEach(operation -> {
            assertThat(operation.get("action").asText()).isEqualTo("receive");
            assertThat(contract.resolve(operation.get("channel")).get("address")).isNotNull();
        });
        document.get("servers").forEach(server -> {
            assertThat(server.get("pathname").asText()).isEqualTo("/ws");
            server.get("security").forEach(scheme -> assertThat(contract.resolve(scheme).get("type")).isNotNull());
        });
    }

    @Test
    void itDeclaresExactlyTheDestinationsAClientMaySubscribeTo() {
        Set<String> destinations = new HashSet<>(FeedDestinations.SUBSCRIBABLE);
        destinations.add(OperationsFeed.DESTINATION);
        destinations.add(FeedDestinations.CIRCLE_TOPIC);
        assertThat(contract.channels().keySet()).isEqualTo(destinations);
    }

    @Test
    void everyKindTheAppCanEmitIsDeclaredOnTheChannelOfItsAudienceAndNoOtherKindIs() {
        Map<String, Map<String, JsonNode>> channels = contract.channels();
        for (FeedKind kind : FeedKind.values()) {
            assertThat(channels.get(destinationOf(kind))).as(kind.name()).containsKey(kind.name());
        }
        assertThat(channels.get(OperationsFeed.DESTINATION)).containsOnlyKeys("REPLAY_PROGRESS");
        Set<String> declared = channels.values().stream().flatMap(kinds -> kinds.keySet().stream())
                .collect(Collectors.toSet());
        Set<String> emitted = Arrays.stream(FeedKind.values()).map(Enum::name).collect(Collectors.toSet());
        emitted.add("REPLAY_PROGRESS");
        assertThat(declared).isEqualTo(emitted);
    }

    @Test
    void whatTheAppReallySendsMatchesTheDocument() {
        Api.Member ann = people().member("Ann", "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member bea = people().member("Bea", "EMERGING", true, Map.of());
        Api.Member hid = people().member("Hid", "EMERGING", false, Map.of());
        Api.Member mentor = people().mentor("Mel", 2);
        Api.Member declined = people().mentee("Ed");
        Api.Member accepted = people().mentee("Flo");
        List<Api.Member> everyone = List.of(ann, bea, hid, mentor, declined, accepted);
        List<FeedClient> feeds = everyone.stream().map(this::listen).toList();

        people().offer(bea, 1, true);
        connect(ann, bea);
        assertThat(api.post("/api/v1/members/" + bea.id() + "/endorsements", ann.token(),
                Map.of("competency", "STRATEGIC_THINKING", "text", "Sees the whole board")).status()).isEqualTo(201);
        answerConnection(mentor, requestConnection(ann, mentor, "hello"), "decline");
        answerConnection(hid, requestConnection(hid, bea, null), "withdraw");
        String declinedPairing = people().requestDirect(declined, mentor);
        assertThat(api.post("/api/v1/mentorships/" + declinedPairing + "/decline", mentor.token(),
                Map.of("reason", "not now")).status()).isEqualTo(200);
        String pairing = people().requestDirect(accepted, mentor);
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/complete", accepted.token(), null).status())
                .isEqualTo(200);

        Set<String> expected = Arrays.stream(FeedKind.values()).map(Enum::name).collect(Collectors.toSet());
        expected.remove(FeedKind.PROPOSAL_EXPIRED.name());
        // circles' entries are sent and checked against the document by CircleFeedTest
        Arrays.stream(FeedKind.values()).filter(kind -> kind.name().startsWith("CIRCLE_"))
                .forEach(kind -> expected.remove(kind.name()));
        // opportunities' entries are sent and checked against the document by OpportunityFeedTest
        Arrays.stream(FeedKind.values()).filter(kind -> kind.name().startsWith("OPPORTUNITY_"))
                .forEach(kind -> expected.remove(kind.name()));
        // reminders come only after hours or days: ReminderTest checks their shape against this document
        expected.remove(FeedKind.PROPOSAL_REMINDER.name());
        expected.remove(FeedKind.SESSION_NUDGE.name());
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(kindsReceived(feeds)).containsAll(expected));

        // the catch-up endpoint sends the same shapes
        for (Api.Member member : everyone) {
            for (JsonNode entry : catchUp(api, member, 0, 200)) {
                contract.check(destinationOf(FeedKind.valueOf(entry.get("kind").asText())), entry);
            }
        }
        assertThat(contract.violations()).isEmpty();
    }

    private static Set<String> kindsReceived(List<FeedClient> feeds) {
        Set<String> kinds = new HashSet<>();
        feeds.forEach(feed -> feed.received().forEach(r -> kinds.add(r.kind())));
        return kinds;
    }

    private static String destinationOf(FeedKind kind) {
        return switch (kind.audience()) {
            case NETWORK -> FeedDestinations.NETWORK;
            case MEMBER -> FeedDestinations.MY_NOTIFICATIONS;
            case CIRCLE -> FeedDestinations.CIRCLE_TOPIC;
        };
    }

    private static void collectReferences(JsonNode node, List<JsonNode> references) {
        if (node.has("$ref")) {
            references.add(node);
        }
        node.forEach(child -> collectReferences(child, references));
    }
}
