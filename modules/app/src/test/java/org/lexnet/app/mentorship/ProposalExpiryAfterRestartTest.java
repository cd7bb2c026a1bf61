package org.lexnet.app.mentorship;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A proposal's deadline is kept in PostgreSQL: an app (and database) that stops before the deadline
 * and starts again after it still expires the proposal. The first run never checks for expiry, so
 * the expiry can only come from the restarted one.
 */
class ProposalExpiryAfterRestartTest {

    private static final String DATA_DIR = "target/test-data-restart";

    private ConfigurableApplicationContext app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static ConfigurableApplicationContext start(boolean fresh, String expiryCheck) {
        // command-line arguments: they outrank application(-test).yml, which builder properties do not
        return new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.data-dir=" + DATA_DIR, "--lexnet.embedded-postgres.fresh=" + fresh,
                        "--lexnet.admin.email=admin@lexnet.test", "--lexnet.admin.password=admin-password-for-tests",
                        "--lexnet.mentorship.proposal-expires-after=PT3S", "--lexnet.matching.instant-proposals=false",
                        "--lexnet.mentorship.expiry-check-interval=" + expiryCheck);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void anUnansweredProposalExpiresAfterARestartAndTheRequestWaitsAgain() {
        app = start(true, "PT1H");
        Api first = api(app);
        People people = new People(first);
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 1);
        String id = people.requestDirect(mentee, mentor);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(
                first.get("/api/v1/mentorships/" + id, mentee.token()).json().get("status").asText())
                .isEqualTo("PROPOSED"));
        app.close();

        app = start(false, "PT1S");
        Api second = api(app);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                second.get("/api/v1/mentorships/" + id, mentee.token()).json().get("status").asText())
                .isEqualTo("REQUESTED"));
        var history = second.get("/api/v1/admin/mentorships/" + id + "/history",
                second.signIn("admin@lexnet.test", "admin-password-for-tests")).json();
        assertThat(history.get("events").findValuesAsText("type"))
                .containsSubsequence("MentorProposedEvent", "ProposalExpiredEvent");
        var expired = history.get("events").get(history.get("events").size() - 1);
        assertThat(expired.get("actorId").asText()).isEqualTo("system");
        // the mentor is no longer part of the request: they cannot accept, nor see it
        assertThat(second.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null).status())
                .isEqualTo(404);
        assertThat(second.get("/api/v1/mentorships/" + id, mentor.token()).status()).isEqualTo(404);
    }
}
