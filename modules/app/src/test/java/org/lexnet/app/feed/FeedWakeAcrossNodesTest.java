package org.lexnet.app.feed;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * The node that writes the feed learns of events another node stored through PostgreSQL's NOTIFY, not at
 * its next poll of the event store. The second node here holds the {@code feed} processor and polls its
 * event store only every five minutes, so an entry caused by a command on the first node can reach that
 * node's client within the test's wait only if the first node's announcement woke the second.
 */
class FeedWakeAcrossNodesTest extends FeedIntegrationTest {

    private static final Duration HANDOVER_WAIT = Duration.ofSeconds(45);

    @Autowired
    EventProcessingConfiguration processing;

    private EventProcessor feedHere;
    private ConfigurableApplicationContext feedWriter;

    @BeforeEach
    void handTheFeedToANodeThatHardlyPolls() {
        feedWriter = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false", "--lexnet.event-store.poll-interval=PT5M");
        feedHere = processing.eventProcessor("feed").orElseThrow();
        feedHere.shutDown();
        TrackingEventProcessor feedThere = feedWriter.getBean(EventProcessingConfiguration.class)
                .eventProcessor("feed", TrackingEventProcessor.class).orElseThrow();
        await().atMost(HANDOVER_WAIT).until(() -> feedThere.processingStatus().containsKey(0));
    }

    @AfterEach
    void giveTheFeedBack() {
        clients.forEach(FeedClient::close);
        if (feedWriter != null) {
            feedWriter.close();
        }
        if (feedHere != null) {
            feedHere.start();
        }
    }

    @Test
    void anEntryCausedOnOneNodeIsWrittenByTheOtherWithoutWaitingForItsPoll() {
        People people = people();
        Api.Member mentor = people.mentor("Rafe", 2);
        Api.Member mentee = people.mentee("Sia");
        FeedClient mentorHere = listen(mentor);

        String pairing = people.requestDirect(mentee, mentor);

        // bounded well under the writer's five-minute poll of its event store
        await().atMost(HANDOVER_WAIT).until(() -> mentorHere.on(org.lexnet.query.feed.FeedDestinations.MY_NOTIFICATIONS)
                .stream().anyMatch(m -> m.kind().equals("PROPOSAL_RECEIVED")
                        && m.body().at("/payload/mentorshipId").asText().equals(pairing)));
    }
}
