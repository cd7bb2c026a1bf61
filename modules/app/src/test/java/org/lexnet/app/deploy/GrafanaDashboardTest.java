package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/grafana/lexnet.json: every metric its queries read is one the app exports — compared with a
 * scrape of /actuator/prometheus after the traffic that makes each lexnet series appear (a command, a
 * feed entry, a failed sign-in, a match round) — and it has a panel for each figure docs/operations.md
 * tells an operator to watch.
 */
class GrafanaDashboardTest extends IntegrationTest {

    @Autowired
    SimpUserRegistry stompUsers;

    private static final String SCRAPE_TOKEN = "scrape-token-for-tests-0123456789";
    private static final Pattern SAMPLE_NAME = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]");

    @Test
    void everyMetricTheDashboardQueriesIsOneTheAppExports() {
        Map<String, Set<String>> queried = queriedMetrics(dashboard());
        assertThat(queried).hasSizeGreaterThanOrEqualTo(10);

        People people = new People(api);
        Api.Member mentor = people.mentor("Nia", 1);
        Api.Member mentee = people.mentee("Oto");
        try (FeedClient feed = FeedClient.listeningOnceRegistered(port, mentor.token(), stompUsers, mentor.id())) {
            String pairing = people.requestDirect(mentee, mentor);
            await().atMost(PROJECTION_WAIT).until(() -> feed.received().stream()
                    .anyMatch(m -> m.body().at("/payload/mentorshipId").asText().equals(pairing)));
            assertThat(api.call("POST", "/api/v1/auth/token")
                    .json(Map.of("email", mentee.email(), "password", "certainly not the password")).send().status())
                    .isEqualTo(401);
            String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
            String round = api.post("/api/v1/admin/match-rounds", admin, null).json().get("roundId").asText();
            await().atMost(PROJECTION_WAIT).until(() -> !api.get("/api/v1/admin/match-rounds/" + round, admin)
                    .json().get("status").asText().equals("RUNNING"));

            Set<String> exported = exportedMetrics();
            Map<String, Set<String>> unknown = new TreeMap<>();
            queried.forEach((panel, names) -> names.stream().filter(name -> !exported.contains(name))
                    .forEach(name -> unknown.computeIfAbsent(panel, k -> new TreeSet<>()).add(name)));
            assertThat(unknown).as("metrics the dashboard queries that the app does not export").isEmpty();
        }
    }

    @Test
    void aPanelWatchesEachFigureTheOperationsGuideNames() {
        Set<String> all = new TreeSet<>();
        queriedMetrics(dashboard()).values().forEach(all::addAll);
        assertThat(all).contains("commandBus_successCounter_total", "commandBus_failureCounter_total",
                "commandBus_allTimer_seconds_bucket", "lexnet_event_processor_lag_events",
                "lexnet_event_processor_lag_seconds", "lexnet_event_processor_dead_letters",
                "lexnet_match_round_duration_seconds_bucket", "lexnet_match_round_requests_sum",
                "lexnet_match_round_proposals_sum", "lexnet_feed_deliveries_total", "lexnet_feed_sessions",
                "lexnet_signin_failures_total");
        String operations = DeployFiles.read(DeployFiles.repositoryRoot().resolve("docs/operations.md"));
        for (String metric : all) {
            String documented = metric.replaceAll("_(bucket|count|sum|max)$", "");
            assertThat(operations).as(metric + " in docs/operations.md").contains(documented);
        }
    }

    @Test
    void theNameCheckReadsMetricsNotFunctionsLabelsOrVariables() {
        assertThat(PromQlMetricNames.in("histogram_quantile(0.95, sum by (payloadType, le) "
                + "(rate(commandBus_allTimer_seconds_bucket{application=\"lexnet\", instance=~\"$instance\"}"
                + "[$__rate_interval])))")).containsExactly("commandBus_allTimer_seconds_bucket");
        assertThat(PromQlMetricNames.in("sum(increase(a_sum[1h])) / sum(increase(a_count[1h])) > 0 and on (x) b"))
                .containsExactly("a_count", "a_sum", "b");
        assertThat(PromQlMetricNames.in("label_values(lexnet_feed_sessions{application=\"lexnet\"}, instance)"))
                .containsExactly("lexnet_feed_sessions");
        // a misspelt name is reported, so the comparison above can fail
        assertThat(PromQlMetricNames.in("max by (processor) (lexnet_event_processor_lag_second)"))
                .containsExactly("lexnet_event_processor_lag_second");
    }

    /** For each panel (and template variable) of the dashboard, the metrics its queries read. */
    static Map<String, Set<String>> queriedMetrics(JsonNode dashboard) {
        Map<String, Set<String>> queried = new LinkedHashMap<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                queried.computeIfAbsent("panel " + panel.path("title").asText(), k -> new TreeSet<>())
                        .addAll(PromQlMetricNames.in(target.path("expr").asText()));
            }
        }
        for (JsonNode variable : dashboard.at("/templating/list")) {
            if (variable.path("type").asText().equals("query")) {
                JsonNode query = variable.path("query");
                queried.put("variable " + variable.path("name").asText(),
                        PromQlMetricNames.in(query.isObject() ? query.path("query").asText() : query.asText()));
            }
        }
        return queried;
    }

    static JsonNode dashboard() {
        try {
            return DeployFiles.JSON.readTree(DeployFiles.deploy("grafana/lexnet.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<String> exportedMetrics() {
        Api.Response scrape = api.get("/actuator/prometheus", SCRAPE_TOKEN);
        assertThat(scrape.status()).isEqualTo(200);
        Set<String> names = new TreeSet<>();
        for (String line : scrape.body().split("\n")) {
            Matcher sample = SAMPLE_NAME.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                names.add(sample.group(1));
            }
        }
        return names;
    }
}
