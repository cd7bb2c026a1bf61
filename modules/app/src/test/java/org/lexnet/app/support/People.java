package org.lexnet.app.support;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Makes members with the profile a test needs, through the real HTTP API. */
public final class People {

    private final Api api;

    public People(Api api) {
        this.api = api;
    }

    /** A member at a stage, visible or hidden, with lived experience areas as code → visibility. */
    public Api.Member member(String name, String stage, boolean visible, Map<String, String> areas) {
        Api.Member m = api.register(name);
        Api.Response profile = api.put("/api/v1/members/me/profile", m.token(), Map.ofEntries(
                Map.entry("displayName", name), Map.entry("region", "LONDON"), Map.entry("remote", true),
                Map.entry("stage", stage), Map.entry("roles", List.of("PRACTITIONER")),
                Map.entry("sectors", List.of("CHARITY")), Map.entry("needs", List.of("FUNDRAISING_AND_FINANCE")),
                Map.entry("strengths", List.of("STRATEGIC_THINKING")), Map.entry("visibleInNetwork", visible)));
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        if (!areas.isEmpty()) {
            List<Map<String, String>> list = areas.entrySet().stream()
                    .map(e -> Map.of("code", e.getKey(), "visibility", e.getValue())).toList();
            assertThat(api.put("/api/v1/members/me/lived-experience", m.token(), Map.of("areas", list)).status())
                    .isEqualTo(200);
        }
        return m;
    }

    public Api.Member mentee(String name) {
        return member(name, "EMERGING", true, Map.of());
    }

    /** A senior member with an open offer of the given capacity. */
    public Api.Member mentor(String name, int capacity) {
        Api.Member m = member(name, "SENIOR", true, Map.of());
        offer(m, capacity, true);
        return m;
    }

    public void offer(Api.Member mentor, int capacity, boolean open) {
        Api.Response offer = api.put("/api/v1/members/me/mentor-offer", mentor.token(),
                Map.of("capacity", capacity, "stages", List.of("ASPIRING", "EMERGING"), "open", open));
        assertThat(offer.status()).as(offer.body()).isEqualTo(200);
    }

    /** The mentee asks for this mentor by name; returns the pairing id. */
    public String requestDirect(Api.Member mentee, Api.Member mentor) {
        Api.Response created = api.post("/api/v1/mentorships", mentee.token(), Map.of(
                "needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", mentor.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("mentorshipId").asText();
    }

    /** An open request with no mentor named; it waits for the matcher or an admin. */
    public String requestOpen(Api.Member mentee) {
        Api.Response created = api.post("/api/v1/mentorships", mentee.token(), Map.of(
                "needs", List.of("STRATEGIC_THINKING"),
                "preferences", Map.of("sharedExperience", "PREFERRED", "crossSector", false, "remoteOnly", false)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("mentorshipId").asText();
    }
}
