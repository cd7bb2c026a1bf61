package org.lexnet.app.member;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MemberProfileTest extends IntegrationTest {

    static Map<String, Object> profile(String name, boolean visible) {
        return Map.ofEntries(Map.entry("displayName", name), Map.entry("region", "LONDON"), Map.entry("remote", true),
                Map.entry("stage", "EMERGING"), Map.entry("managementYears", "1-2"),
                Map.entry("roles", List.of("PRACTITIONER")), Map.entry("sectors", List.of("CHARITY")),
                Map.entry("needs", List.of("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING")),
                Map.entry("strengths", List.of("NEGOTIATION")), Map.entry("learningPreferences", List.of("READING")),
                Map.entry("visibleInNetwork", visible));
    }

    static Map<String, Object> areas(Object... codeAndVisibility) {
        List<Map<String, String>> list = new java.util.ArrayList<>();
        for (int i = 0; i < codeAndVisibility.length; i += 2) {
            list.add(Map.of("code", (String) codeAndVisibility[i], "visibility", (String) codeAndVisibility[i + 1]));
        }
        return Map.of("areas", list);
    }

    private long version(Api.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("ETag")).isEqualTo("\"" + r.json().get("version").asLong() + "\"");
        return r.json().get("version").asLong();
    }

    @Test
    void aMemberDescribesThemselvesAndSeesTheirWholeProfile() {
        Api.Member ada = api.register("Ada");
        version(api.put("/api/v1/members/me/profile", ada.token(), profile("Ada L.", false)));
        long v = version(api.put("/api/v1/members/me/lived-experience", ada.token(),
                areas("CARE_SYSTEM", "NETWORK", "MENTAL_HEALTH", "PRIVATE", "HOMELESSNESS_HOUSING", "MATCHING")));
        awaitVersion(ada, v);

        Api.Response me = api.get("/api/v1/members/me", ada.token());
        JsonNode body = me.json();
        assertThat(me.header("ETag")).isEqualTo("\"" + v + "\"");
        assertThat(body.get("displayName").asText()).isEqualTo("Ada L.");
        assertThat(body.get("stage").asText()).isEqualTo("EMERGING");
        assertThat(body.get("region").asText()).isEqualTo("LONDON");
        assertThat(body.get("remote").asBoolean()).isTrue();
        assertThat(texts(body.get("needs"))).containsExactly("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING");
        assertThat(body.get("visibleInNetwork").asBoolean()).isFalse();
        assertThat(body.get("livedExperience").findValuesAsText("visibility"))
                .containsExactlyInAnyOrder("NETWORK", "PRIVATE", "MATCHING");
        assertThat(body.get("livedExperience").findValuesAsText("code"))
                .containsExactlyInAnyOrder("CARE_SYSTEM", "MENTAL_HEALTH", "HOMELESSNESS_HOUSING");
    }

    @Test
    void anotherMemberSeesOnlyAreasSharedWithTheNetwork() {
        Api.Member ada = api.register("Ada");
        Api.Member bo = api.register("Bo");
        api.put("/api/v1/members/me/profile", ada.token(), profile("Ada", true));
        long v = version(api.put("/api/v1/members/me/lived-experience", ada.token(),
                areas("CARE_SYSTEM", "NETWORK", "MENTAL_HEALTH", "PRIVATE", "CRIMINAL_JUSTICE", "MENTORS",
                      "HOMELESSNESS_HOUSING", "MATCHING")));
        awaitVersion(ada, v);

        Api.Response seen = api.get("/api/v1/members/" + ada.id(), bo.token());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.json().get("displayName").asText()).isEqualTo("Ada");
        assertThat(seen.json().get("livedExperience").findValuesAsText("code")).containsExactly("CARE_SYSTEM");
        assertThat(seen.body()).doesNotContain("MENTAL_HEALTH", "CRIMINAL_JUSTICE", "HOMELESSNESS_HOUSING",
                "visibility", "visibleInNetwork");
    }

    @Test
    void withdrawingConsentHidesTheAreaAtOnceFromOtherMembers() {
        Api.Member ada = api.register("Ada");
        Api.Member bo = api.register("Bo");
        api.put("/api/v1/members/me/profile", ada.token(), profile("Ada", true));
        long v = version(api.put("/api/v1/members/me/lived-experience", ada.token(), areas("CARE_SYSTEM", "NETWORK")));
        awaitVersion(ada, v);
        assertThat(api.get("/api/v1/members/" + ada.id(), bo.token()).json().get("livedExperience")
                .findValuesAsText("code")).containsExactly("CARE_SYSTEM");

        api.put("/api/v1/members/me/lived-experience", ada.token(), areas("CARE_SYSTEM", "MATCHING"));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/members/" + ada.id(), bo.token()).json().get("livedExperience")).isEmpty());
    }

    @Test
    void aMemberHiddenFromTheNetworkIsNotFoundByOthersButVisibleToAdmins() {
        Api.Member hidden = api.register("Hidden");
        Api.Member other = api.register("Other");
        long v = version(api.put("/api/v1/members/me/profile", hidden.token(), profile("Hidden", false)));
        v = version(api.put("/api/v1/members/me/lived-experience", hidden.token(),
                areas("CARE_SYSTEM", "NETWORK", "MENTAL_HEALTH", "MENTORS")));
        awaitVersion(hidden, v);

        Api.Response notFound = api.get("/api/v1/members/" + hidden.id(), other.token());
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.contentType()).startsWith("application/problem+json");
        Api.Response unknown = api.get("/api/v1/members/" + UUID.randomUUID(), other.token());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail")).isEqualTo(notFound.json().get("detail"));

        Api.Response asAdmin = api.get("/api/v1/members/" + hidden.id(), api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD));
        assertThat(asAdmin.status()).isEqualTo(200);
        assertThat(asAdmin.json().get("displayName").asText()).isEqualTo("Hidden");
        // the admin role runs the programme; it does not override consent over lived experience
        assertThat(asAdmin.json().get("livedExperience").findValuesAsText("code")).containsExactly("CARE_SYSTEM");
    }

    @Test
    void turningVisibilityOffHidesAMemberWhoWasVisible() {
        Api.Member ada = api.register("Ada");
        Api.Member bo = api.register("Bo");
        awaitVersion(ada, version(api.put("/api/v1/members/me/profile", ada.token(), profile("Ada", true))));
        assertThat(api.get("/api/v1/members/" + ada.id(), bo.token()).status()).isEqualTo(200);
        api.put("/api/v1/members/me/profile", ada.token(), profile("Ada", false));
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(api.get("/api/v1/members/" + ada.id(), bo.token()).status()).isEqualTo(404));
    }

    @Test
    void pauseAndResumeAreRecordedAndCannotBeRepeated() {
        Api.Member ada = api.register("Ada");
        long v = version(api.post("/api/v1/members/me/pause", ada.token(), null));
        awaitVersion(ada, v);
        assertThat(api.get("/api/v1/members/me", ada.token()).json().get("paused").asBoolean()).isTrue();

        long events = eventCount(ada.id());
        Api.Response again = api.post("/api/v1/members/me/pause", ada.token(), null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(ada.id())).isEqualTo(events);

        v = version(api.post("/api/v1/members/me/resume", ada.token(), null));
        awaitVersion(ada, v);
        assertThat(api.get("/api/v1/members/me", ada.token()).json().get("paused").asBoolean()).isFalse();
        assertThat(api.post("/api/v1/members/me/resume", ada.token(), null).status()).isEqualTo(409);
        assertThat(eventCount(ada.id())).isEqualTo(events + 1);
    }

    @Test
    void aMentorOfferIsMadeChangedAndWithdrawn() {
        Api.Member mentor = api.register("Mentor");
        Api.Member viewer = api.register("Viewer");
        api.put("/api/v1/members/me/profile", mentor.token(), profile("Mentor", true));
        api.put("/api/v1/members/me/lived-experience", mentor.token(),
                areas("CARE_SYSTEM", "NETWORK", "CRIMINAL_JUSTICE", "MATCHING"));
        long v = version(api.put("/api/v1/members/me/mentor-offer", mentor.token(), Map.of("capacity", 3,
                "stages", List.of("ASPIRING", "EMERGING"), "areas", List.of("CARE_SYSTEM", "CRIMINAL_JUSTICE"),
                "strengths", List.of("FUNDRAISING_AND_FINANCE"), "open", true)));
        awaitVersion(mentor, v);
        JsonNode offer = api.get("/api/v1/members/me", mentor.token()).json().get("mentorOffer");
        assertThat(offer.get("capacity").asInt()).isEqualTo(3);
        assertThat(texts(offer.get("areas"))).containsExactly("CARE_SYSTEM", "CRIMINAL_JUSTICE");
        // others see the offer, but not an area the mentor keeps for matching only
        JsonNode public_ = api.get("/api/v1/members/" + mentor.id(), viewer.token()).json().get("mentorOffer");
        assertThat(texts(public_.get("areas"))).containsExactly("CARE_SYSTEM");

        v = version(api.put("/api/v1/members/me/mentor-offer", mentor.token(),
                Map.of("capacity", 5, "stages", List.of("EMERGING"), "open", false)));
        awaitVersion(mentor, v);
        offer = api.get("/api/v1/members/me", mentor.token()).json().get("mentorOffer");
        assertThat(offer.get("capacity").asInt()).isEqualTo(5);
        assertThat(offer.get("open").asBoolean()).isFalse();

        v = version(api.delete("/api/v1/members/me/mentor-offer", mentor.token()));
        awaitVersion(mentor, v);
        assertThat(api.get("/api/v1/members/me", mentor.token()).json().get("mentorOffer").isNull()).isTrue();
        long events = eventCount(mentor.id());
        assertThat(api.delete("/api/v1/members/me/mentor-offer", mentor.token()).status()).isEqualTo(409);
        assertThat(eventCount(mentor.id())).isEqualTo(events);
    }

    @Test
    void theTaxonomyIsServedFromDataWithEveryKind() {
        Api.Member m = api.register("Reader");
        JsonNode taxonomy = api.get("/api/v1/taxonomy", m.token()).json();
        assertThat(taxonomy.get("stages").findValuesAsText("code"))
                .containsExactly("ASPIRING", "EMERGING", "EXPERIENCED", "SENIOR");
        // (another test adds a TEST_ term to show the taxonomy is data; it is not part of the seed)
        assertThat(taxonomy.get("areas").findValuesAsText("code").stream().filter(c -> !c.startsWith("TEST_")))
                .hasSize(21).contains("MENTAL_HEALTH", "CARE_SYSTEM", "REPRODUCTIVE_JUSTICE");
        assertThat(taxonomy.get("regions")).hasSize(13);
        assertThat(taxonomy.get("roles")).hasSize(10);
        assertThat(taxonomy.get("sectors")).hasSize(7);
        assertThat(taxonomy.get("managementYears").findValuesAsText("code"))
                .containsExactly("0", "0-1", "1-2", "3-4", "5-10", "11-15", "15+");
        assertThat(taxonomy.get("competencies").findValuesAsText("code")).contains("FUNDRAISING_AND_FINANCE");
        assertThat(taxonomy.get("learningPreferences")).hasSize(5);
        assertThat(taxonomy.get("areas").get(0).get("label").asText()).isNotBlank();
    }

    @Test
    void aTermAddedToTheTaxonomyTableIsAcceptedWithoutARelease() {
        jdbc.update("insert into taxonomy_term (kind, code, label, rank) values ('AREA', 'TEST_AREA_ADDED', 'Added', 99)"
                    + " on conflict do nothing");
        // the catalogue is cached (refreshed every second under the test profile)
        Api.Member m = api.register("Early adopter");
        await().atMost(PROJECTION_WAIT)
                .untilAsserted(() -> assertThat(api.put("/api/v1/members/me/lived-experience", m.token(),
                        areas("TEST_AREA_ADDED", "PRIVATE")).status()).isEqualTo(200));
        jdbc.update("delete from taxonomy_term where code = 'TEST_AREA_ADDED'");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
