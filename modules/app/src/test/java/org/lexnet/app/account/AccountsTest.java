package org.lexnet.app.account;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AccountsTest extends IntegrationTest {

    @AfterEach
    void forgetFailedSignIns() {
        // every test signs in from 127.0.0.1: one test's failures must not rate-limit the next
        jdbc.update("delete from login_failure");
    }

    @Test
    void registeringAndSigningInGivesABearerTokenThatOpensTheApi() {
        String email = "ada-" + UUID.randomUUID() + "@example.org";
        Api.Response created = api.post("/api/v1/accounts", null,
                Map.of("email", email, "password", "a long enough password", "displayName", "Ada"));
        assertThat(created.status()).isEqualTo(201);
        String memberId = created.json().get("memberId").asText();
        assertThat(UUID.fromString(memberId)).isNotNull();

        Api.Response token = api.post("/api/v1/auth/token", null,
                Map.of("email", email.toUpperCase(), "password", "a long enough password"));
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.json().get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(token.json().get("expiresIn").asLong()).isPositive();

        String accessToken = token.json().get("accessToken").asText();
        awaitVersion(new Api.Member(memberId, accessToken, email, null), 0);
        assertThat(api.get("/api/v1/members/me", accessToken).json().get("memberId").asText()).isEqualTo(memberId);
    }

    @Test
    void anEmailAddressCanRegisterOnlyOnceWhateverItsCase() {
        String email = "twice-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/accounts", null,
                Map.of("email", email, "password", "a long enough password", "displayName", "One")).status())
                .isEqualTo(201);
        Api.Response again = api.post("/api/v1/accounts", null,
                Map.of("email", email.toUpperCase(), "password", "another long password", "displayName", "Two"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Long.class, email))
                .isEqualTo(1L);
    }

    @Test
    void registrationValidatesEveryFieldAndCreatesNothingWhenInvalid() {
        long accountsBefore = jdbc.queryForObject("select count(*) from account", Long.class);
        Api.Response bad = api.post("/api/v1/accounts", null,
                Map.of("email", "not-an-email", "password", "short", "displayName", " "));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        assertThat(bad.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("email", "password", "displayName");
        assertThat(jdbc.queryForObject("select count(*) from account", Long.class)).isEqualTo(accountsBefore);
    }

    @Test
    void aPasswordLongerThanBcryptCanReadIsRefused() {
        Api.Response bad = api.post("/api/v1/accounts", null, Map.of("email", "long-" + UUID.randomUUID()
                + "@example.org", "password", "é".repeat(40), "displayName", "Long"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactly("password");
    }

    @Test
    void aWrongPasswordIs401InProblemJson() {
        Api.Member m = api.register("Wrong");
        Api.Response denied = api.post("/api/v1/auth/token", null,
                Map.of("email", m.email(), "password", "not the password at all"));
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.contentType()).startsWith("application/problem+json");
        assertThat(denied.json().get("accessToken")).isNull();
        Api.Response unknown = api.post("/api/v1/auth/token", null,
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.org", "password", "whatever password"));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("detail").asText()).isEqualTo(denied.json().get("detail").asText());
    }

    @Test
    void everyOtherEndpointNeedsAValidToken() {
        for (String path : List.of("/api/v1/members/me", "/api/v1/taxonomy", "/api/v1/members/" + UUID.randomUUID())) {
            Api.Response none = api.get(path, null);
            assertThat(none.status()).as(path).isEqualTo(401);
            assertThat(none.contentType()).startsWith("application/problem+json");
            assertThat(api.get(path, "not-a-jwt").status()).as(path).isEqualTo(401);
        }
        assertThat(api.put("/api/v1/members/me/profile", null, Map.of("displayName", "x")).status()).isEqualTo(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRejected() throws Exception {
        Api.Member m = api.register("Forger");
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder()
                .issuer("lexnet").subject(m.id()).claim("roles", List.of("MEMBER", "ADMIN"))
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600))).build());
        forged.sign(new RSASSASigner((RSAPrivateKey) rsa.generateKeyPair().getPrivate()));
        assertThat(api.get("/api/v1/members/me", forged.serialize()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/admin/event-processors", forged.serialize()).status()).isEqualTo(401);
    }

    @Test
    void passwordsAndEmailAddressesNeverReachTheEventStoreOrTheLog(CapturedOutput output) {
        Api.Member m = api.register("Private person");
        api.post("/api/v1/auth/token", null, Map.of("email", m.email(), "password", "a wrong password here"));
        String events = String.join("\n", jdbc.queryForList(
                "select convert_from(payload, 'UTF8') || convert_from(meta_data, 'UTF8') from domain_event_entry "
                + "where aggregate_identifier = ?", String.class, m.id()));
        assertThat(events).as("the name is personal data: sealed with the member's key")
                .doesNotContain("Private person").contains("pd1:" + m.id())
                .doesNotContain(m.password()).doesNotContain(m.email());
        assertThat(output.getAll()).doesNotContain(m.password()).doesNotContain(m.email())
                .doesNotContain("a wrong password here");
        String hash = jdbc.queryForObject("select password_hash from account where member_id = ?::uuid", String.class,
                m.id());
        assertThat(hash).startsWith("$2").doesNotContain(m.password());
    }

    @Test
    void theConfiguredAdminCanSignInAndOnlyAdminsReachAdminPaths() {
        String adminToken = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response status = api.get("/api/v1/admin/event-processors", adminToken);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().findValuesAsText("name")).contains("member-directory");

        Api.Member member = api.register("Not an admin");
        Api.Response forbidden = api.get("/api/v1/admin/event-processors", member.token());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(jdbc.queryForObject("select count(*) from account where role = 'ADMIN'", Long.class)).isEqualTo(1L);
    }
}
