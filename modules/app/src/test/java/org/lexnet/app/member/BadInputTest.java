package org.lexnet.app.member;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.RawHttp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a problem+json 4xx naming what is wrong, and leaves no event behind. */
class BadInputTest extends IntegrationTest {

    private Api.Member member;
    private long eventsBefore;

    @BeforeEach
    void member() {
        member = api.register("Careful");
        eventsBefore = eventCount(member.id());
    }

    private JsonNode rejected(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "org.lexnet", "org.springframework");
        assertThat(eventCount(member.id())).as("no event stored").isEqualTo(eventsBefore);
        return problem;
    }

    private List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    @Test
    void malformedJsonIs400() {
        JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .raw("{\"displayName\": \"x\",").send(), 400);
        assertThat(p.get("detail").asText()).contains("not valid JSON");
    }

    @Test
    void aWrongTypeIs400NamingTheField() {
        JsonNode p = rejected(api.put("/api/v1/members/me/mentor-offer", member.token(),
                Map.of("capacity", "ten", "open", true)), 400);
        assertThat(fields(p)).containsExactly("capacity");
        p = rejected(api.put("/api/v1/members/me/profile", member.token(),
                Map.of("displayName", "x", "stage", "EMERGING", "visibleInNetwork", "yes")), 400);
        assertThat(fields(p)).containsExactly("visibleInNetwork");
    }

    @Test
    void textWithANulOrABidiOverrideIs400NamingTheField() {
        for (String name : List.of("a\u0000b", "Ad\u202Ea", "bell\u0007")) {
            JsonNode p = rejected(api.put("/api/v1/members/me/profile", member.token(),
                    Map.of("displayName", name, "stage", "EMERGING")), 400);
            assertThat(fields(p)).containsExactly("displayName");
        }
        JsonNode p = rejected(api.put("/api/v1/members/me/lived-experience", member.token(),
                Map.of("areas", List.of(Map.of("code", "CARE\u0000SYSTEM", "visibility", "NETWORK")))), 400);
        assertThat(fields(p)).containsExactly("areas[0].code");
    }

    @Test
    void aNameMustBeTextNotANumberAndOneLine() {
        JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .raw("{\"displayName\": 12345, \"stage\": \"EMERGING\"}").send(), 400);
        assertThat(fields(p)).containsExactly("displayName");
        p = rejected(api.put("/api/v1/members/me/profile", member.token(),
                Map.of("displayName", "two\nlines", "stage", "EMERGING")), 400);
        assertThat(fields(p)).containsExactly("displayName");
    }

    @Test
    void aFractionWhereAWholeNumberBelongsIs400NotRoundedDown() {
        JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/mentor-offer").token(member.token())
                .raw("{\"capacity\": 1.9, \"open\": true}").send(), 400);
        assertThat(fields(p)).containsExactly("capacity");
    }

    @Test
    void aNulInTheSignInAddressIs400NotAServerError() {
        Api.Response response = api.post("/api/v1/auth/token", null,
                Map.of("email", "someone\u0000@example.org", "password", "whatever it is"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void capacityOutOfRangeIs400() {
        for (int capacity : new int[] {0, 11, -1}) {
            JsonNode p = rejected(api.put("/api/v1/members/me/mentor-offer", member.token(),
                    Map.of("capacity", capacity)), 400);
            assertThat(fields(p)).containsExactly("capacity");
        }
    }

    @Test
    void unknownTaxonomyCodesAre400NamingEachOne() {
        JsonNode p = rejected(api.put("/api/v1/members/me/lived-experience", member.token(),
                Map.of("areas", List.of(Map.of("code", "CARE_SYSTEM", "visibility", "NETWORK"),
                                        Map.of("code", "NOT_AN_AREA", "visibility", "NETWORK")))), 400);
        assertThat(fields(p)).containsExactly("areas[1].code");
        assertThat(p.get("errors").get(0).get("message").asText()).contains("NOT_AN_AREA");

        Map<String, Object> profile = new java.util.HashMap<>(MemberProfileTest.profile("x", true));
        profile.put("stage", "GURU");
        profile.put("needs", List.of("FUNDRAISING_AND_FINANCE", "JUGGLING"));
        p = rejected(api.put("/api/v1/members/me/profile", member.token(), profile), 400);
        assertThat(fields(p)).containsExactlyInAnyOrder("stage", "needs[1]");
    }

    @Test
    void anUnknownVisibilityIs400ListingTheAllowedOnes() {
        JsonNode p = rejected(api.put("/api/v1/members/me/lived-experience", member.token(),
                Map.of("areas", List.of(Map.of("code", "CARE_SYSTEM", "visibility", "EVERYONE")))), 400);
        assertThat(fields(p)).containsExactly("areas[0].visibility");
        assertThat(p.get("errors").get(0).get("message").asText()).contains("PRIVATE", "MATCHING", "MENTORS", "NETWORK");
    }

    @Test
    void anAreaListedTwiceIs400() {
        JsonNode p = rejected(api.put("/api/v1/members/me/lived-experience", member.token(),
                Map.of("areas", List.of(Map.of("code", "CARE_SYSTEM", "visibility", "NETWORK"),
                                        Map.of("code", "CARE_SYSTEM", "visibility", "PRIVATE")))), 400);
        assertThat(fields(p)).containsExactly("areas[1].code");
    }

    @Test
    void anUnknownFieldIs400SoThatATypoCannotSilentlyChangeNothing() {
        Map<String, Object> profile = new java.util.HashMap<>(MemberProfileTest.profile("x", true));
        profile.remove("visibleInNetwork");
        profile.put("visibleInNetwrk", false);
        JsonNode p = rejected(api.put("/api/v1/members/me/profile", member.token(), profile), 400);
        assertThat(fields(p)).containsExactly("visibleInNetwrk");
    }

    @Test
    void aFieldGivenTwiceIs400NamingIt() {
        JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .raw("{\"displayName\": \"a\", \"stage\": \"EMERGING\", \"displayName\": \"b\"}").send(), 400);
        assertThat(fields(p)).containsExactly("displayName");
        p = rejected(api.call("PUT", "/api/v1/members/me/lived-experience").token(member.token())
                .raw("{\"areas\": [{\"code\": \"CARE_SYSTEM\", \"visibility\": \"NETWORK\", "
                     + "\"visibility\": \"PRIVATE\"}]}").send(), 400);
        assertThat(fields(p)).containsExactly("areas[0].visibility");
    }

    @Test
    void anythingAfterTheJsonValueIs400() {
        String profile = "{\"displayName\": \"x\", \"stage\": \"EMERGING\"}";
        for (String body : List.of(profile + " x", profile + profile, profile + "]")) {
            JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token()).raw(body).send(),
                    400);
            assertThat(p.get("detail").asText()).contains("not valid JSON");
        }
    }

    @Test
    void aChunkedBodyPastTheLimitIs413EvenWhenItsJsonEndsEarly() {
        byte[] body = ("{\"displayName\": \"x\", \"stage\": \"EMERGING\"}" + " ".repeat(100_000))
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream chunked = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8_192) {
            int n = Math.min(8_192, body.length - at);
            chunked.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            chunked.write(body, at, n);
            chunked.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        chunked.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        rejected(new RawHttp(port).send("127.0.0.1", "PUT", "/api/v1/members/me/profile",
                Map.of("Authorization", "Bearer " + member.token(), "Content-Type", "application/json",
                        "Transfer-Encoding", "chunked"), chunked.toByteArray()), 413);
    }

    @Test
    void anEmptyOrBlankIdIs400NotReadAsNoId() {
        for (String id : List.of("", "   ")) {
            JsonNode p = rejected(api.post("/api/v1/mentorships", member.token(),
                    Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", id)), 400);
            assertThat(fields(p)).containsExactly("mentorId");
        }
    }

    @Test
    void missingRequiredFieldsAre400() {
        JsonNode p = rejected(api.put("/api/v1/members/me/profile", member.token(), Map.of("remote", true)), 400);
        assertThat(fields(p)).containsExactlyInAnyOrder("displayName", "stage");
        p = rejected(api.put("/api/v1/members/me/lived-experience", member.token(), Map.of()), 400);
        assertThat(fields(p)).containsExactly("areas");
        rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token()).raw("").send(), 400);
    }

    @Test
    void anOfferForAnAreaNotRecordedForMatchingIs400() {
        api.put("/api/v1/members/me/lived-experience", member.token(),
                Map.of("areas", List.of(Map.of("code", "CARE_SYSTEM", "visibility", "PRIVATE"))));
        eventsBefore = eventCount(member.id());
        JsonNode p = rejected(api.put("/api/v1/members/me/mentor-offer", member.token(),
                Map.of("capacity", 2, "areas", List.of("CARE_SYSTEM", "MENTAL_HEALTH"))), 400);
        assertThat(fields(p)).containsExactly("areas[0]", "areas[1]");
    }

    @Test
    void anOversizedBodyIs413() {
        String huge = "{\"displayName\": \"" + "x".repeat(100_000) + "\"}";
        JsonNode p = rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token()).raw(huge).send(), 413);
        assertThat(p.get("detail").asText()).contains("larger than");
    }

    @Test
    void aMalformedIdOrIfMatchIs400AndAnUnknownPathIs404() {
        JsonNode p = rejected(api.get("/api/v1/members/not-a-uuid", member.token()), 400);
        assertThat(p.get("detail").asText()).isNotBlank();
        rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .header("If-Match", "yesterday").json(MemberProfileTest.profile("x", true)).send(), 400);
        rejected(api.get("/api/v1/nothing-here", member.token()), 404);
        rejected(api.call("PATCH", "/api/v1/members/me/profile").token(member.token()).json(Map.of()).send(), 405);
        rejected(api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .header("Content-Type", "text/plain").send(), 415);
    }
}
