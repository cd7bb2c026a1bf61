package org.lexnet.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.lexnet.app.axon.DeadLetterCounts;
import org.lexnet.app.axon.ProcessorState;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * For the programme team's operators: is every projection running, is any replaying, and how many
 * events wait in each dead-letter queue (a poisoned event parks there instead of stopping the
 * projection; {@link DeadLetterController} shows and clears them). Admin only, like everything under
 * /api/v1/admin.
 */
@RestController
class EventProcessorStatusController {

    private final EventProcessingConfiguration processing;
    private final DeadLetterCounts deadLetters;

    EventProcessorStatusController(EventProcessingConfiguration processing, DeadLetterCounts deadLetters) {
        this.processing = processing;
        this.deadLetters = deadLetters;
    }

    @Operation(operationId = "listEventProcessors", summary = "The event processors and their state",
               description = "Per processor: running, in error, replaying, and how many events wait in its "
                             + "dead-letter queue.")
    @GetMapping("/api/v1/admin/event-processors")
    List<ProcessorStatus> processors() {
        Map<String, Long> parked = deadLetters.byProcessor();
        return processing.eventProcessors().values().stream()
                .map(p -> {
                    long letters = parked.getOrDefault(p.getName(), 0L);
                    return new ProcessorStatus(p.getName(), ProcessorState.of(p, letters), p.isRunning(), p.isError(),
                            p instanceof StreamingEventProcessor s && s.isReplaying(), letters);
                })
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    /**
     * {@code state} sums it up: {@code error} (stopped by a failure it retries), {@code dead-letters}
     * (running, but events wait in its dead-letter queue), {@code replaying}, {@code running} or
     * {@code stopped}.
     */
    record ProcessorStatus(String name, String state, boolean running, boolean error, boolean replaying,
                           long deadLetters) {
    }
}
