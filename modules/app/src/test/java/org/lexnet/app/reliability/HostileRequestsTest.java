package org.lexnet.app.reliability;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.lexnet.app.security.SigningKeys;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.app.support.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a careless client or an attacker sends gets a 4xx in problem+json, never a 5xx, an HTML page
 * or a stack trace; what it may not know stays unknown (every 404 is the same); tokens that name no
 * member or never expire open nothing.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileRequestsTest extends IntegrationTest {

    @Autowired
    SigningKeys signingKeys;

    private RawHttp raw;

    @BeforeEach
    void client() {
        raw = new RawHttp(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /%00 HTTP/1.1", "GET /api/v1/%2e%2e%2fadmin/event-processors HTTP/1.1",
                            "GET /%ff HTTP/1.1", "GET /api/v1/feed?after=\"1\" HTTP/1.1",
                            "GET /api/v1/feed?after=a b HTTP/1.1", "GET /api/v1/members/%2fme HTTP/1.1",
                            "GET /a\u0000b HTTP/1.1"})
    void whatTheContainerRefusesIsProblemJsonToo(String requestLine) {
        Api.Response response = raw.raw((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("<html", "Tomcat", "Exception");
    }

    @ParameterizedTest
    @CsvSource({"TRACE /api/v1/taxonomy, 405", "FOO /api/v1/taxonomy, 400", "PROPFIND /, 400",
                "GET /api/v1/members/a;b=c, 400", "GET /api/v1/members/%5Cx, 400"})
    void whatTheFirewallRefusesIsProblemJsonToo(String requestLine, int status) {
        Api.Response response = raw.raw((requestLine + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/", "application/*", "text/plain", "not a type"})
    void aBodyWhoseTypeIsNotConcreteJsonIs415(String contentType) {
        Api.Member member = api.register("Careless client");
        long before = eventCount(member.id());
        Api.Response response = api.call("PUT", "/api/v1/members/me/profile").token(member.token())
                .json(Map.of("displayName", "x", "stage", "EMERGING")).header("Content-Type", contentType).send();
        assertThat(response.status()).as(response.body()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(member.id())).isEqualTo(before);
    }

    static List<String> unreadableAcceptHeaders() {
        return List.of("garbage", "application/json; q=\"", "text/plain, " + "application/x-a, ".repeat(60) + "*/*");
    }

    @ParameterizedTest
    @MethodSource("unreadableAcceptHeaders")
    void anAcceptHeaderThatDoesNotParseIs406InProblemJsonWhateverTheAnswerWouldHaveBeen(String accept) {
        Api.Member member = api.register("Client With A Broken Accept");
        for (Api.Response response : List.of(
                api.call("GET", "/api/v1/members/me").token(member.token()).header("Accept", accept).send(),
                api.call("POST", "/api/v1/connections").token(member.token()).header("Accept", accept)
                        .json(Map.of("to", member.id())).send(),
                api.call("GET", "/api/v1/members/me").header("Accept", accept).send())) {
            assertThat(response.status()).as(response.body()).isEqualTo(406);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("status").asInt()).isEqualTo(406);
        }
    }

    @Test
    void deadLettersOfAProcessorThatDoesNotExistAre404EvenWithANulInItsName() {
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.get("/api/v1/admin/dead-letters?processor=member-directory", admin).status()).isEqualTo(200);
        for (String name : List.of("no-such-processor", "member%00directory")) {
            Api.Response response = api.get("/api/v1/admin/dead-letters?processor=" + name, admin);
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theErrorPageAskedForDirectlyIsA404() {
        Api.Response response = api.get("/error", null);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (Api.Response response : List.of(api.get("/actuator/health/readiness", null),
                api.get("/api/v1/members/me", null))) {
            assertThat(response.header("Content-Security-Policy")).contains("default-src 'self'",
                    "frame-ancestors 'none'");
            assertThat(response.header("Strict-Transport-Security")).contains("max-age=31536000");
            assertThat(response.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void notYoursUnknownHiddenAndBlockedAllAnswerTheSame404(CapturedOutput output) {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mentee With A Pairing");
        Api.Member mentor = people.mentor("Mentor With A Pairing", 2);
        String pairing = people.requestDirect(mentee, mentor);
        Api.Member stranger = people.mentee("Stranger");
        Api.Member hidden = people.member("Hidden Person", "EMERGING", false, Map.of());
        Api.Member blocker = people.mentee("Blocker");
        assertThat(api.post("/api/v1/members/" + stranger.id() + "/block", blocker.token(), null).status())
                .isEqualTo(204);
        // the block reaches the network's read model a moment after its 204; until then the blocker shows
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from block_view where blocker_id = ? and blocked_id = ?", Long.class,
                UUID.fromString(blocker.id()), UUID.fromString(stranger.id())) == 1);
        String unknown = UUID.randomUUID().toString();

        List<Api.Response> answers = List.of(
                api.get("/api/v1/mentorships/" + pairing, stranger.token()),
                api.get("/api/v1/mentorships/" + unknown, stranger.token()),
                api.post("/api/v1/mentorships/" + pairing + "/accept", stranger.token(), null),
                api.post("/api/v1/mentorships/" + unknown + "/accept", stranger.token(), null),
                api.get("/api/v1/members/" + hidden.id(), stranger.token()),
                api.get("/api/v1/members/" + blocker.id(), stranger.token()),
                api.get("/api/v1/members/" + unknown, stranger.token()),
                api.post("/api/v1/connections/" + unknown + "/accept", stranger.token(), null));
        for (Api.Response answer : answers) {
            assertThat(answer.status()).as(answer.body()).isEqualTo(404);
            assertThat(answer.json().get("detail").asText()).isEqualTo(answers.get(0).json().get("detail").asText());
            assertThat(answer.json().get("title").asText()).isEqualTo("Not Found");
        }
        assertThat(output.getAll()).as("an unknown id is an everyday 404, not a logged stack trace")
                .doesNotContain("AggregateNotFoundException");
    }

    @Test
    void anIdOfAnotherKindIsAnsweredLikeAnUnknownId(CapturedOutput output) {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mentee Sending Mixed Ids");
        Api.Member mentor = people.mentor("Mentor Of Mixed Ids", 2);
        String pairing = people.requestDirect(mentee, mentor);
        String unknown = UUID.randomUUID().toString();
        String notFound = api.post("/api/v1/mentorships/" + unknown + "/withdraw", mentee.token(), null).json()
                .get("detail").asText();

        for (String memberId : List.of(mentee.id(), mentor.id())) {
            for (Api.Response answer : List.of(
                    api.post("/api/v1/mentorships/" + memberId + "/withdraw", mentee.token(), null),
                    api.post("/api/v1/mentorships/" + memberId + "/end", mentee.token(), Map.of("reason", "x")),
                    api.post("/api/v1/connections/" + memberId + "/accept", mentee.token(), null),
                    api.delete("/api/v1/connections/" + memberId, mentee.token()))) {
                assertThat(answer.status()).as(answer.body()).isEqualTo(404);
                assertThat(answer.json().get("detail").asText()).isEqualTo(notFound);
            }
        }
        Api.Response connectToPairing = api.post("/api/v1/connections", mentee.token(), Map.of("to", pairing));
        Api.Response connectToUnknown = api.post("/api/v1/connections", mentee.token(), Map.of("to", unknown));
        assertThat(connectToPairing.status()).as(connectToPairing.body()).isEqualTo(connectToUnknown.status());
        assertThat(connectToPairing.json().get("detail")).isEqualTo(connectToUnknown.json().get("detail"));
        Api.Member another = people.mentee("Another Mentee Sending Mixed Ids");
        Api.Response nameAPairing = api.post("/api/v1/mentorships", another.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", pairing));
        Api.Response nameNobody = api.post("/api/v1/mentorships", another.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", unknown));
        assertThat(nameAPairing.status()).as(nameAPairing.body()).isEqualTo(nameNobody.status());
        assertThat(nameAPairing.json().get("detail")).isEqualTo(nameNobody.json().get("detail"));
        assertThat(output.getAll()).doesNotContain("IncompatibleAggregateException", "Unexpected failure");
    }

    @Test
    void aHiddenMentorCannotBeNamedByAStrangerAndIsAnsweredLikeAnUnknownId() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Curious Mentee");
        Api.Member hiddenMentor = people.member("Hidden Mentor", "SENIOR", false, Map.of());
        people.offer(hiddenMentor, 2, true);

        Api.Response hidden = api.post("/api/v1/mentorships", mentee.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", hiddenMentor.id()));
        Api.Response unknown = api.post("/api/v1/mentorships", mentee.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", UUID.randomUUID().toString()));
        assertThat(hidden.status()).as(hidden.body()).isEqualTo(409);
        assertThat(unknown.status()).isEqualTo(409);
        assertThat(hidden.json().get("detail")).isEqualTo(unknown.json().get("detail"));
    }

    @Test
    void aHiddenMentorProposedToAMenteeIsNeitherNamedNorIdentifiedUntilTheyAccept() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Mentee Of A Hidden Mentor");
        Api.Member hiddenMentor = people.member("Anonymous Until Accepting", "SENIOR", false, Map.of());
        people.offer(hiddenMentor, 2, true);
        String pairing = people.requestOpen(mentee);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        long before = api.feedHead(mentee.token());
        assertThat(api.post("/api/v1/admin/mentorships/" + pairing + "/proposals", admin,
                Map.of("mentorId", hiddenMentor.id())).status()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response detail = api.get("/api/v1/mentorships/" + pairing, mentee.token());
            assertThat(detail.json().get("status").asText()).isEqualTo("PROPOSED");
            assertThat(api.feedAfter(mentee.token(), before)).contains("MENTOR_PROPOSED", pairing);
        });
        assertThat(api.get("/api/v1/mentorships/" + pairing, mentee.token()).body()).doesNotContain(hiddenMentor.id());
        assertThat(api.get("/api/v1/mentorships", mentee.token()).body()).doesNotContain(hiddenMentor.id());
        assertThat(api.feedAfter(mentee.token(), before)).doesNotContain(hiddenMentor.id());

        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", hiddenMentor.token(), null).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/mentorships/" + pairing, mentee.token()).json().get("mentor").get("memberId")
                        .asText()).isEqualTo(hiddenMentor.id()));
    }

    @Test
    void aValidlySignedTokenForNoMemberOrWithoutExpiryOpensNothing() throws Exception {
        Api.Member real = api.register("Real Member");
        String forNobody = sign(new JWTClaimsSet.Builder().issuer("lexnet").subject(UUID.randomUUID().toString())
                .claim("roles", List.of("MEMBER")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        String forever = sign(new JWTClaimsSet.Builder().issuer("lexnet").subject(real.id())
                .claim("roles", List.of("MEMBER")).issueTime(new Date()).build());
        String good = sign(new JWTClaimsSet.Builder().issuer("lexnet").subject(real.id())
                .claim("roles", List.of("MEMBER")).issueTime(new Date())
                .expirationTime(Date.from(Instant.now().plusSeconds(600))).build());

        assertThat(api.get("/api/v1/feed", good).status()).as("the signing is right").isEqualTo(200);
        for (String token : List.of(forNobody, forever)) {
            assertThat(api.get("/api/v1/feed", token).status()).isEqualTo(401);
            assertThat(api.post("/api/v1/connections", token, Map.of("to", real.id())).status()).isEqualTo(401);
        }
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        RSAKey key = signingKeys.signing();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key.toRSAPrivateKey()));
        return jwt.serialize();
    }
}
