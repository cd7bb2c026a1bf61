package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one database: a client connected to either receives every entry meant
 * for it, whichever node handled the command and whichever node wrote the entry. The second node
 * gives its proposals a 2-second deadline, so an expiry happens during the test as well.
 */
class FeedAcrossNodesTest extends FeedIntegrationTest {

    private ConfigurableApplicationContext secondNode;
    private Api other;
    private int otherPort;
    private SimpUserRegistry otherUsers;

    @BeforeEach
    void startSecondNode() {
        secondNode = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false",
                        "--lexnet.mentorship.proposal-expires-after=PT2S");
        otherPort = Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"));
        other = new Api(otherPort);
        otherUsers = secondNode.getBean(SimpUserRegistry.class);
    }

    @AfterEach
    void stopSecondNode() {
        clients.forEach(FeedClient::close);
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void entriesProducedOnOneNodeReachClientsConnectedToTheOther() {
        People people = people();
        Api.Member mentor = people.mentor("Noor", 3);
        Api.Member mentee = people.mentee("Omar");
        Api.Member late = people.mentee("Pat");
        Api.Member observer = people.member("Quil", "EMERGING", false, Map.of());
        FeedClient mentorOnSecond = listen(otherPort, otherUsers, mentor);
        FeedClient menteeOnFirst = listen(mentee);
        FeedClient lateOnFirst = listen(late);
        FeedClient observerOnSecond = listen(otherPort, otherUsers, observer);

        // a command on the first node reaches a client on the second
        String pairing = people.requestDirect(mentee, mentor);
        awaitNotification(mentorOnSecond, "PROPOSAL_RECEIVED", field("mentorshipId", pairing));
        awaitNotification(menteeOnFirst, "MENTOR_PROPOSED", field("mentorshipId", pairing));
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        awaitNotification(menteeOnFirst, "PROPOSAL_ACCEPTED", field("mentorshipId", pairing));
        awaitPublic(observerOnSecond, "PAIRING_STARTED", p -> true);

        // a command on the second node reaches a client on the first; its proposal lapses after 2 s
        String lapsing = new People(other).requestDirect(late, mentor);
        awaitNotification(lateOnFirst, "MENTOR_PROPOSED", field("mentorshipId", lapsing));
        JsonNode toMentee = awaitNotification(lateOnFirst, "PROPOSAL_EXPIRED", field("mentorshipId", lapsing))
                .body();
        JsonNode toMentor = awaitNotification(mentorOnSecond, "PROPOSAL_EXPIRED", field("mentorshipId", lapsing))
                .body();
        assertThat(toMentee.at("/payload/role").asText()).isEqualTo("MENTEE");
        assertThat(toMentee.at("/payload/other/memberId").asText()).isEqualTo(mentor.id());
        assertThat(toMentor.at("/payload/role").asText()).isEqualTo("MENTOR");
        assertThat(toMentor.at("/payload/other/memberId").asText()).isEqualTo(late.id());

        // both nodes answer the catch-up alike, with the cursors the clients saw live
        long first = mentorOnSecond.received().get(0).cursor() - 1;
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            List<JsonNode> fromFirst = catchUp(api, mentor, first, 200);
            List<JsonNode> fromSecond = catchUp(other, mentor, first, 200);
            assertThat(fromSecond).isEqualTo(fromFirst);
            assertThat(fromFirst).isEqualTo(mentorOnSecond.received().stream().map(FeedClient.Received::body)
                    .toList());
        });
    }
}
