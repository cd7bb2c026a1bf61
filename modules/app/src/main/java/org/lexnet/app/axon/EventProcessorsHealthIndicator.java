package org.lexnet.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Part of readiness: OUT_OF_SERVICE when an event processor is stopped or in error, so a load balancer
 * sends no traffic to a node whose projections are not moving. A processor stopped on this node for a
 * replay is not out of service: the node answers queries from the live tables meanwhile. Events waiting in a dead-letter queue
 * make it {@link #DEGRADED}: the node still serves (every other event flows on), but an operator has
 * something to look at ({@code /api/v1/admin/dead-letters}). Details (per processor) go to admins only.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    /** Mapped to HTTP 200 and ordered between OUT_OF_SERVICE and UP in application.yml. */
    static final Status DEGRADED = new Status("DEGRADED", "events wait in a dead-letter queue");

    private final EventProcessingConfiguration processing;
    private final DeadLetterCounts deadLetters;
    private final ReplaysUnderWay replays;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing, DeadLetterCounts deadLetters,
                                   ReplaysUnderWay replays) {
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.replays = replays;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, Long> parked = deadLetters.byProcessor();
        Set<String> replaying = replays.processors();
        Map<String, Object> states = new TreeMap<>();
        boolean allRunning = true;
        long letters = 0;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            long waiting = parked.getOrDefault(processor.getName(), 0L);
            boolean replay = replaying.contains(processor.getName());
            String state = ProcessorState.of(processor, waiting, replay);
            states.put(processor.getName(), waiting > 0 ? Map.of("state", state, "deadLetters", waiting) : state);
            allRunning &= ProcessorState.inService(processor, replay);
            letters += waiting;
        }
        builder.status(!allRunning ? Status.OUT_OF_SERVICE : letters > 0 ? DEGRADED : Status.UP).withDetails(states);
    }
}
