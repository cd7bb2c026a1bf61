package org.lexnet.app.circle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An admin formation round over real HTTP: members who want a circle are formed into one with a
 * facilitator, the circle is opened and they are invited; they accept or decline; the round and the
 * circle's audit record it. The members here meet in person on weekends in one region, so no other
 * test's members (remote, evenings) can share their circle.
 */
class CircleRoundTest extends IntegrationTest {

    private static final String REGION = "NORTH_EAST";

    @Test
    void aRoundFormsACircleOpensItAndInvitesItsMembersWhoAcceptOrDecline() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.member("Round facilitator", "SENIOR");
        assertThat(preferences(facilitator, 1).status()).isEqualTo(200);
        List<Api.Member> seekers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Member seeker = setup.member("Round seeker " + i, i < 3 ? "EMERGING" : "EXPERIENCED");
            assertThat(preferences(seeker, 0).status()).isEqualTo(200);
            seekers.add(seeker);
        }
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.post("/api/v1/admin/circle-rounds", seekers.get(0).token(), null).status()).isEqualTo(403);

        // the round reads the pools, which follow the events: wait until they hold every member
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from circle_pool_seeker s join matching_member m using (member_id) "
                + "where m.stage is not null and s.member_id = any (?::uuid[])", Long.class,
                (Object) ids(seekers, facilitator)) == 6);
        Api.Response started = api.post("/api/v1/admin/circle-rounds", admin, null);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String round = started.json().get("roundId").asText();

        JsonNode result = await().atMost(PROJECTION_WAIT).until(
                () -> api.get("/api/v1/admin/circle-rounds/" + round, admin).json(),
                r -> !"RUNNING".equals(r.get("status").asText()));
        assertThat(result.get("status").asText()).as(result.toString()).isEqualTo("COMPLETED");
        assertThat(result.get("totalFit").asDouble()).isLessThanOrEqualTo(result.get("upperBound").asDouble() + 1e-9);
        JsonNode mine = null;
        for (JsonNode circle : result.get("circles")) {
            if (circle.get("members").toString().contains(seekers.get(0).id())) {
                mine = circle;
            }
        }
        assertThat(mine).as(result.toString()).isNotNull();
        Set<String> members = new HashSet<>();
        mine.get("members").forEach(m -> members.add(m.asText()));
        assertThat(members).containsExactlyInAnyOrderElementsOf(List.of(ids(seekers)));
        assertThat(mine.get("facilitatorId").asText()).isEqualTo(facilitator.id());
        assertThat(mine.get("stages").toString()).contains("EMERGING", "EXPERIENCED");
        assertThat(mine.get("region").asText()).isEqualTo(REGION);
        assertThat(mine.get("reasons")).isNotEmpty();
        assertThat(mine.get("fit").asDouble()).isPositive();
        String circle = mine.get("circleId").asText();

        // every member was invited by the round; one accepts, one declines
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%MemberInvitedToCircleEvent'", Long.class, circle)).isEqualTo(5);
        setup.joined(seekers.get(0), circle);
        assertThat(setup.step(seekers.get(1), circle, "decline").status()).isEqualTo(200);
        assertThat(setup.join(seekers.get(1), circle).status()).as("a private circle, invitation declined")
                .isEqualTo(404);

        JsonNode history = api.get("/api/v1/admin/circles/" + circle + "/history", admin).json().get("events");
        List<String> types = history.findValuesAsText("type");
        assertThat(types.get(0)).isEqualTo("CircleCreatedEvent");
        assertThat(types).contains("RoundCircleFormedEvent", "MemberJoinedCircleEvent",
                "CircleInvitationDeclinedEvent");
        assertThat(history.get(0).get("actorId").asText()).as("the admin who ran the round")
                .isEqualTo(result.get("requestedBy").asText());

        assertThat(api.get("/api/v1/admin/circle-rounds/" + UUID.randomUUID(), admin).status())
                .isEqualTo(404);
    }

    private Api.Response preferences(Api.Member member, int facilitate) {
        return api.put("/api/v1/members/me/circle-preferences", member.token(), Map.of(
                "focus", List.of("BUILDING_TEAMS"), "remote", false, "region", REGION, "slots", List.of("WEEKEND"),
                "facilitate", facilitate));
    }

    private static String[] ids(List<Api.Member> members, Api.Member... more) {
        List<String> ids = new ArrayList<>(members.stream().map(Api.Member::id).toList());
        for (Api.Member m : more) {
            ids.add(m.id());
        }
        return ids.toArray(String[]::new);
    }
}
