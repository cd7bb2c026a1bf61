package org.lexnet.app.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An opportunity's deadline is kept in PostgreSQL: an app that stops before the deadline and starts again
 * after it still closes the opportunity. The first run never checks deadlines, so the close can only come
 * from the restarted one.
 */
class OpportunityDeadlineAfterRestartTest {

    // the data directory of the other integration tests: when their node is running, its database is reused
    private static final String DATA_DIR = "target/test-data";
    private static final String ADMIN = "admin@lexnet.test";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static ConfigurableApplicationContext start(String deadlineCheck) {
        // command-line arguments: they outrank application(-test).yml, which builder properties do not
        return new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.data-dir=" + DATA_DIR, "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.admin.email=" + ADMIN, "--lexnet.admin.password=" + ADMIN_PASSWORD,
                        "--lexnet.matching.instant-proposals=false",
                        "--lexnet.opportunities.deadline-check-interval=" + deadlineCheck);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void anOpportunityClosesAtItsDeadlineAfterARestart() {
        app = start("PT1H");
        Api first = api(app);
        OpportunitySetup setup = new OpportunitySetup(first);
        List<String> needs = List.of("SYSTEMS_PRACTICE");
        Api.Member poster = setup.member("Opp Deadline Poster", "SENIOR", needs, List.of("CHARITY"), "LONDON", true);
        Api.Member late = setup.member("Opp Deadline Latecomer", "EMERGING", needs, List.of("CHARITY"), "LONDON", true);
        Map<String, Object> body = OpportunitySetup.opportunity("EVENT", needs);
        body.put("deadline", Instant.now().plusSeconds(3).toString());
        String id = setup.posted(poster, body);
        await().atMost(Duration.ofSeconds(15)).until(() -> setup.detail(late, id).status() == 200);
        app.close();

        app = start("PT0.5S");
        Api second = api(app);
        OpportunitySetup after = new OpportunitySetup(second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                after.detail(late, id).json().at("/opportunity/status").asText()).isEqualTo("CLOSED"));
        JsonNode events = second.get("/api/v1/admin/opportunities/" + id + "/history",
                second.signIn(ADMIN, ADMIN_PASSWORD)).json().get("events");
        assertThat(events.findValuesAsText("type")).containsExactly("OpportunityPostedEvent", "OpportunityClosedEvent");
        assertThat(events.get(1).get("actorId").asText()).isEqualTo("system");
        Api.Response tooLate = after.interest(late, id);
        assertThat(tooLate.status()).as(tooLate.body()).isEqualTo(409);
        assertThat(after.detail(late, id).json().at("/opportunity/interested").asBoolean()).isFalse();
    }
}
