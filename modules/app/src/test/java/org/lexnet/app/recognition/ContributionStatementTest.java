package org.lexnet.app.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.junit.jupiter.api.Test;
import org.lexnet.app.circle.CircleSetup;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The contribution record from real session logs, circles and endorsements, and the same as a signed
 * statement: it verifies with the key published at {@code /.well-known/jwks.json} (fetched over HTTP, as a
 * funder would), also after a key rotation; it fails once tampered with; and it is no sign-in token, nor is
 * a sign-in token a statement.
 */
class ContributionStatementTest extends IntegrationTest {

    private static final String STATEMENT_TYPE = "lexnet-contribution-statement+jwt";

    @Test
    void theRecordCountsWhatHappenedAndItsSignedStatementVerifiesOnlyAsSigned() throws Exception {
        People people = new People(api);
        CircleSetup circles = new CircleSetup(api);
        Api.Member mentor = people.mentor("Mentor Contributing", 2);
        Api.Member mentee = people.mentee("Mentee Contributing");
        String pairing = people.requestDirect(mentee, mentor);
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        session(pairing, mentor, 45);
        session(pairing, mentee, 30);
        Api.Response endorsed = api.post("/api/v1/members/" + mentor.id() + "/endorsements", mentee.token(),
                Map.of("competency", "FUNDRAISING_AND_FINANCE", "text", "Walked me through my first budget"));
        assertThat(endorsed.status()).as(endorsed.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/endorsements/" + endorsed.json().get("endorsementId").asText() + "/accept",
                mentor.token(), null).status()).isEqualTo(200);

        // the mentor also facilitates a circle that started
        assertThat(circles.preferences(mentor, 1).status()).isEqualTo(200);
        String circle = circles.opened(mentor, List.of("EMERGING"), 4);
        for (int i = 0; i < 4; i++) {
            circles.joined(circles.member("Circle Member " + i, "EMERGING"), circle);
        }
        assertThat(circles.step(mentor, circle, "start").status()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode given = api.get("/api/v1/members/me/contributions", mentor.token()).json();
            assertThat(given.get("mentoringMinutesGiven").asInt()).isEqualTo(75);
            assertThat(given.get("mentoringHoursGiven").decimalValue()).isEqualByComparingTo("1.3");
            assertThat(given.get("mentoringSessionsGiven").asInt()).isEqualTo(2);
            assertThat(given.get("mentoringMinutesReceived").asInt()).isZero();
            assertThat(given.get("circlesFacilitated").asInt()).isEqualTo(1);
            assertThat(given.get("endorsementsReceived").asInt()).isEqualTo(1);
            assertThat(given.get("endorsedCompetencies").get(0).get("competency").asText())
                    .isEqualTo("FUNDRAISING_AND_FINANCE");
            assertThat(given.get("opportunitiesShared").asInt()).isZero();
            JsonNode received = api.get("/api/v1/members/me/contributions", mentee.token()).json();
            assertThat(received.get("mentoringMinutesReceived").asInt()).isEqualTo(75);
            assertThat(received.get("mentoringMinutesGiven").asInt()).isZero();
            assertThat(received.get("endorsementsGiven").asInt()).isEqualTo(1);
        });

        Api.Response issued = api.get("/api/v1/members/me/contributions/statement?includeName=true", mentor.token());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        String statement = issued.json().get("statement").asText();
        assertThat(issued.json().get("type").asText()).isEqualTo(STATEMENT_TYPE);

        JWTClaimsSet claims = statementVerifier().process(statement, null);
        assertThat(claims.getSubject()).isEqualTo(mentor.id());
        assertThat(claims.getIssuer()).isEqualTo("lexnet");
        assertThat(claims.getStringClaim("name")).isEqualTo("Mentor Contributing");
        assertThat(claims.getExpirationTime().toInstant()).isAfter(Instant.now().plusSeconds(80L * 24 * 3600));
        Map<String, Object> figures = claims.getJSONObjectClaim("contributions");
        assertThat(((Number) figures.get("mentoringMinutesGiven")).intValue()).isEqualTo(75);
        assertThat(((Number) figures.get("circlesFacilitated")).intValue()).isEqualTo(1);
        assertThat(((Number) figures.get("endorsementsReceived")).intValue()).isEqualTo(1);

        // the name only if the member asks for it
        String nameless = api.get("/api/v1/members/me/contributions/statement", mentor.token()).json()
                .get("statement").asText();
        assertThat(statementVerifier().process(nameless, null).getClaim("name")).isNull();

        // tampered with: the figures changed, the signature kept
        String[] parts = statement.split("\\.");
        String payload = new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8);
        assertThat(payload).contains("\"mentoringMinutesGiven\":75");
        String forged = parts[0] + "." + Base64URL.encode(payload.replace("\"mentoringMinutesGiven\":75",
                "\"mentoringMinutesGiven\":7500")) + "." + parts[2];
        assertThatThrownBy(() -> statementVerifier().process(forged, null)).isInstanceOf(BadJOSEException.class)
                .hasMessageContaining("Signed JWT rejected");

        // a statement is not a sign-in token, and a sign-in token is not a statement
        Api.Response asBearer = api.get("/api/v1/members/me", statement);
        assertThat(asBearer.status()).isEqualTo(401);
        assertThat(asBearer.contentType()).startsWith("application/problem+json");
        assertThatThrownBy(() -> statementVerifier().process(mentor.token(), null))
                .isInstanceOf(BadJOSEException.class);

        // after a rotation the published keys still verify it, for as long as it is valid
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.post("/api/v1/admin/signing-keys/rotate", admin, null).status()).isEqualTo(200);
        assertThat(statementVerifier().process(statement, null).getSubject()).isEqualTo(mentor.id());
        JsonNode retired = api.get("/api/v1/admin/signing-keys", admin).json().get("keys").get(1);
        assertThat(retired.get("kid").asText()).isEqualTo(issued.json().get("kid").asText());
        assertThat(Instant.parse(retired.get("publishedUntil").asText()))
                .isAfter(claims.getExpirationTime().toInstant());
    }

    private void session(String pairing, Api.Member by, int minutes) {
        Api.Response logged = api.post("/api/v1/mentorships/" + pairing + "/sessions", by.token(),
                Map.of("date", LocalDate.now().toString(), "minutes", minutes));
        assertThat(logged.status()).as(logged.body()).isEqualTo(200);
    }

    /** What a funder runs: the published keys fetched over HTTP, the statement's typ required, RS256 only. */
    private DefaultJWTProcessor<SecurityContext> statementVerifier() throws Exception {
        Api.Response jwks = api.get("/.well-known/jwks.json", null);
        assertThat(jwks.status()).isEqualTo(200);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(STATEMENT_TYPE)));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(JWKSet.parse(jwks.body()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>((String) null,
                new JWTClaimsSet.Builder().issuer("lexnet").build(), Set.of("sub", "iat", "exp", "contributions")));
        return processor;
    }
}
