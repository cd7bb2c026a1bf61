package org.lexnet.app.feed;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.query.feed.FeedDestinations;
import org.springframework.messaging.simp.stomp.StompSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Who may connect and what they may subscribe to: a CONNECT without a valid bearer token is refused,
 * and so is any destination other than the public topic and the member's own queue. The catch-up
 * endpoint needs a token and sane parameters.
 */
class FeedAccessTest extends FeedIntegrationTest {

    @Test
    void aConnectWithoutAValidBearerTokenIsRefused() throws Exception {
        Api.Member member = api.register("Ada");
        String tampered = member.token().substring(0, member.token().length() - 4) + "AAAA";
        List<String> tokens = new ArrayList<>();
        tokens.add(null);
        tokens.add("not-a-token");
        tokens.add(tampered);
        for (String token : tokens) {
            FeedClient.Handler handler = new FeedClient.Handler();
            CompletableFuture<StompSession> session = FeedClient.attempt(port, token, handler);
            assertThatThrownBy(() -> session.get(10, TimeUnit.SECONDS)).as("CONNECT with %s", token)
                    .isInstanceOf(ExecutionException.class);
            assertThat(handler.errors).as("ERROR frame for %s", token).anySatisfy(message ->
                    assertThat(message).containsAnyOf("Authorization: Bearer", "not valid"));
        }
    }

    @Test
    void subscribingToAnythingButThePublicTopicAndTheOwnQueueIsRefused() {
        Api.Member member = api.register("Ben");
        Api.Member other = api.register("Cleo");
        List<String> refused = List.of(
                "/user/" + other.id() + "/queue/notifications",
                "/user/" + member.id() + "/queue/notifications",
                "/topic/anything",
                "/topic/network/extra",
                "/queue/notifications",
                "/user/queue/anything");
        for (String destination : refused) {
            FeedClient client = FeedClient.connect(port, member.token());
            clients.add(client);
            client.subscribe(destination);
            await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
                assertThat(client.errors()).as(destination).anySatisfy(message ->
                        assertThat(message).contains("you may subscribe only to"));
                assertThat(client.isConnected()).as("closed after refusing %s", destination).isFalse();
            });
        }

        FeedClient sender = FeedClient.connect(port, member.token());
        clients.add(sender);
        sender.send("/app/feed", Map.of("kind", "CONNECTION_MADE"));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(sender.errors()).anySatisfy(message -> assertThat(message).contains("receive-only"));
            assertThat(sender.isConnected()).isFalse();
        });

        // the two allowed destinations are accepted
        FeedClient allowed = listen(member);
        assertThat(allowed.isConnected()).isTrue();
        assertThat(allowed.errors()).isEmpty();
        assertThat(FeedDestinations.SUBSCRIBABLE).containsExactlyInAnyOrder("/topic/network",
                "/user/queue/notifications");
    }

    @Test
    void theCatchUpEndpointNeedsATokenAndSaneParameters() {
        Api.Member member = api.register("Dev");
        Api.Response anonymous = api.get("/api/v1/feed", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        for (String query : List.of("limit=0", "limit=201", "after=-1", "after=abc", "limit=ten")) {
            Api.Response bad = api.get("/api/v1/feed?" + query, member.token());
            assertThat(bad.status()).as(query).isEqualTo(400);
            assertThat(bad.contentType()).as(query).startsWith("application/problem+json");
        }
        Api.Response empty = api.get("/api/v1/feed?after=" + Long.MAX_VALUE + "&limit=200", member.token());
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.json().get("entries")).isEmpty();
        assertThat(empty.json().get("nextCursor").asLong()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theCatchUpEndpointAnswersFiftyEntriesUnlessToldOtherwise() {
        Api.Member mentor = people().member("Eve", "SENIOR", false, Map.of());
        Api.Member reader = api.register("Fin");
        long head = catchUp(api, reader, 0, 200).stream().mapToLong(e -> e.get("cursor").asLong()).max()
                .orElse(0);
        // each reopened offer is a new public entry
        for (int i = 0; i < 51; i++) {
            people().offer(mentor, 1, true);
            people().offer(mentor, 1, false);
        }
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                catchUp(api, reader, head, 200)).hasSizeGreaterThanOrEqualTo(51));
        assertThat(api.get("/api/v1/feed?after=" + head, reader.token()).json().get("entries")).hasSize(50);
        assertThat(api.get("/api/v1/feed?after=" + head + "&limit=10", reader.token()).json().get("entries"))
                .hasSize(10);
        assertThat(api.get("/api/v1/feed?after=" + head + "&limit=200", reader.token()).json().get("entries")
                .size()).isGreaterThanOrEqualTo(51);
    }
}
