package org.lexnet.app.circle;

import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Makes facilitators, members and circles through the real HTTP API, for the circle tests. */
public final class CircleSetup {

    private final Api api;
    private final People people;

    public CircleSetup(Api api) {
        this.api = api;
        this.people = new People(api);
    }

    /** A member at a stage who agreed to facilitate (only EXPERIENCED and SENIOR may). */
    public Api.Member facilitator(String name, String stage) {
        Api.Member m = people.member(name, stage, true, Map.of());
        Api.Response prefs = preferences(m, 2);
        assertThat(prefs.status()).as(prefs.body()).isEqualTo(200);
        return m;
    }

    public Api.Member member(String name, String stage) {
        return people.member(name, stage, true, Map.of());
    }

    public Api.Member member(String name, String stage, Map<String, String> areas) {
        return people.member(name, stage, true, areas);
    }

    public Api.Response preferences(Api.Member m, int facilitate) {
        return api.put("/api/v1/members/me/circle-preferences", m.token(), Map.of(
                "focus", List.of("FUNDRAISING_AND_FINANCE"), "remote", true, "slots", List.of("EVENING"),
                "facilitate", facilitate));
    }

    /** The body of a valid circle for the given stages and seats; tests change one field to break it. */
    public static Map<String, Object> circle(List<String> stages, int seats) {
        Map<String, Object> body = new HashMap<>();
        body.put("focus", List.of("FUNDRAISING_AND_FINANCE"));
        body.put("stages", stages);
        body.put("remote", true);
        body.put("slot", "EVENING");
        body.put("seats", seats);
        return body;
    }

    public Api.Response open(Api.Member facilitator, Map<String, Object> body) {
        return api.post("/api/v1/circles", facilitator.token(), body);
    }

    /** Opens an open circle for the stages; returns its id. */
    public String opened(Api.Member facilitator, List<String> stages, int seats) {
        Api.Response created = open(facilitator, circle(stages, seats));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("circleId").asText();
    }

    public Api.Response join(Api.Member m, String circleId) {
        return api.post("/api/v1/circles/" + circleId + "/join", m.token(), Map.of("acceptGroundRules", true));
    }

    public void joined(Api.Member m, String circleId) {
        Api.Response joined = join(m, circleId);
        assertThat(joined.status()).as(joined.body()).isEqualTo(200);
    }

    public Api.Response step(Api.Member m, String circleId, String step) {
        return api.post("/api/v1/circles/" + circleId + "/" + step, m.token(), null);
    }
}
