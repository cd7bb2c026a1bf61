package org.lexnet.app.axon;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.TreeMap;

/**
 * Part of readiness: UP only when every event processor is running and none is in error, so a load
 * balancer sends no traffic to a node whose projections are not moving.
 */
@Component("eventProcessors")
class EventProcessorsHealthIndicator extends AbstractHealthIndicator {

    private final EventProcessingConfiguration processing;

    EventProcessorsHealthIndicator(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> states = new TreeMap<>();
        boolean allRunning = true;
        for (EventProcessor processor : processing.eventProcessors().values()) {
            boolean ok = processor.isRunning() && !processor.isError();
            String state = ok ? "running" : processor.isError() ? "error" : "stopped";
            if (ok && processor instanceof StreamingEventProcessor streaming && streaming.isReplaying()) {
                state = "replaying";
            }
            states.put(processor.getName(), state);
            allRunning &= ok;
        }
        (allRunning ? builder.up() : builder.outOfService()).withDetails(states);
    }
}
