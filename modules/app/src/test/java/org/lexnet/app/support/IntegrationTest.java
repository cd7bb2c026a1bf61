package org.lexnet.app.support;

import org.junit.jupiter.api.BeforeEach;
import org.lexnet.app.LexnetApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the integration tests: the whole application on a random port, on the embedded PostgreSQL
 * (one server per test JVM), driven over real HTTP. Every test makes its own members, so tests do not
 * need a clean database and the context is shared. The matcher's instant proposals are off here, so
 * that pairing tests control every proposal themselves; the matching tests turn them on.
 */
@SpringBootTest(classes = LexnetApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
                properties = {"lexnet.admin.email=admin@lexnet.test", "lexnet.admin.password=admin-password-for-tests",
                              "lexnet.matching.instant-proposals=${lexnet.test.instant-proposals:false}"})
@ActiveProfiles("test")
// Spring Boot's tests turn metrics export off unless asked; /actuator/prometheus is part of the product
@AutoConfigureObservability(tracing = false)
public abstract class IntegrationTest {

    protected static final Duration PROJECTION_WAIT = Duration.ofSeconds(15);
    protected static final String ADMIN_EMAIL = "admin@lexnet.test";
    protected static final String ADMIN_PASSWORD = "admin-password-for-tests";

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = new Api(port);
    }

    /** Number of events stored for one aggregate: a rejected command must not change it. */
    protected long eventCount(String aggregateId) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId);
        return n == null ? 0 : n;
    }

    /** Waits (bounded) until the member's read-model version reaches the given version. */
    protected void awaitVersion(Api.Member member, long version) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response me = api.get("/api/v1/members/me", member.token());
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("version").asLong()).isGreaterThanOrEqualTo(version);
        });
    }
}
