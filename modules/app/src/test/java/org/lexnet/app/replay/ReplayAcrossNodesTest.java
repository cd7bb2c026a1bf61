package org.lexnet.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.axon.NodeIdentity;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.lexnet.app.support.ReplayGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database: a replay asked on the node that holds none of the processor's segments
 * still stops the processor where it runs, runs once, and both nodes show it, answer queries from the
 * old tables meanwhile, report its progress to their admins and afterwards share the segments again.
 */
class ReplayAcrossNodesTest extends ReplayIntegrationTest {

    private static final int HELD_AFTER = 2;
    private static final String PROCESSOR = "mentorships";

    @Autowired
    private NodeIdentity firstNode;

    private ConfigurableApplicationContext secondNode;
    private Api other;
    private String otherNodeName;

    @BeforeEach
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(LexnetApplication.class).profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false");
        other = new Api(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port")));
        otherNodeName = secondNode.getBean(NodeIdentity.class).name();
    }

    @AfterEach
    void stopSecondNode() {
        ReplayGate.release();
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void aReplayAskedOnOneNodeRunsOnceAndEveryNodeFollowsIt() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        People people = new People(api);
        Api.Member mentor = people.mentor("Ivo " + mark, 3);
        Api.Member mentee = people.mentee("Jun " + mark);
        Api.Member waiting = people.mentee("Kit " + mark);
        String active = people.requestDirect(mentee, mentor);
        assertThat(api.post("/api/v1/mentorships/" + active + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        String open = people.requestDirect(waiting, mentor);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(api.get("/api/v1/mentorships/" + active, mentee.token()).json().get("status").asText())
                    .isEqualTo("ACTIVE");
            assertThat(other.get("/api/v1/mentorships/" + open, waiting.token()).status()).isEqualTo(200);
        });
        String ours = "mentorship_id::text in (?, ?)";
        List<String> pairingsBefore = rows("mentorship_view", ours, active, open);
        List<String> proposalsBefore = rows("mentorship_proposal", ours, active, open);
        Set<String> nodes = Set.of(firstNode.name(), otherNodeName);

        List<QueryWatch.Query> queries = new ArrayList<>();
        for (Api node : List.of(api, other)) {
            queries.add(QueryWatch.Query.of(node, "/api/v1/mentorships/" + active, mentee.token()));
            queries.add(QueryWatch.Query.of(node, "/api/v1/mentorships/" + open, mentor.token()));
        }
        FeedClient operations = FeedClient.connect(port, admin);
        clients.add(operations);
        operations.subscribe(OperationsFeed.DESTINATION);

        ReplayGate.arm(PROCESSOR, HELD_AFTER);
        String id;
        try (QueryWatch watch = QueryWatch.start(queries)) {
            Api.Response accepted = requestReplay(other, PROCESSOR, admin);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            id = accepted.json().get("replayId").asText();
            assertThat(requestReplay(api, PROCESSOR, admin).status()).as("asked again on the other node")
                    .isEqualTo(409);

            // held half way: both nodes show the same replay under way, and both keep answering
            JsonNode running = awaitReplay(api, PROCESSOR,
                    replay(id, "REPLAYING").and(r -> ReplayGate.arrived() > HELD_AFTER));
            assertThat(awaitReplay(other, PROCESSOR, replay(id, "REPLAYING")).get("startedAt"))
                    .isEqualTo(running.get("startedAt"));
            JsonNode onOther = status(other, PROCESSOR);
            assertThat(onOther.get("replaying").asBoolean()).isTrue();
            assertThat(onOther.get("state").asText()).isIn("replaying", "dead-letters");
            int roundsWhileHeld = watch.rounds();
            await().atMost(PROJECTION_WAIT).until(() -> watch.rounds() >= roundsWhileHeld + 3);

            ReplayGate.release();
            awaitReplay(other, PROCESSOR, replay(id, "COMPLETED"));
            awaitReplay(api, PROCESSOR, replay(id, "COMPLETED"));
            assertThat(watch.wrongAnswers()).as("every answer on either node during the replay").isEmpty();
        }
        assertThat(jdbc.queryForObject("select count(*) from replay_request where replay_id = ?::uuid and "
                + "started_at is not null", Long.class, id)).as("started once").isOne();
        assertThat(rows("mentorship_view", ours, active, open)).as("the rebuilt pairings").isEqualTo(pairingsBefore);
        assertThat(rows("mentorship_proposal", ours, active, open)).isEqualTo(proposalsBefore);
        evictLettersLeftBy(PROCESSOR, Set.of(active, open));

        // every segment is claimed again, by the nodes, and the read model moves on on either of them
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select coalesce(owner, '') from token_entry where processor_name = ?", String.class, PROCESSOR))
                .isNotEmpty().allSatisfy(owner -> assertThat(nodes).contains(owner)));
        assertThat(other.post("/api/v1/mentorships/" + open + "/withdraw", waiting.token(), null).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/mentorships/" + open, waiting.token()).json().get("status").asText())
                .isEqualTo("WITHDRAWN"));

        // the admin on the first node heard of a replay asked and run elsewhere
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(operations
                .on(OperationsFeed.DESTINATION).stream().map(m -> m.body().get("payload"))
                .filter(p -> p.get("replayId").asText().equals(id)).map(p -> p.get("state").asText()))
                .contains("REPLAYING", "COMPLETED"));
    }
}
