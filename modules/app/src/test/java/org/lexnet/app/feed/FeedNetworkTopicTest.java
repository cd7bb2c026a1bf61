package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.query.feed.FeedDestinations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The public topic shows what members opted in to show and nothing else: connections only between two
 * visible members, mentor offers as a stage, pairings as counts; never lived experience, never the
 * name of someone hidden. Hiding later takes the name out of entries already stored.
 */
class FeedNetworkTopicTest extends FeedIntegrationTest {

    @Test
    void thePublicTopicShowsOptedInActivityAndNothingElse() {
        Api.Member observer = people().member("Obi", "EMERGING", false, Map.of());
        Api.Member vera = people().member("Vera", "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member wes = people().member("Wes", "EXPERIENCED", true, Map.of("HOMELESSNESS_HOUSING", "NETWORK"));
        Api.Member hana = people().member("Hana", "EMERGING", false,
                Map.of("MENTAL_HEALTH", "NETWORK", "MIGRANT_REFUGEE_RIGHTS", "MATCHING"));
        FeedClient feed = listen(observer);

        connect(vera, wes);
        JsonNode made = awaitPublic(feed, "CONNECTION_MADE", p -> p.get("members").size() == 2
                && p.toString().contains(vera.id()) && p.toString().contains(wes.id())).body();
        assertThat(made.get("payload").get("members").findValuesAsText("displayName"))
                .containsExactlyInAnyOrder("Vera", "Wes");

        // a hidden member asks a visible one: a connection, but no public entry
        connect(hana, vera);
        // a hidden member with lived experience opens a mentor offer: a stage, nobody named
        people().offer(hanaAsSenior(hana), 2, true);
        JsonNode offer = awaitPublic(feed, "MENTOR_OFFER_OPENED", p -> "SENIOR".equals(p.path("stage").asText()))
                .body();
        assertThat(fieldNames(offer.get("payload"))).containsExactly("stage");

        // pairings: counts only
        Api.Member mentor = people().mentor("Mentor Mo", 2);
        Api.Member mentee = people().mentee("Mentee Mel");
        String pairing = people().requestDirect(mentee, mentor);
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        JsonNode started = awaitPublic(feed, "PAIRING_STARTED", p -> p.path("total").asLong() >= 1).body();
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/complete", mentee.token(), null).status())
                .isEqualTo(200);
        JsonNode completed = awaitPublic(feed, "PAIRING_COMPLETED", p -> p.path("total").asLong() >= 1).body();
        assertThat(fieldNames(started.get("payload"))).containsExactly("total");
        assertThat(fieldNames(completed.get("payload"))).containsExactly("total");

        // by now every entry from Hana's connection was delivered (entries arrive in cursor order)
        List<FeedClient.Received> network = feed.on(FeedDestinations.NETWORK);
        assertThat(network).extracting(FeedClient.Received::cursor).isSorted().doesNotHaveDuplicates();
        for (FeedClient.Received entry : network) {
            String body = entry.body().toString();
            assertThat(body).doesNotContain(hana.id(), "Hana", "CARE_SYSTEM", "HOMELESSNESS_HOUSING",
                    "MENTAL_HEALTH", "MIGRANT_REFUGEE_RIGHTS", mentor.id(), mentee.id(), "Mentor Mo", "Mentee Mel");
        }
        // the observer is hidden and has no notifications of their own: nobody else's arrived
        assertThat(feed.on(FeedDestinations.MY_NOTIFICATIONS)).isEmpty();
    }

    @Test
    void hidingFromTheNetworkTakesTheNameOutOfStoredEntriesAndKeepsItOutOfNewOnes() {
        Api.Member observer = people().member("Ivo", "EMERGING", false, Map.of());
        Api.Member kit = people().member("Kit", "EMERGING", true, Map.of());
        Api.Member lou = people().member("Lou", "EMERGING", true, Map.of());
        Api.Member max = people().member("Max", "EMERGING", true, Map.of());
        FeedClient feed = listen(observer);

        connect(kit, lou);
        long made = awaitPublic(feed, "CONNECTION_MADE", p -> p.toString().contains(kit.id())).cursor();

        setVisible(kit, "Kit", "EMERGING", false);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode stored = api.get("/api/v1/feed?after=" + (made - 1) + "&limit=1", observer.token()).json()
                    .get("entries").get(0);
            assertThat(stored.get("cursor").asLong()).isEqualTo(made);
            assertThat(stored.at("/payload/members")).as("nobody named once one side hid").isEmpty();
            assertThat(stored.toString()).doesNotContain(kit.id(), "Kit", lou.id());
        });

        // a later connection of the now hidden member is not public at all
        connect(kit, max);
        connect(lou, max);
        awaitPublic(feed, "CONNECTION_MADE", p -> p.toString().contains(max.id()));
        List<String> publicBodies = new ArrayList<>();
        feed.on(FeedDestinations.NETWORK).stream().filter(r -> r.cursor() > made)
                .forEach(r -> publicBodies.add(r.body().toString()));
        assertThat(publicBodies).noneMatch(b -> b.contains(kit.id()) || b.contains("Kit"));
    }

    /** Hana says she is SENIOR, still hidden: a mentor offer needs no visibility. */
    private Api.Member hanaAsSenior(Api.Member hana) {
        setVisible(hana, "Hana", "SENIOR", false);
        return hana;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
