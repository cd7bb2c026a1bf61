package org.lexnet.app.safety;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.feed.FeedContract;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.lexnet.query.feed.FeedDestinations;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders are data and each is recorded once on its pairing: a node that stops before they are due
 * and a node that starts after send each exactly once, and so do two nodes checking at the same time.
 * Times are seconds here: a reminder after 2 s unanswered, another 55 s before a 60 s deadline, a nudge
 * after 3 s without a session.
 */
class ReminderTest {

    // the data directory of the other integration tests: when their node is running, its database is reused
    private static final String DATA_DIR = "target/test-data";
    private static final String ADMIN = "admin@lexnet.test";
    private static final String ADMIN_PASSWORD = "admin-password-for-tests";

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private Api start(String checkEvery) {
        // command-line arguments: they outrank application(-test).yml, which builder properties do not
        ConfigurableApplicationContext node = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.data-dir=" + DATA_DIR, "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.admin.email=" + ADMIN, "--lexnet.admin.password=" + ADMIN_PASSWORD,
                        "--lexnet.matching.instant-proposals=false",
                        "--lexnet.mentorship.proposal-expires-after=PT60S",
                        "--lexnet.mentorship.expiry-check-interval=PT1H",
                        "--lexnet.reminders.unanswered-after=PT2S", "--lexnet.reminders.before-expiry=PT55S",
                        "--lexnet.reminders.session-nudge-after=PT3S",
                        "--lexnet.reminders.check-interval=" + checkEvery);
        nodes.add(node);
        return new Api(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    private void stopAll() {
        nodes.forEach(ConfigurableApplicationContext::close);
        nodes.clear();
    }

    @Test
    void eachReminderIsSentExactlyOnceAcrossARestartAndWithTwoNodes() {
        // the first node never checks: what is due when it stops is sent by the next one
        Api first = start("PT1H");
        People people = new People(first);
        Api.Member mentor = people.mentor("Mentor Who Forgets", 3);
        Api.Member waiting = people.mentee("Mentee Waiting For An Answer");
        Api.Member paired = people.mentee("Mentee In A Quiet Pairing");
        String proposal = people.requestDirect(waiting, mentor);
        String pairing = people.requestDirect(paired, mentor);
        assertThat(first.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        stopAll();

        Api second = start("PT0.2S");
        String admin = second.signIn(ADMIN, ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events(second, admin, proposal, "ProposalReminderSentEvent")).isEqualTo(2);
            assertThat(events(second, admin, pairing, "PairingNudgedEvent")).isEqualTo(1);
        });

        // a second node on the same database, both checking every 200 ms; new reminders fall due while both run
        Api third = second;
        Api fourth = start("PT0.2S");
        People more = new People(third);
        Api.Member another = more.mentee("Mentee Asking While Two Nodes Run");
        Api.Member quiet = more.mentee("Mentee Paired While Two Nodes Run");
        String laterProposal = more.requestDirect(another, mentor);
        String laterPairing = more.requestDirect(quiet, mentor);
        assertThat(fourth.post("/api/v1/mentorships/" + laterPairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        String admin4 = fourth.signIn(ADMIN, ADMIN_PASSWORD);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(events(fourth, admin4, laterProposal, "ProposalReminderSentEvent")).isEqualTo(2);
            assertThat(events(fourth, admin4, laterPairing, "PairingNudgedEvent")).isEqualTo(1);
        });
        // and it stays so while both nodes go on checking
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() ->
                events(third, admin4, laterProposal, "ProposalReminderSentEvent") == 2
                && events(third, admin4, laterPairing, "PairingNudgedEvent") == 1
                && events(third, admin4, proposal, "ProposalReminderSentEvent") == 2
                && events(third, admin4, pairing, "PairingNudgedEvent") == 1);

        // each reached its member's own feed, in the documented shape: the mentor two reminders per
        // proposal, both sides of each quiet pairing one nudge
        FeedContract contract = FeedContract.instance();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            List<JsonNode> mentorFeed = feed(third, mentor);
            assertThat(count(mentorFeed, "PROPOSAL_REMINDER", proposal)).isEqualTo(2);
            assertThat(count(mentorFeed, "PROPOSAL_REMINDER", laterProposal)).isEqualTo(2);
            assertThat(count(mentorFeed, "SESSION_NUDGE", pairing)).isEqualTo(1);
            assertThat(count(feed(third, paired), "SESSION_NUDGE", pairing)).isEqualTo(1);
            assertThat(count(feed(third, quiet), "SESSION_NUDGE", laterPairing)).isEqualTo(1);
            assertThat(count(feed(third, waiting), "PROPOSAL_REMINDER", proposal)).isZero();
        });
        for (Api.Member member : List.of(mentor, paired, quiet)) {
            feed(third, member).stream()
                    .filter(entry -> List.of("PROPOSAL_REMINDER", "SESSION_NUDGE").contains(entry.get("kind").asText()))
                    .forEach(entry -> contract.check(FeedDestinations.MY_NOTIFICATIONS, entry));
        }
        assertThat(contract.violations()).isEmpty();
    }

    private static long events(Api node, String admin, String pairing, String type) {
        JsonNode events = node.get("/api/v1/admin/mentorships/" + pairing + "/history", admin).json().get("events");
        return events.findValuesAsText("type").stream().filter(type::equals).count();
    }

    private static List<JsonNode> feed(Api node, Api.Member member) {
        List<JsonNode> entries = new ArrayList<>();
        node.get("/api/v1/feed?after=0&limit=200", member.token()).json().get("entries").forEach(entries::add);
        return entries;
    }

    private static long count(List<JsonNode> feed, String kind, String pairing) {
        return feed.stream().filter(e -> e.get("kind").asText().equals(kind)
                                         && e.get("payload").get("mentorshipId").asText().equals(pairing)).count();
    }
}
