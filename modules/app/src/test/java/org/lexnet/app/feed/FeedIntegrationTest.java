package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.query.feed.FeedDestinations;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the feed tests: the running app over real HTTP and real STOMP, members made through the
 * API, and helpers to listen, act and wait (bounded) for what arrives. After each test, every message
 * any client received must have matched docs/asyncapi.yaml.
 */
abstract class FeedIntegrationTest extends IntegrationTest {

    @Autowired
    protected SimpUserRegistry stompUsers;

    protected final List<FeedClient> clients = new ArrayList<>();

    @AfterEach
    void closeClientsAndCheckContract() {
        clients.forEach(FeedClient::close);
        clients.clear();
        assertThat(FeedContract.instance().violations()).as("messages that do not match docs/asyncapi.yaml")
                .isEmpty();
    }

    protected People people() {
        return new People(api);
    }

    /** A client of this node subscribed to the network topic and the member's own queue. */
    protected FeedClient listen(Api.Member member) {
        return listen(port, stompUsers, member);
    }

    /** The same on any node: waits until that node's broker registered both subscriptions. */
    protected FeedClient listen(int nodePort, SimpUserRegistry nodeUsers, Api.Member member) {
        FeedClient client = FeedClient.listeningOnceRegistered(nodePort, member.token(), nodeUsers, member.id());
        clients.add(client);
        return client;
    }

    /** Waits for a message of this kind on this destination that also fits the test's condition. */
    protected static FeedClient.Received awaitMessage(FeedClient client, String destination, String kind,
                                                      Predicate<JsonNode> payload) {
        return await().atMost(PROJECTION_WAIT).until(() -> client.on(destination).stream()
                        .filter(r -> r.kind().equals(kind) && payload.test(r.body().get("payload"))).findFirst(),
                java.util.Optional::isPresent).orElseThrow();
    }

    protected static FeedClient.Received awaitNotification(FeedClient client, String kind, Predicate<JsonNode> payload) {
        return awaitMessage(client, FeedDestinations.MY_NOTIFICATIONS, kind, payload);
    }

    protected static FeedClient.Received awaitPublic(FeedClient client, String kind, Predicate<JsonNode> payload) {
        return awaitMessage(client, FeedDestinations.NETWORK, kind, payload);
    }

    protected static Predicate<JsonNode> field(String name, String value) {
        return payload -> value.equals(payload.path(name).asText());
    }

    protected String requestConnection(Api.Member from, Api.Member to, String message) {
        return requestConnection(api, from, to, message);
    }

    protected static String requestConnection(Api node, Api.Member from, Api.Member to, String message) {
        Api.Response created = node.post("/api/v1/connections", from.token(),
                message == null ? Map.of("to", to.id()) : Map.of("to", to.id(), "message", message));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("connectionId").asText();
    }

    protected void answerConnection(Api.Member by, String connectionId, String answer) {
        Api.Response answered = api.post("/api/v1/connections/" + connectionId + "/" + answer, by.token(), null);
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
    }

    /** Two members connected: a request and its acceptance. */
    protected String connect(Api.Member from, Api.Member to) {
        String id = requestConnection(from, to, null);
        answerConnection(to, id, "accept");
        return id;
    }

    /** Changes whether the member is visible in the network (the rest of the profile as People makes it). */
    protected void setVisible(Api.Member member, String name, String stage, boolean visible) {
        Api.Response profile = api.put("/api/v1/members/me/profile", member.token(), Map.ofEntries(
                Map.entry("displayName", name), Map.entry("region", "LONDON"), Map.entry("remote", true),
                Map.entry("stage", stage), Map.entry("roles", List.of("PRACTITIONER")),
                Map.entry("sectors", List.of("CHARITY")), Map.entry("needs", List.of("FUNDRAISING_AND_FINANCE")),
                Map.entry("strengths", List.of("STRATEGIC_THINKING")), Map.entry("visibleInNetwork", visible)));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
    }

    /** The caller's catch-up feed after the cursor, every page (of the given size) followed to the end. */
    protected static List<JsonNode> catchUp(Api node, Api.Member member, long after, int pageSize) {
        List<JsonNode> entries = new ArrayList<>();
        long cursor = after;
        while (true) {
            Api.Response page = node.get("/api/v1/feed?after=" + cursor + "&limit=" + pageSize, member.token());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            JsonNode body = page.json();
            body.get("entries").forEach(entries::add);
            if (body.get("entries").isEmpty()) {
                assertThat(body.get("nextCursor").asLong()).isEqualTo(cursor);
                return entries;
            }
            cursor = body.get("nextCursor").asLong();
        }
    }
}
