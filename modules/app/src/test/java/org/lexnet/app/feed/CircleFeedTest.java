package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.circle.CircleSetup;
import org.lexnet.app.support.Api;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.query.feed.FeedDestinations;
import org.springframework.messaging.simp.user.SimpUser;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A circle's activity over STOMP: only its members may follow its topic, they see joins, sessions and
 * goals there; invitations reach the invitee's own queue; the network hears of a new circle by its
 * band and focus only. Every message is checked against docs/asyncapi.yaml.
 */
class CircleFeedTest extends FeedIntegrationTest {

    @Test
    void aCirclesTopicIsForItsMembersAndTheNetworkHearsOnlyBandAndFocus() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Feed facilitator", "SENIOR");
        Api.Member ann = setup.member("Feed Ann", "EMERGING", Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member stranger = setup.member("Feed stranger", "EMERGING");
        FeedClient annFeed = listen(ann);
        FeedClient strangerFeed = listen(stranger);

        Map<String, Object> body = CircleSetup.circle(List.of("EMERGING"), 4);
        body.put("open", false);
        body.put("areas", List.of("CARE_SYSTEM"));
        String circle = setup.open(facilitator, body).json().get("circleId").asText();
        JsonNode formed = awaitPublic(strangerFeed, "CIRCLE_FORMED",
                payload -> payload.get("total").asLong() > 0 && payload.get("stages").toString().contains("EMERGING"))
                .body().get("payload");
        assertThat(formed.fieldNames()).toIterable().containsExactlyInAnyOrder("stages", "focus", "total");

        invite(facilitator, ann, circle);
        awaitNotification(annFeed, "CIRCLE_INVITATION", field("circleId", circle));
        setup.joined(ann, circle);
        String topic = FeedDestinations.circleTopic(CircleId.of(circle));
        // the feed learns of the seat from the event stream; the subscription is checked against it
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject("select count(*) from feed_circle_member "
                + "where circle_id = ?::uuid and member_id = ?::uuid", Long.class, circle, ann.id()) == 1);
        annFeed.subscribe(topic);
        await().atMost(PROJECTION_WAIT).until(() -> subscriptions(ann) >= 3);

        FeedClient outsider = FeedClient.connect(port, stranger.token());
        clients.add(outsider);
        outsider.subscribe(topic);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(outsider.errors()).anySatisfy(error -> assertThat(error).contains("circles you sit in"));
            assertThat(outsider.isConnected()).isFalse();
        });

        List<Api.Member> others = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Api.Member member = setup.member("Feed member " + i, "EMERGING");
            invite(facilitator, member, circle);
            setup.joined(member, circle);
            others.add(member);
        }
        assertThat(setup.step(facilitator, circle, "start").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/circles/" + circle + "/sessions", facilitator.token(), Map.of(
                "date", LocalDate.now().toString(), "minutes", 45, "attendees", List.of(ann.id(), facilitator.id()),
                "note", "private note")).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/circles/" + circle + "/goals", others.get(0).token(),
                Map.of("text", "private goal")).status()).isEqualTo(200);
        assertThat(setup.step(others.get(2), circle, "leave").status()).isEqualTo(200);
        assertThat(setup.step(facilitator, circle, "close").status()).isEqualTo(200);

        JsonNode joined = awaitMessage(annFeed, topic, "CIRCLE_MEMBER_JOINED",
                payload -> others.get(0).id().equals(payload.path("other").path("memberId").asText()))
                .body().get("payload");
        assertThat(joined.get("other").get("displayName").asText()).isEqualTo("Feed member 0");
        assertThat(awaitMessage(annFeed, topic, "CIRCLE_SESSION_LOGGED", field("circleId", circle)).body()
                .get("payload").get("attended").asInt()).isEqualTo(2);
        awaitMessage(annFeed, topic, "CIRCLE_GOAL_SHARED", field("circleId", circle));
        awaitMessage(annFeed, topic, "CIRCLE_STARTED", field("circleId", circle));
        awaitMessage(annFeed, topic, "CIRCLE_MEMBER_LEFT", field("circleId", circle));
        awaitMessage(annFeed, topic, "CIRCLE_CLOSED", field("circleId", circle));
        assertThat(annFeed.on(topic).toString()).doesNotContain("private note", "private goal", "CARE_SYSTEM");

        // catching up: the circle's entries for its member, none for anyone else
        assertThat(kinds(catchUp(api, ann, 0, 200), circle)).contains("CIRCLE_MEMBER_JOINED", "CIRCLE_GOAL_SHARED");
        assertThat(kinds(catchUp(api, stranger, 0, 200), circle)).isEmpty();
        assertThat(strangerFeed.received().toString()).doesNotContain(circle, "Feed Ann", "CARE_SYSTEM");
    }

    private void invite(Api.Member facilitator, Api.Member member, String circle) {
        Api.Response invited = api.post("/api/v1/circles/" + circle + "/invitations", facilitator.token(),
                Map.of("memberId", member.id()));
        assertThat(invited.status()).as(invited.body()).isEqualTo(200);
    }

    private int subscriptions(Api.Member member) {
        SimpUser user = stompUsers.getUser(member.id());
        return user == null ? 0 : user.getSessions().stream().mapToInt(s -> s.getSubscriptions().size()).sum();
    }

    /** The kinds of the entries that concern this circle. */
    private static Set<String> kinds(List<JsonNode> entries, String circle) {
        Set<String> kinds = new HashSet<>();
        entries.stream().filter(e -> circle.equals(e.path("payload").path("circleId").asText()))
                .forEach(e -> kinds.add(e.get("kind").asText()));
        return kinds;
    }
}
