package org.lexnet.app.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.lexnet.app.axon.DeadLetterCounts;
import org.lexnet.app.axon.TokenPositions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For each streaming processor, how far it is behind the head of the event store — in events, and in
 * seconds (the age of the oldest event it has not handled yet; 0 when it has caught up) — and how many
 * events wait in its dead-letter queue. Read from the shared tables, so every node reports the same
 * figures for the whole cluster. One snapshot serves all the gauges of a scrape (it is at most
 * {@link #FRESH_FOR} old), so a scrape costs a handful of indexed queries whatever the number of
 * processors.
 */
@Component
class ProcessorLagMetrics {

    private static final Logger log = LoggerFactory.getLogger(ProcessorLagMetrics.class);
    static final Duration FRESH_FOR = Duration.ofSeconds(2);

    private final TokenPositions tokens;
    private final DeadLetterCounts deadLetters;
    private final JdbcTemplate jdbc;
    private final EventProcessingConfiguration processing;
    private final MeterRegistry registry;
    private final Clock clock;
    private Snapshot snapshot = Snapshot.unknown(Instant.MIN);

    ProcessorLagMetrics(TokenPositions tokens, DeadLetterCounts deadLetters, JdbcTemplate jdbc,
                        EventProcessingConfiguration processing, MeterRegistry registry, Clock clock) {
        this.tokens = tokens;
        this.deadLetters = deadLetters;
        this.jdbc = jdbc;
        this.processing = processing;
        this.registry = registry;
        this.clock = clock;
    }

    /** Registered once the processors exist (they are built with the Axon configuration). */
    @EventListener(ApplicationReadyEvent.class)
    void register() {
        List<String> streaming = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(EventProcessor::getName).sorted().toList();
        for (String name : streaming) {
            Gauge.builder("lexnet.event.processor.lag.events", this, m -> m.current().lagEvents(name))
                    .tag("processor", name).description("events in the store this processor has not handled yet")
                    .baseUnit("events").register(registry);
            Gauge.builder("lexnet.event.processor.lag.seconds", this, m -> m.current().lagSeconds(name))
                    .tag("processor", name)
                    .description("age of the oldest event this processor has not handled yet (0 when caught up)")
                    .register(registry);
            Gauge.builder("lexnet.event.processor.dead.letters", this, m -> m.current().deadLetters(name))
                    .tag("processor", name).description("events waiting in this processor's dead-letter queue")
                    .register(registry);
        }
    }

    private synchronized Snapshot current() {
        Instant now = clock.instant();
        if (snapshot.takenAt().plus(FRESH_FOR).isAfter(now)) {
            return snapshot;
        }
        try {
            long head = tokens.head();
            Map<String, Long> positions = tokens.slowestSegmentByProcessor();
            Map<String, Double> ageOfOldestUnhandled = new HashMap<>();
            positions.forEach((name, position) -> {
                if (position < head) {
                    ageOfOldestUnhandled.put(name, ageOfEventAfter(position, now));
                }
            });
            Map<String, Long> lagEvents = new HashMap<>();
            positions.forEach((name, position) -> lagEvents.put(name, Math.max(0, head - position)));
            snapshot = new Snapshot(now, true, lagEvents, ageOfOldestUnhandled, deadLetters.byProcessor());
        } catch (RuntimeException unavailable) {
            // the database is down: the health endpoint says so; the gauges go blank rather than lie
            log.warn("Could not read the event processors' positions: {}", unavailable.toString());
            snapshot = Snapshot.unknown(now);
        }
        return snapshot;
    }

    private double ageOfEventAfter(long position, Instant now) {
        List<String> stamps = jdbc.queryForList("select time_stamp from domain_event_entry where global_index > ?"
                                                + " order by global_index limit 1", String.class, position);
        if (stamps.isEmpty()) {
            return 0;
        }
        return Math.max(0, Duration.between(Instant.parse(stamps.get(0)), now).toMillis() / 1000.0);
    }

    private record Snapshot(Instant takenAt, boolean known, Map<String, Long> lagEvents,
                            Map<String, Double> lagSeconds, Map<String, Long> deadLetterCounts) {

        static Snapshot unknown(Instant at) {
            return new Snapshot(at, false, Map.of(), Map.of(), Map.of());
        }

        double lagEvents(String processor) {
            Long lag = lagEvents.get(processor);
            return lag == null ? Double.NaN : lag;
        }

        double lagSeconds(String processor) {
            return lagEvents.containsKey(processor) ? lagSeconds.getOrDefault(processor, 0.0) : Double.NaN;
        }

        double deadLetters(String processor) {
            return known ? deadLetterCounts.getOrDefault(processor, 0L) : Double.NaN;
        }
    }
}
