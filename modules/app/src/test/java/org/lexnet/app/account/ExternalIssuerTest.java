package org.lexnet.app.account;

import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.security.TokenIssuer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an external OIDC issuer configured, the built-in issuer steps aside (no token endpoint) and
 * tokens are checked against the provider's keys.
 */
@TestPropertySource(properties = "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://127.0.0.1:9/realms/lexnet")
class ExternalIssuerTest extends IntegrationTest {

    @Autowired
    ObjectProvider<TokenIssuer> builtInIssuer;

    @Test
    void theBuiltInIssuerIsOffAndTheTokenEndpointIsGone() {
        assertThat(builtInIssuer.getIfAvailable()).isNull();
        String email = "external-" + UUID.randomUUID() + "@example.org";
        assertThat(api.post("/api/v1/accounts", null, Map.of("email", email, "password", "a long enough password",
                "displayName", "External")).status()).isEqualTo(201);
        Api.Response token = api.post("/api/v1/auth/token", null,
                Map.of("email", email, "password", "a long enough password"));
        assertThat(token.status()).isEqualTo(404);
        assertThat(token.contentType()).startsWith("application/problem+json");
        // the provider (nothing listens on port 9) cannot be asked for its keys: 503, not 500 or 401
        Api.Response unverifiable = api.get("/api/v1/members/me", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
        assertThat(unverifiable.status()).isEqualTo(503);
        assertThat(unverifiable.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/members/me", null).status()).isEqualTo(401);
    }
}
