package org.lexnet.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /actuator/prometheus} after real traffic: commands by type, each processor's lag and dead
 * letters, match rounds, feed deliveries and STOMP sessions, failed sign-ins — each figure read before
 * and after the traffic that must move it. Only the scraper's token and admins may read it.
 */
class MetricsTest extends IntegrationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    SimpUserRegistry stompUsers;

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*})? (\\S+)$");

    @Test
    void theFiguresAnOperatorWatchesMoveWithRealTraffic() {
        People people = new People(api);
        Api.Member mentor = people.mentor("Rowan", 2);
        Api.Member mentee = people.mentee("Sol");
        Map<String, Double> before = scrape();

        try (FeedClient mentorFeed = FeedClient.listeningOnceRegistered(port, mentor.token(), stompUsers,
                mentor.id())) {
            String pairing = people.requestDirect(mentee, mentor);
            await().atMost(PROJECTION_WAIT).until(() -> mentorFeed.received().stream()
                    .anyMatch(m -> m.body().at("/payload/mentorshipId").asText().equals(pairing)));
            assertThat(api.call("POST", "/api/v1/auth/token")
                    .json(Map.of("email", mentee.email(), "password", "not the password at all")).send().status())
                    .isEqualTo(401);
            String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            people.requestOpen(people.mentee("Tam"));
            String round = api.post("/api/v1/admin/match-rounds", admin, null).json().get("roundId").asText();
            await().atMost(PROJECTION_WAIT).until(() -> !api.get("/api/v1/admin/match-rounds/" + round, admin)
                    .json().get("status").asText().equals("RUNNING"));

            // the round's figures are recorded just after its last command: the read model can be first
            await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
                Map<String, Double> after = scrape();
                assertThat(after.get("lexnet_feed_sessions{application=\"lexnet\"}")).isGreaterThanOrEqualTo(1);
                assertThat(after.get("lexnet_feed_sockets{application=\"lexnet\"}")).isGreaterThanOrEqualTo(1);
                assertThat(increase(before, after, "lexnet_feed_deliveries_total", "audience=\"member\"")).isPositive();
                assertThat(increase(before, after, "lexnet_signin_failures_total", "reason=\"wrong-credentials\""))
                        .isEqualTo(1);
                assertThat(increase(before, after, "lexnet_match_round_duration_seconds_count",
                        "outcome=\"completed\"")).isEqualTo(1);
                assertThat(increase(before, after, "lexnet_match_round_requests_count", "")).isEqualTo(1);
                assertThat(increase(before, after, "commandBus_successCounter_total",
                        "payloadType=\"RequestMentorshipCommand\"")).isGreaterThanOrEqualTo(2);
                assertThat(increase(before, after, "commandBus_allTimer_seconds_bucket",
                        "payloadType=\"RequestMentorshipCommand\",le=\"+Inf\"")).isGreaterThanOrEqualTo(2);
            });
        }

        // every streaming processor has its lag and dead letters; once caught up, the lag is nil
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Map<String, Double> now = scrape();
            for (String processor : new String[]{"member-directory", "mentorships", "feed", "matching-pool"}) {
                String labels = "{application=\"lexnet\",processor=\"" + processor + "\"}";
                assertThat(now).containsEntry("lexnet_event_processor_lag_events" + labels, 0.0)
                        .containsEntry("lexnet_event_processor_lag_seconds" + labels, 0.0)
                        .containsEntry("lexnet_event_processor_dead_letters" + labels, 0.0);
            }
        });
    }

    @Test
    void aProcessorThatStandsStillFallsBehindInEventsAndSeconds() {
        EventProcessor mentorLoad = processing.eventProcessor("mentor-load").orElseThrow();
        String labels = "{application=\"lexnet\",processor=\"mentor-load\"}";
        mentorLoad.shutDown();
        try {
            new People(api).mentor("Vic", 1);
            await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
                Map<String, Double> now = scrape();
                assertThat(now.get("lexnet_event_processor_lag_events" + labels)).isGreaterThanOrEqualTo(1);
                assertThat(now.get("lexnet_event_processor_lag_seconds" + labels)).isPositive();
            });
        } finally {
            mentorLoad.start();
        }
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(scrape()).containsEntry("lexnet_event_processor_lag_events" + labels, 0.0)
                        .containsEntry("lexnet_event_processor_lag_seconds" + labels, 0.0));
    }

    @Test
    void onlyTheScraperAndAdminsMayReadTheMetrics() {
        Api.Member member = api.register("Uma");
        assertThat(prometheus(null).status()).isEqualTo(401);
        assertThat(prometheus("not-the-scrape-token-but-long-enough").status()).isEqualTo(401);
        assertThat(prometheus(member.token()).status()).isEqualTo(403);
        assertThat(prometheus(member.token()).contentType()).startsWith("application/problem+json");
        assertThat(prometheus(api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status()).isEqualTo(200);
        assertThat(prometheus(SCRAPE_TOKEN).status()).isEqualTo(200);
    }

    private Api.Response prometheus(String token) {
        return api.get("/actuator/prometheus", token);
    }

    private Map<String, Double> scrape() {
        Api.Response response = prometheus(SCRAPE_TOKEN);
        assertThat(response.status()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        for (String line : response.body().split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.matches()) {
                samples.put(sample.group(1) + (sample.group(2) == null ? "" : sample.group(2)),
                        Double.parseDouble(sample.group(3)));
            }
        }
        return samples;
    }

    /** How much the samples of this metric whose labels contain the fragment grew, summed. */
    private static double increase(Map<String, Double> before, Map<String, Double> after, String metric,
                                   String labelFragment) {
        return sum(after, metric, labelFragment) - sum(before, metric, labelFragment);
    }

    private static double sum(Map<String, Double> samples, String metric, String labelFragment) {
        return samples.entrySet().stream()
                .filter(e -> e.getKey().startsWith(metric + "{") || e.getKey().equals(metric))
                .filter(e -> e.getKey().contains(labelFragment))
                .mapToDouble(Map.Entry::getValue).sum();
    }
}
