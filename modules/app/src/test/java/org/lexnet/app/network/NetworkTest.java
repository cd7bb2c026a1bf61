package org.lexnet.app.network;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The peer network over real HTTP: connections, what they unlock, blocking, suggestions. */
@TestPropertySource(properties = "lexnet.data-dir=target/test-data-network")
class NetworkTest extends IntegrationTest {

    private People people;

    @BeforeEach
    void people() {
        people = new People(api);
    }

    private String request(Api.Member from, Api.Member to, String message) {
        Api.Response r = api.post("/api/v1/connections", from.token(),
                message == null ? Map.of("to", to.id()) : Map.of("to", to.id(), "message", message));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("connectionId").asText();
    }

    private JsonNode network(Api.Member member) {
        return api.get("/api/v1/connections", member.token()).json();
    }

    private List<String> areasSeen(Api.Member viewer, Api.Member member) {
        Api.Response r = api.get("/api/v1/members/" + member.id(), viewer.token());
        return r.status() == 404 ? null : r.json().get("livedExperience").findValuesAsText("code");
    }

    @Test
    void aConnectionIsRequestedAcceptedAndThenUnlocksEachOthersProfile() {
        Api.Member ada = people.member("Ada", "EMERGING", false, Map.of("CARE_SYSTEM", "NETWORK",
                "MENTAL_HEALTH", "MENTORS"));
        Api.Member bo = people.member("Bo", "EMERGING", true, Map.of());
        assertThat(areasSeen(bo, ada)).as("hidden from the network").isNull();

        String id = request(ada, bo, "We met at the assembly");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode incoming = network(bo).get("incoming");
            assertThat(incoming.findValuesAsText("connectionId")).containsExactly(id);
            assertThat(incoming.get(0).get("message").asText()).isEqualTo("We met at the assembly");
        });
        assertThat(network(ada).get("outgoing").findValuesAsText("connectionId")).containsExactly(id);

        assertThat(api.post("/api/v1/connections/" + id + "/accept", bo.token(), null).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(network(ada).get("connected").findValuesAsText("connectionId")).containsExactly(id));
        // connected: Bo sees hidden Ada and her NETWORK areas, nothing more
        assertThat(areasSeen(bo, ada)).containsExactly("CARE_SYSTEM");
        assertThat(network(bo).get("connected").get(0).get("member").get("displayName").asText()).isEqualTo("Ada");

        assertThat(api.delete("/api/v1/connections/" + id, ada.token()).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(areasSeen(bo, ada)).isNull());
    }

    @Test
    void eachSideTakesOnlyItsOwnStepsAndStrangersSeeNothing() {
        Api.Member ada = people.mentee("Ada");
        Api.Member bo = people.mentee("Bo");
        Api.Member stranger = people.mentee("Sam");
        String id = request(ada, bo, null);
        long events = eventCount(id);
        assertThat(api.post("/api/v1/connections/" + id + "/accept", stranger.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/connections/" + id + "/accept", ada.token(), null).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/connections/" + id + "/withdraw", bo.token(), null).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/connections/" + id, ada.token()).status()).isEqualTo(409);
        assertThat(eventCount(id)).isEqualTo(events);

        assertThat(api.post("/api/v1/connections/" + id + "/decline", bo.token(), null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/connections/" + id + "/accept", bo.token(), null).status()).isEqualTo(409);
        // after a decline a new request may be made (it is the other side's choice to accept or not)
        String again = request(ada, bo, "Second try");
        assertThat(api.post("/api/v1/connections/" + again + "/withdraw", ada.token(), null).status()).isEqualTo(200);

        Api.Response duplicate = api.post("/api/v1/connections", bo.token(), Map.of("to", ada.id()));
        assertThat(duplicate.status()).isEqualTo(201);
        Api.Response second = api.post("/api/v1/connections", ada.token(), Map.of("to", bo.id()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.contentType()).startsWith("application/problem+json");
        assertThat(api.post("/api/v1/connections", ada.token(), Map.of("to", "not-a-uuid")).status()).isEqualTo(400);
        assertThat(api.post("/api/v1/connections", ada.token(), Map.of("to", bo.id(), "message", "x".repeat(501)))
                .status()).isEqualTo(400);
    }

    @Test
    void simultaneousRequestsFromBothSidesGiveExactlyOneConnection() {
        for (int pair = 0; pair < 8; pair++) {
            Api.Member one = people.mentee("One " + pair);
            Api.Member other = people.mentee("Other " + pair);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Api.Response>> requests = new ArrayList<>();
            for (Api.Member[] direction : new Api.Member[][] {{one, other}, {other, one}}) {
                requests.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return api.post("/api/v1/connections", direction[0].token(), Map.of("to", direction[1].id()));
                }));
            }
            start.countDown();
            List<Integer> statuses = requests.stream().map(CompletableFuture::join).map(Api.Response::status)
                    .sorted().toList();
            assertThat(statuses).as("pair " + pair).containsExactly(201, 409);
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like "
                    + "'%ConnectionRequestedEvent' and convert_from(payload, 'UTF8') like ? and convert_from(payload, 'UTF8') like ?",
                    Long.class, "%" + one.id() + "%", "%" + other.id() + "%")).isEqualTo(1L);
        }
    }

    @Test
    void blockingEndsTheConnectionAndHidesEachFromTheOtherWithoutSayingSo() {
        Api.Member ada = people.member("Ada", "EMERGING", true, Map.of("CLASS_EQUALITY", "NETWORK"));
        Api.Member bo = people.member("Bo", "EMERGING", true, Map.of("CLASS_EQUALITY", "NETWORK"));
        people.offer(ada, 1, true);
        String id = request(bo, ada, null);
        api.post("/api/v1/connections/" + id + "/accept", ada.token(), null);

        assertThat(api.post("/api/v1/members/" + bo.id() + "/block", ada.token(), null).status()).isEqualTo(204);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(network(bo).get("connected")).isEmpty();
            assertThat(areasSeen(bo, ada)).isNull();
            assertThat(areasSeen(ada, bo)).isNull();
        });
        // Bo cannot ask again, nor ask Ada to mentor them; nothing says "blocked"
        Api.Response again = api.post("/api/v1/connections", bo.token(), Map.of("to", ada.id()));
        assertThat(again.status()).isBetween(400, 499);
        assertThat(again.body().toLowerCase()).doesNotContain("block");
        Api.Response mentoring = api.post("/api/v1/mentorships", bo.token(), Map.of("mentorId", ada.id()));
        assertThat(mentoring.status()).isEqualTo(409);
        assertThat(mentoring.body().toLowerCase()).doesNotContain("block");
        assertThat(network(bo).toString().toLowerCase()).doesNotContain("block");
        assertThat(api.get("/api/v1/connections/suggestions", bo.token()).json().get("suggestions")
                .findValuesAsText("memberId")).doesNotContain(ada.id());

        assertThat(api.delete("/api/v1/members/" + bo.id() + "/block", ada.token()).status()).isEqualTo(204);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(areasSeen(bo, ada)).isNotNull());
        assertThat(api.post("/api/v1/connections", bo.token(), Map.of("to", ada.id())).status()).isEqualTo(201);
    }

    @Test
    void suggestionsArePeersAtASimilarStageRankedBySharedOpenExperienceWithReasons() {
        Api.Member me = people.member("Me", "EMERGING", true, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK",
                "WAR_AND_TRAUMA", "MATCHING"));
        Api.Member kindred = people.member("Kindred", "EXPERIENCED", true, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK"));
        Api.Member privately = people.member("Private sharer", "EMERGING", true,
                Map.of("FORCED_CHILD_MARRIAGE", "MATCHING", "WAR_AND_TRAUMA", "NETWORK"));
        Api.Member tooFar = people.member("Too far", "SENIOR", true, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK"));
        Api.Member hidden = people.member("Hidden", "EMERGING", false, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK"));
        Api.Member paused = people.member("Paused", "EMERGING", true, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK"));
        api.post("/api/v1/members/me/pause", paused.token(), null);
        Api.Member decliner = people.member("Decliner", "EMERGING", true, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK"));
        String declined = request(me, decliner, null);
        api.post("/api/v1/connections/" + declined + "/decline", decliner.token(), null);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode suggestions = api.get("/api/v1/connections/suggestions", me.token()).json().get("suggestions");
            List<String> ids = suggestions.findValuesAsText("memberId");
            assertThat(ids).isNotEmpty();
            assertThat(ids.get(0)).isEqualTo(kindred.id());
            assertThat(ids).doesNotContain(me.id(), tooFar.id(), hidden.id(), paused.id(), decliner.id());
            // sharing only for matching does not rank: kindred (shared with the network) comes first
            assertThat(ids.indexOf(privately.id())).isNotZero();
        });
        JsonNode first = api.get("/api/v1/connections/suggestions", me.token()).json().get("suggestions").get(0);
        assertThat(first.get("reasons").toString()).contains("FORCED_CHILD_MARRIAGE");
        // an area either side keeps for matching is never a reason
        assertThat(api.get("/api/v1/connections/suggestions", me.token()).body()).doesNotContain("WAR_AND_TRAUMA");
    }
}
