package org.lexnet.app.matching;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A global round over a demo-seeded pool (synthetic members created through the real commands), with
 * instant proposals off so that the round decides every proposal: it stays within each mentor's free
 * slots, says why each request stayed unmatched, and its proposals appear in the pairings' audits.
 */
class MatchRoundTest {

    private static final String ADMIN_EMAIL = "admin@lexnet.test";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";
    private static ConfigurableApplicationContext app;
    private static Api api;
    private static JdbcTemplate jdbc;

    @BeforeAll
    static void startWithDemoData() {
        app = new SpringApplicationBuilder(LexnetApplication.class).profiles("test").run(
                "--server.port=0", "--lexnet.data-dir=target/test-data-round", "--lexnet.embedded-postgres.fresh=true",
                "--lexnet.admin.email=" + ADMIN_EMAIL, "--lexnet.admin.password=" + ADMIN_PASSWORD,
                "--lexnet.demo.members=160", "--lexnet.demo.seed=7", "--lexnet.matching.instant-proposals=false");
        api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void aRoundProposesForTheWholePoolWithinCapacityAndExplainsEveryUnmatchedRequest() {
        long requests = jdbc.queryForObject("select count(*) from pairing_lookup where status = 'REQUESTED'", Long.class);
        assertThat(requests).as("demo data opened requests").isGreaterThan(20);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "select count(*) from matching_request where status = 'REQUESTED'", Long.class) == requests);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        Api.Response started = api.post("/api/v1/admin/match-rounds", admin, null);
        assertThat(started.status()).isEqualTo(202);
        String roundId = started.json().get("roundId").asText();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                api.get("/api/v1/admin/match-rounds/" + roundId, admin).json().get("status").asText())
                .isEqualTo("COMPLETED"));
        JsonNode round = api.get("/api/v1/admin/match-rounds/" + roundId, admin).json();

        JsonNode proposals = round.get("proposals");
        assertThat(proposals).isNotEmpty();
        assertThat(round.get("waitingRequests").asLong()).isEqualTo(requests);
        assertThat(proposals.size() + round.get("unmatched").size()).isEqualTo((int) requests);
        long total = 0;
        for (JsonNode p : proposals) {
            total += p.get("score").asLong();
        }
        assertThat(round.get("totalScore").asLong()).isEqualTo(total);
        assertThat(round.get("durationMs").asLong()).isNotNegative();
        round.get("unmatched").forEach(u -> assertThat(u.get("reason").asText()).isNotBlank());

        // never more proposals waiting for a mentor than their free slots
        List<Map<String, Object>> overbooked = jdbc.queryForList("""
                select l.mentor_id, count(*) as pending, m.capacity, m.slots_held
                from pairing_lookup l join matching_member m on m.member_id = l.mentor_id
                where l.status = 'PROPOSED' group by l.mentor_id, m.capacity, m.slots_held
                having count(*) > m.capacity - m.slots_held""");
        assertThat(overbooked).isEmpty();
        // each request appears at most once
        Set<String> seen = new HashSet<>();
        proposals.forEach(p -> assertThat(seen.add(p.get("mentorshipId").asText())).isTrue());

        // the round's decision is in the pairing's own history, with its score, reasons and the admin as actor
        String pairing = proposals.get(0).get("mentorshipId").asText();
        String adminId = jdbc.queryForObject("select member_id::text from account where email = ?", String.class,
                ADMIN_EMAIL);
        JsonNode history = api.get("/api/v1/admin/mentorships/" + pairing + "/history", admin).json().get("events");
        JsonNode proposed = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals("MentorProposedEvent")) {
                proposed = e;
            }
        }
        assertThat(proposed).isNotNull();
        assertThat(proposed.get("payload").get("matchRoundId").asText()).isEqualTo(roundId);
        assertThat(proposed.get("payload").get("source").asText()).isEqualTo("MATCHER");
        assertThat(proposed.get("payload").get("score").asInt()).isEqualTo(proposals.get(0).get("score").asInt());
        assertThat(proposed.get("payload").get("reasons")).isNotEmpty();
        assertThat(proposed.get("actorId").asText()).isEqualTo(adminId);
        // and the round's own record of it, in commit order right after the proposal
        List<String> types = history.findValuesAsText("type");
        assertThat(types).containsSubsequence("MentorProposedEvent", "RoundProposalRecordedEvent");
        JsonNode recorded = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals("RoundProposalRecordedEvent")) {
                recorded = e;
            }
        }
        assertThat(recorded.get("aggregateId").asText()).isEqualTo(roundId);
        assertThat(recorded.get("correlationId").asText()).isEqualTo(proposed.get("correlationId").asText());
    }
}
