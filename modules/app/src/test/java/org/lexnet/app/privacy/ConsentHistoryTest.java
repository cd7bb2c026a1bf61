package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A member's consent history over real HTTP: every change of visibility of every area they recorded,
 * read from their own event stream, in time order and in words. Only ever their own.
 */
class ConsentHistoryTest extends IntegrationTest {

    static final String CONSENTS = "/api/v1/members/me/consents";

    private People people;

    @BeforeEach
    void people() {
        people = new People(api);
    }

    static void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** A lived-experience body from code, visibility, code, visibility, ... */
    static Map<String, Object> areas(String... codeAndVisibility) {
        List<Map<String, String>> list = new ArrayList<>();
        for (int i = 0; i < codeAndVisibility.length; i += 2) {
            list.add(Map.of("code", codeAndVisibility[i], "visibility", codeAndVisibility[i + 1]));
        }
        return Map.of("areas", list);
    }

    /** Each change as {@code AREA:FROM>TO}, with {@code -} for none. */
    static List<String> changes(JsonNode consents) {
        return StreamSupport.stream(consents.get("changes").spliterator(), false)
                .map(c -> c.get("area").asText() + ":" + c.get("from").asText("-") + ">" + c.get("to").asText("-"))
                .toList();
    }

    @Test
    void everyChangeIsListedInOrderWithWhatEachLevelMeans() {
        Api.Member kit = people.member("Kit", "EMERGING", false, Map.of());
        ok(api.put("/api/v1/members/me/lived-experience", kit.token(),
                areas("CARE_SYSTEM", "MENTORS", "POVERTY", "NETWORK")));
        ok(api.put("/api/v1/members/me/lived-experience", kit.token(),
                areas("CARE_SYSTEM", "MENTORS", "POVERTY", "PRIVATE", "RACE_EQUALITY", "MATCHING")));
        ok(api.put("/api/v1/members/me/lived-experience", kit.token(),
                areas("CARE_SYSTEM", "MENTORS", "POVERTY", "PRIVATE", "RACE_EQUALITY", "MATCHING")));
        ok(api.put("/api/v1/members/me/lived-experience", kit.token(), areas("POVERTY", "NETWORK")));

        // read from the event store: right after the commands, with no read model to wait for
        Api.Response response = api.get(CONSENTS, kit.token());
        ok(response);
        JsonNode consents = response.json();
        assertThat(consents.get("memberId").asText()).isEqualTo(kit.id());
        assertThat(changes(consents)).containsExactly(
                "CARE_SYSTEM:->MENTORS", "POVERTY:->NETWORK",
                "POVERTY:NETWORK>PRIVATE", "RACE_EQUALITY:->MATCHING",
                "CARE_SYSTEM:MENTORS>-", "POVERTY:PRIVATE>NETWORK", "RACE_EQUALITY:MATCHING>-");
        List<Instant> times = consents.get("changes").findValuesAsText("at").stream().map(Instant::parse).toList();
        assertThat(times).isSorted();
        JsonNode first = consents.get("changes").get(0);
        assertThat(first.get("from").isNull()).isTrue();
        assertThat(first.get("audience").asText()).contains("active pairing");
        JsonNode removal = consents.get("changes").get(4);
        assertThat(removal.get("to").isNull()).isTrue();
        assertThat(removal.get("audience").asText()).startsWith("Removed");
        assertThat(consents.get("levels").findValuesAsText("visibility"))
                .containsExactly("PRIVATE", "MATCHING", "MENTORS", "CIRCLE", "NETWORK");
        assertThat(consents.get("levels").findValuesAsText("audience")).allSatisfy(words -> assertThat(words).isNotBlank());
    }

    @Test
    void aMemberWhoRecordedNothingHasNoChanges() {
        Api.Member newcomer = api.register("Newcomer");
        Api.Response response = api.get(CONSENTS, newcomer.token());
        ok(response);
        assertThat(response.json().get("changes")).isEmpty();
        assertThat(response.json().get("levels")).hasSize(5);
    }

    @Test
    void itIsNotAnsweredWithoutAToken() {
        Api.Response anonymous = api.get(CONSENTS, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get(CONSENTS, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void thereIsNoWayToGetAnotherMembersConsents() {
        Api.Member ivy = people.member("Ivy", "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member jon = people.member("Jon", "EMERGING", true, Map.of("POVERTY", "MATCHING"));
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String path : List.of("/api/v1/members/" + ivy.id() + "/consents",
                "/api/v1/admin/members/" + ivy.id() + "/consents")) {
            // a member is kept out of the admin paths before anything looks for them (403)
            Api.Response asMember = api.get(path, jon.token());
            assertThat(asMember.status()).as(path).isEqualTo(path.startsWith("/api/v1/admin/") ? 403 : 404);
            Api.Response asAdmin = api.get(path, admin);
            assertThat(asAdmin.status()).as(path).isEqualTo(404);
            for (Api.Response refused : List.of(asMember, asAdmin)) {
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("CARE_SYSTEM");
            }
        }
        // a parameter naming someone else is ignored, like any unknown parameter in the API: still one's own
        Api.Response own = api.get(CONSENTS + "?memberId=" + ivy.id(), jon.token());
        ok(own);
        assertThat(own.json().get("memberId").asText()).isEqualTo(jon.id());
        assertThat(changes(own.json())).containsExactly("POVERTY:->MATCHING");
    }
}
