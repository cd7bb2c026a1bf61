package org.lexnet.app.circle;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What members see of circles: the circles they may join, their own, one circle with its members shown
 * as each one's consent allows (withdrawal included), the admin audit and statistics.
 */
class CircleReadsTest extends IntegrationTest {

    @Test
    void membersSeeEachOtherInACircleOnlyAsTheirConsentAllowsAndAWithdrawalHidesAtOnce() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Consent facilitator", "SENIOR");
        Map<String, Object> body = CircleSetup.circle(List.of("EMERGING"), 4);
        body.put("open", false);
        Api.Response created = setup.open(facilitator, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String circle = created.json().get("circleId").asText();

        Api.Member sharer = setup.member("Sharer", "EMERGING", Map.of("CARE_SYSTEM", "CIRCLE", "POVERTY", "MENTORS",
                "MENTAL_HEALTH", "NETWORK", "RACE_EQUALITY", "MATCHING"));
        Api.Member peer = setup.member("Peer", "EMERGING");
        Api.Member stranger = setup.member("Stranger", "EMERGING");
        for (Api.Member m : List.of(sharer, peer)) {
            assertThat(setup.join(m, circle).status()).as("private: by invitation only").isEqualTo(404);
            assertThat(api.post("/api/v1/circles/" + circle + "/invitations", facilitator.token(),
                    Map.of("memberId", m.id())).status()).isEqualTo(200);
            setup.joined(m, circle);
        }

        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(areasOf(api.get("/api/v1/circles/" + circle, peer.token()), sharer))
                        .containsExactly("CARE_SYSTEM", "MENTAL_HEALTH"));
        assertThat(areasOf(api.get("/api/v1/circles/" + circle, facilitator.token()), sharer))
                .containsExactly("CARE_SYSTEM", "MENTAL_HEALTH");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(areasOf(api.get("/api/v1/circles/" + circle, admin), sharer)).containsExactly("MENTAL_HEALTH");
        Api.Response outside = api.get("/api/v1/circles/" + circle, stranger.token());
        assertThat(outside.status()).isEqualTo(404);
        assertThat(outside.contentType()).startsWith("application/problem+json");
        // the profile widens the same way for circle peers
        assertThat(api.get("/api/v1/members/" + sharer.id(), peer.token()).json().get("livedExperience")
                .findValuesAsText("code")).containsExactlyInAnyOrder("CARE_SYSTEM", "MENTAL_HEALTH");

        assertThat(api.put("/api/v1/members/me/lived-experience", sharer.token(), Map.of("areas", List.of(
                Map.of("code", "CARE_SYSTEM", "visibility", "MENTORS"),
                Map.of("code", "MENTAL_HEALTH", "visibility", "NETWORK")))).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(areasOf(api.get("/api/v1/circles/" + circle, peer.token()), sharer))
                        .containsExactly("MENTAL_HEALTH"));
    }

    @Test
    void theJoinableListFollowsStageAndPreferencesAndMineListsMyCircles() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("List facilitator", "SENIOR");
        String fundraising = setup.opened(facilitator, List.of("ASPIRING", "EMERGING"), 6);
        Map<String, Object> otherFocus = CircleSetup.circle(List.of("EMERGING"), 6);
        otherFocus.put("focus", List.of("NEGOTIATION"));
        String negotiation = setup.open(facilitator, otherFocus).json().get("circleId").asText();
        Api.Member other = setup.facilitator("Other list facilitator", "SENIOR");
        String senior = setup.opened(other, List.of("SENIOR"), 6);

        Api.Member seeker = setup.member("Seeker", "EMERGING");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(joinable(seeker))
                .contains(fundraising, negotiation).doesNotContain(senior));
        assertThat(setup.preferences(seeker, 0).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(joinable(seeker))
                .contains(fundraising).doesNotContain(negotiation, senior));

        setup.joined(seeker, fundraising);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode mine = api.get("/api/v1/circles/mine", seeker.token()).json().get("items");
            assertThat(mine.findValuesAsText("circleId")).containsExactly(fundraising);
            assertThat(mine.get(0).get("myRole").asText()).isEqualTo("MEMBER");
            assertThat(mine.get(0).get("groundRules").findValuesAsText("code"))
                    .containsExactly("CONFIDENTIALITY", "CONSENT_OVER_STORIES", "NO_PARADING");
        });
        assertThat(joinable(seeker)).doesNotContain(fundraising);
        Api.Response badLimit = api.get("/api/v1/circles?limit=500", seeker.token());
        assertThat(badLimit.status()).isEqualTo(400);
        assertThat(badLimit.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theAdminAuditTellsTheWholeStoryAndStatisticsCountCircles() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Audited facilitator", "SENIOR");
        String circle = setup.opened(facilitator, List.of("EMERGING"), 4);
        List<Api.Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(setup.member("Audited " + i, "EMERGING"));
            setup.joined(members.get(i), circle);
        }
        assertThat(setup.step(facilitator, circle, "start").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/circles/" + circle + "/sessions", facilitator.token(), Map.of(
                "date", LocalDate.now().toString(), "minutes", 60,
                "attendees", List.of(members.get(0).id(), members.get(1).id()), "note", "Budgets")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/circles/" + circle + "/goals", members.get(0).token(),
                Map.of("text", "A first grant")).status()).isEqualTo(200);

        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response history = api.get("/api/v1/admin/circles/" + circle + "/history", admin);
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode events = history.json().get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("CircleCreatedEvent",
                "MemberJoinedCircleEvent", "MemberJoinedCircleEvent", "MemberJoinedCircleEvent",
                "MemberJoinedCircleEvent", "CircleStartedEvent", "CircleSessionLoggedEvent", "CircleGoalSharedEvent");
        assertThat(events.get(0).get("actorId").asText()).isEqualTo(facilitator.id());
        assertThat(events.get(7).get("payload").get("text").asText()).isEqualTo("A first grant");
        assertThat(api.get("/api/v1/admin/circles/" + circle + "/history", facilitator.token()).status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/admin/circles/" + members.get(0).id() + "/history", admin).status())
                .isEqualTo(404);

        // the member's export holds what they wrote in the circle
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode mine = api.get("/api/v1/members/me/export", members.get(0).token()).json().get("circles");
            assertThat(mine.get("goals").findValuesAsText("text")).containsExactly("A first grant");
            assertThat(mine.get("circles").findValuesAsText("role")).containsExactly("MEMBER");
        });

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode circles = api.get("/api/v1/admin/stats", admin).json().get("circles");
            assertThat(circles.get("active").asLong()).isPositive();
            assertThat(circles.get("sessionsHeld").asLong()).isPositive();
            assertThat(circles.get("members").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(circles.get("attendanceRate").asDouble()).isBetween(0.0, 1.0);
        });
    }

    private List<String> joinable(Api.Member member) {
        Api.Response page = api.get("/api/v1/circles?limit=200", member.token());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        return page.json().get("items").findValuesAsText("circleId");
    }

    private static List<String> areasOf(Api.Response circle, Api.Member member) {
        assertThat(circle.status()).as(circle.body()).isEqualTo(200);
        for (JsonNode m : circle.json().get("members")) {
            if (m.get("memberId").asText().equals(member.id())) {
                List<String> areas = new ArrayList<>();
                m.get("areas").forEach(a -> areas.add(a.asText()));
                return areas;
            }
        }
        return List.of("not a member");
    }
}
