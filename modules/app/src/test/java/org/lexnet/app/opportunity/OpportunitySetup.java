package org.lexnet.app.opportunity;

import org.lexnet.app.support.Api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Makes members with the profile an opportunity test needs, and opportunities, through the real HTTP API. */
public final class OpportunitySetup {

    private final Api api;

    public OpportunitySetup(Api api) {
        this.api = api;
    }

    /** A member with the stage, needs, sectors and region given (remote-friendly, hidden unless said). */
    public Api.Member member(String name, String stage, List<String> needs, List<String> sectors, String region,
                             boolean visible) {
        Api.Member m = api.register(name);
        Api.Response profile = api.put("/api/v1/members/me/profile", m.token(), Map.ofEntries(
                Map.entry("displayName", name), Map.entry("region", region), Map.entry("remote", true),
                Map.entry("stage", stage), Map.entry("roles", List.of("PRACTITIONER")), Map.entry("sectors", sectors),
                Map.entry("needs", needs), Map.entry("strengths", List.of("STRATEGIC_THINKING")),
                Map.entry("visibleInNetwork", visible)));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        return m;
    }

    /** The body of a valid remote opportunity of this kind for these needs; tests change one field to break it. */
    public static Map<String, Object> opportunity(String kind, List<String> competencies) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", "Small grants for community groups");
        body.put("description", "Up to 5,000 for groups led by people with lived experience.");
        body.put("link", "https://example.org/grants");
        body.put("competencies", competencies);
        body.put("remote", true);
        body.put("deadline", Instant.now().plus(30, ChronoUnit.DAYS).toString());
        return body;
    }

    public Api.Response post(Api.Member poster, Map<String, Object> body) {
        return api.post("/api/v1/opportunities", poster.token(), body);
    }

    /** Posts it; returns its id once it can be read. */
    public String posted(Api.Member poster, Map<String, Object> body) {
        Api.Response created = post(poster, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("opportunityId").asText();
    }

    public Api.Response interest(Api.Member member, String opportunity) {
        return api.post("/api/v1/opportunities/" + opportunity + "/interest", member.token(), null);
    }

    public Api.Response detail(Api.Member member, String opportunity) {
        return api.get("/api/v1/opportunities/" + opportunity, member.token());
    }
}
