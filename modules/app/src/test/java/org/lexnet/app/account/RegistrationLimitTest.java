package org.lexnet.app.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.RawHttp;
import org.springframework.test.context.TestPropertySource;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Registrations cost a password hash each: one address gets a few, then waits. */
@TestPropertySource(properties = "lexnet.security.registration.max-per-address=3")
class RegistrationLimitTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oneAddressMayRegisterOnlyAFewAccountsInAWindow() throws Exception {
        RawHttp raw = new RawHttp(port);
        for (int i = 0; i < 3; i++) {
            assertThat(register(raw, "127.0.3.1").status()).isEqualTo(201);
        }
        Api.Response refused = register(raw, "127.0.3.1");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
        assertThat(register(raw, "127.0.3.2").status()).as("another address").isEqualTo(201);
    }

    private Api.Response register(RawHttp raw, String from) throws Exception {
        return raw.send(from, "POST", "/api/v1/accounts", null, JSON.writeValueAsString(Map.of(
                "email", "r-" + UUID.randomUUID() + "@example.org", "password", "a long enough password",
                "displayName", "Registrant")));
    }
}
