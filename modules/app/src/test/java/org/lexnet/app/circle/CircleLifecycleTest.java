package org.lexnet.app.circle;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A circle's life over HTTP: opened by a facilitator, joined, started, met, closed; the stage rule; the
 * limit of two circles per member; and every bad step refused with a problem and no event stored.
 */
class CircleLifecycleTest extends IntegrationTest {

    @Test
    void aCircleFormsStartsMeetsAndCloses() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Fran Facilitator", "SENIOR");
        String circle = setup.opened(facilitator, List.of("EMERGING", "EXPERIENCED"), 5);
        List<Api.Member> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            members.add(setup.member("Circle member " + i, i % 2 == 0 ? "EMERGING" : "EXPERIENCED"));
        }
        setup.joined(members.get(0), circle);
        setup.joined(members.get(1), circle);
        setup.joined(members.get(2), circle);

        assertProblem(setup.step(facilitator, circle, "start"), 409, circle, "at least 4 members");
        setup.joined(members.get(3), circle);
        assertProblem(setup.step(members.get(0), circle, "start"), 403, circle, "facilitator");
        assertThat(setup.step(facilitator, circle, "start").status()).isEqualTo(200);

        Api.Response session = api.post("/api/v1/circles/" + circle + "/sessions", facilitator.token(), Map.of(
                "date", LocalDate.now().toString(), "minutes", 90,
                "attendees", List.of(members.get(0).id(), members.get(1).id(), facilitator.id()),
                "note", "We mapped our funders"));
        assertThat(session.status()).as(session.body()).isEqualTo(200);
        assertThat(api.post("/api/v1/circles/" + circle + "/goals", members.get(2).token(),
                Map.of("text", "Apply to two trusts by spring")).status()).isEqualTo(200);
        assertThat(setup.step(members.get(3), circle, "leave").status()).isEqualTo(200);
        assertThat(setup.step(facilitator, circle, "close").status()).isEqualTo(200);

        assertProblem(setup.join(members.get(3), circle), 409, circle, "closed");
        assertProblem(api.post("/api/v1/circles/" + circle + "/goals", members.get(2).token(),
                Map.of("text", "Too late")), 409, circle, "closed");
        assertThat(types(circle)).containsExactly("CircleCreatedEvent", "MemberJoinedCircleEvent",
                "MemberJoinedCircleEvent", "MemberJoinedCircleEvent", "MemberJoinedCircleEvent", "CircleStartedEvent",
                "CircleSessionLoggedEvent", "CircleGoalSharedEvent", "MemberLeftCircleEvent", "CircleClosedEvent");
        // the goal and the note are sealed with their writers' keys, like all personal text
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? and "
                + "convert_from(payload, 'UTF8') like any (array['%trusts%', '%funders%'])", Long.class, circle))
                .isZero();
    }

    @Test
    void onlyMembersOfTheBandJoinAndFacilitatorsLeadOnlyAtOrAboveIt() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Eve Experienced", "EXPERIENCED");
        String circle = setup.opened(facilitator, List.of("EMERGING"), 4);
        for (String stage : List.of("ASPIRING", "EXPERIENCED", "SENIOR")) {
            assertProblem(setup.join(setup.member("Wrong stage " + stage, stage), circle), 409, circle,
                    "for EMERGING leaders");
        }
        setup.joined(setup.member("Right stage", "EMERGING"), circle);

        long before = circlesCreated();
        Api.Response aboveTheFacilitator = setup.open(facilitator, CircleSetup.circle(List.of("SENIOR"), 6));
        assertThat(aboveTheFacilitator.status()).isEqualTo(409);
        assertThat(aboveTheFacilitator.json().get("detail").asText()).contains("below the circle's band");
        Api.Member emerging = setup.member("Eager emerging", "EMERGING");
        Api.Response cannotAgree = setup.preferences(emerging, 1);
        assertThat(cannotAgree.status()).isEqualTo(400);
        assertThat(cannotAgree.body()).contains("facilitate");
        Api.Response notAgreed = setup.open(emerging, CircleSetup.circle(List.of("ASPIRING"), 6));
        assertThat(notAgreed.status()).isEqualTo(409);
        assertThat(notAgreed.json().get("detail").asText()).contains("EXPERIENCED or SENIOR");
        Api.Response notAdjacent = setup.open(facilitator, CircleSetup.circle(List.of("ASPIRING", "EXPERIENCED"), 6));
        assertThat(notAdjacent.status()).isEqualTo(400);
        assertThat(notAdjacent.body()).contains("adjacent");
        assertThat(circlesCreated()).isEqualTo(before);
    }

    @Test
    void badCirclesAndBadJoinsAreRefusedAndStoreNothing() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Strict facilitator", "SENIOR");
        long before = circlesCreated();
        for (int seats : List.of(3, 9)) {
            Api.Response tooMany = setup.open(facilitator, CircleSetup.circle(List.of("EMERGING"), seats));
            assertThat(tooMany.status()).isEqualTo(400);
            assertThat(tooMany.contentType()).startsWith("application/problem+json");
            assertThat(tooMany.json().get("errors").get(0).get("field").asText()).isEqualTo("seats");
        }
        Map<String, Object> unknownFocus = CircleSetup.circle(List.of("EMERGING"), 6);
        unknownFocus.put("focus", List.of("JUGGLING"));
        assertThat(setup.open(facilitator, unknownFocus).status()).isEqualTo(400);
        Map<String, Object> noRegion = CircleSetup.circle(List.of("EMERGING"), 6);
        noRegion.put("remote", false);
        assertThat(setup.open(facilitator, noRegion).status()).isEqualTo(400);
        assertThat(circlesCreated()).isEqualTo(before);

        String circle = setup.opened(facilitator, List.of("EMERGING"), 4);
        for (int i = 0; i < 4; i++) {
            setup.joined(setup.member("Seat " + i, "EMERGING"), circle);
        }
        Api.Member late = setup.member("Latecomer", "EMERGING");
        assertProblem(setup.join(late, circle), 409, circle, "full");
        Api.Response withoutRules = api.post("/api/v1/circles/" + circle + "/join", late.token(),
                Map.of("acceptGroundRules", false));
        assertThat(withoutRules.status()).isIn(400, 409);

        Api.Response unknown = setup.join(late, java.util.UUID.randomUUID().toString());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aMemberSitsInAtMostTwoCirclesThatAreNotClosed() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Busy facilitator", "SENIOR");
        Api.Member other = setup.facilitator("Other facilitator", "SENIOR");
        String first = setup.opened(facilitator, List.of("EMERGING"), 4);
        String second = setup.opened(facilitator, List.of("EMERGING"), 4);
        String third = setup.opened(other, List.of("EMERGING"), 4);
        assertProblem(setup.open(facilitator, CircleSetup.circle(List.of("EMERGING"), 4)), 409, null,
                "already facilitates 2");
        Api.Member keen = setup.member("Keen member", "EMERGING");
        setup.joined(keen, first);
        setup.joined(keen, second);
        assertProblem(setup.join(keen, third), 409, third, "already sit in 2 circles");
        assertThat(setup.step(facilitator, first, "close").status()).isEqualTo(200);
        setup.joined(keen, third);
    }

    @Test
    void anErasedMemberLeavesTheirCirclesAndAnErasedFacilitatorsCircleCloses() {
        CircleSetup setup = new CircleSetup(api);
        Api.Member facilitator = setup.facilitator("Leaving facilitator", "SENIOR");
        Api.Member steady = setup.facilitator("Steady facilitator", "SENIOR");
        String led = setup.opened(facilitator, List.of("EMERGING"), 4);
        String kept = setup.opened(steady, List.of("EMERGING"), 4);
        Api.Member leaving = setup.member("Leaving member", "EMERGING");
        setup.joined(leaving, kept);
        setup.joined(leaving, led);

        erase(leaving);
        erase(facilitator);

        assertThat(types(kept)).endsWith("MemberLeftCircleEvent");
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domain_event_entry where "
                + "aggregate_identifier = ? order by sequence_number desc limit 1", String.class, kept))
                .contains("ERASED");
        assertThat(types(led)).endsWith("CircleClosedEvent");
    }

    private void erase(Api.Member member) {
        Api.Response erased = api.call("DELETE", "/api/v1/members/me").token(member.token())
                .json(Map.of("password", member.password())).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
    }

    /** A problem with this status whose detail says why, and no event stored on the circle for it. */
    private void assertProblem(Api.Response response, int status, String circle, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asText()).contains(detail);
        if (circle != null) {
            assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(meta_data, "
                    + "'UTF8') like ?", Long.class, "%\"correlationId\":\"" + response.header("X-Correlation-Id")
                    + "\"%")).isZero();
        }
    }

    private List<String> types(String circle) {
        return jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "order by sequence_number", String.class, circle).stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }

    private long circlesCreated() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like "
                + "'%CircleCreatedEvent'", Long.class);
        return n == null ? 0 : n;
    }
}
