package org.lexnet.app.feed;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.axon.NotifyingEventStore;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A node learns of the events another node stored through PostgreSQL's NOTIFY, not at its next poll of
 * the event store. The second node here polls its store only every five minutes, so a stream of its
 * store can see an event stored through the first node within the test's wait only if the first node's
 * announcement woke it. Its processors (the feed's writer among them, when it holds the feed) read
 * through the same store; the end-to-end figure is in docs/benchmarks.md, "Live feed across nodes".
 */
class EventStoreWakeAcrossNodesTest extends IntegrationTest {

    private static final Duration WELL_UNDER_THE_POLL = Duration.ofSeconds(30);

    private ConfigurableApplicationContext hardlyPolling;

    @BeforeEach
    void startANodeThatHardlyPolls() {
        hardlyPolling = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false", "--lexnet.event-store.poll-interval=PT5M");
    }

    @AfterEach
    void stopIt() {
        if (hardlyPolling != null) {
            hardlyPolling.close();
        }
    }

    @Test
    void eventsStoredThroughOneNodeWakeTheOthersStreamsAtOnce() {
        NotifyingEventStore theirStore = hardlyPolling.getBean(NotifyingEventStore.class);
        AtomicInteger callbacks = new AtomicInteger();
        TrackingEventStream stream = theirStore.openStream(theirStore.createHeadToken());
        try {
            assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
            // the first look reads the store itself and finds nothing new; from then on the stream tails
            // what the node's event store fetches, which it does at its poll or when woken
            assertThat(stream.hasNextAvailable()).isFalse();

            String member = api.register("Ines").id();

            List<String> aggregates = new ArrayList<>();
            await().atMost(WELL_UNDER_THE_POLL).until(() -> {
                while (stream.hasNextAvailable()) {
                    if (stream.nextAvailable() instanceof DomainEventMessage<?> event) {
                        aggregates.add(event.getAggregateIdentifier());
                    }
                }
                return aggregates.contains(member);
            });
            assertThat(callbacks.get()).as("the stream's reader was called back").isPositive();
        } finally {
            stream.close();
        }
    }
}
