package org.lexnet.app.axon;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.monitoring.MessageMonitor;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An event processor's capacity gauge forgets a message once the window has passed: seconds, not minutes. */
class BoundedCapacityMetricsTest {

    @Test
    void theCapacityGaugeCoversTheLastSecondsOnly() {
        MockClock clock = new MockClock();
        SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
        MessageMonitor<? super EventMessage<?>> monitor = new BoundedCapacityMetrics(registry, clock)
                .registerEventProcessor("eventProcessor", m -> Tags.of("processorName", "p"),
                        m -> Tags.of("processorName", "p"));

        MessageMonitor.MonitorCallback handling = monitor.onMessageIngested(GenericEventMessage.asEventMessage("x"));
        clock.add(2, TimeUnit.SECONDS);
        handling.reportSuccess();

        assertThat(capacity(registry)).isCloseTo(0.2, org.assertj.core.data.Offset.offset(0.01));
        assertThat(registry.find("eventProcessor.successCounter").counter()).isNotNull();
        assertThat(registry.find("eventProcessor.latency").gauge()).isNotNull();

        clock.add(BoundedCapacityMetrics.CAPACITY_WINDOW.toSeconds() + 1, TimeUnit.SECONDS);
        assertThat(capacity(registry)).isZero();
    }

    private static double capacity(SimpleMeterRegistry registry) {
        return registry.get("eventProcessor.capacity").tags("processorName", "p").gauge().value();
    }
}
