package org.lexnet.app.feed;

import org.axonframework.eventhandling.TrackingEventStream;
import org.junit.jupiter.api.Test;
import org.lexnet.app.axon.NotifyingEventStore;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event store's streams call their reader back when events are stored, which is what lets the pooled
 * processors (the read models, the matching pool) follow a command at once instead of looking for new
 * events every 500 ms.
 */
class EventStoreWakeUpTest extends IntegrationTest {

    @Autowired
    NotifyingEventStore eventStore;

    @Test
    void aStreamAtTheHeadIsCalledBackWhenACommandStoresAnEvent() {
        AtomicInteger callbacks = new AtomicInteger();
        TrackingEventStream stream = eventStore.openStream(eventStore.createHeadToken());
        try {
            assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
            int before = callbacks.get();

            api.register("Wren");

            await().atMost(PROJECTION_WAIT).until(() -> callbacks.get() > before);
            assertThat(stream.hasNextAvailable()).isTrue();
        } finally {
            stream.close();
        }
    }
}
