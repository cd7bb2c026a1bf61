package org.lexnet.app.axon;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.CapacityMonitor;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Axon's metrics for every event processor, exactly as its own registry makes them (the same meters,
 * names and tags), except for the window of the capacity gauge: Axon keeps the processing time of every
 * message of the last ten minutes, a map entry of about 85 bytes each, bounded by time only. A node that
 * handles thousands of events a second for ten minutes (catching up, a replay, a bulk load: the
 * command-side lookups see every event stored) then held hundreds of MB of them
 * (docs/benchmarks.md); over {@link #CAPACITY_WINDOW} it holds a sixtieth of that, and the gauge, an
 * average of how busy the processor is, follows the load more closely between two scrapes.
 */
public class BoundedCapacityMetrics extends GlobalMetricRegistry {

    static final Duration CAPACITY_WINDOW = Duration.ofSeconds(10);

    private final MeterRegistry registry;
    private final Clock clock;

    public BoundedCapacityMetrics(MeterRegistry registry) {
        this(registry, Clock.SYSTEM);
    }

    BoundedCapacityMetrics(MeterRegistry registry, Clock clock) {
        super(registry);
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name, Function<Message<?>, Iterable<Tag>> tags, Function<Message<?>, Iterable<Tag>> latencyTags) {
        return new MultiMessageMonitor<>(List.of(
                MessageTimerMonitor.buildMonitor(name, registry, tags),
                EventProcessorLatencyMonitor.builder().meterNamePrefix(name).meterRegistry(registry)
                        .tagsBuilder(latencyTags).build(),
                CapacityMonitor.buildMonitor(name, registry, CAPACITY_WINDOW.toMillis(), TimeUnit.MILLISECONDS, clock,
                        tags),
                MessageCountingMonitor.buildMonitor(name, registry, tags)));
    }
}
