package org.lexnet.app.account;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.RawHttp;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Nobody can lock anyone else out. Each client is a different loopback address (127.0.0.x), as
 * separate machines would be; the real HTTP path is used throughout.
 */
class SignInProtectionTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp http;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
    }

    @AfterEach
    void forgetFailures() {
        jdbc.update("delete from login_failure");
    }

    @Test
    void failuresOnAnAccountShutOutOnlyTheAddressThatFailedNeverTheOwnerElsewhere() {
        Api.Member owner = api.register("Owner");
        for (int i = 0; i < 5; i++) {
            assertThat(signIn("127.0.0.2", owner.email(), "guess number " + i).status()).isEqualTo(401);
        }
        Api.Response guesser = signIn("127.0.0.2", owner.email(), owner.password());
        assertThat(guesser.status()).as("the guessing address, even with the right password").isEqualTo(429);
        assertThat(guesser.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(guesser.header("Retry-After"))).isPositive();

        Api.Response elsewhere = signIn("127.0.0.3", owner.email(), owner.password());
        assertThat(elsewhere.status()).as("the owner from their own network").isEqualTo(200);
        assertThat(elsewhere.json().get("accessToken").asText()).isNotBlank();
    }

    @Test
    void aBusyAddressIsSlowedDownButAColleagueWithTheRightPasswordIsNeverRefused() {
        Api.Member colleague = api.register("Colleague behind the same office network");
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("127.0.0.4", "spray-" + i + "-" + UUID.randomUUID() + "@example.org", "guess")
                    .status()).isEqualTo(401);
        }
        long started = System.nanoTime();
        Api.Response sprayer = signIn("127.0.0.4", "spray-more-" + UUID.randomUUID() + "@example.org", "guess");
        assertThat(sprayer.status()).as("slowed, still answered").isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("the address waits before each check")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));

        Api.Response signedIn = signIn("127.0.0.4", colleague.email(), colleague.password());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(signIn("127.0.0.5", colleague.email(), colleague.password()).status())
                .as("another address is not slowed").isEqualTo(200);
    }

    @Test
    void anAccountGuessedAtFromManyAddressesIsSlowedDownNotLocked() {
        Api.Member owner = api.register("Much guessed at");
        for (int i = 0; i < 10; i++) {
            assertThat(signIn("127.0.1." + (i + 1), owner.email(), "guess " + i).status()).isEqualTo(401);
        }
        long started = System.nanoTime();
        Api.Response signedIn = signIn("127.0.2.1", owner.email(), owner.password());
        assertThat(signedIn.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    private Api.Response signIn(String from, String email, String password) {
        try {
            return http.send(from, "POST", "/api/v1/auth/token", null,
                    JSON.writeValueAsString(Map.of("email", email, "password", password)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
