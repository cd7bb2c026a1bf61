package org.lexnet.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import org.axonframework.config.EventProcessingConfiguration;
import org.lexnet.app.axon.DeadLetterCounts;
import org.lexnet.app.axon.ProcessorState;
import org.lexnet.app.replay.ReplayProgress;
import org.lexnet.app.replay.ReplayProgressReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * For the programme team's operators: is every projection running, is any replaying and how far it has
 * come, and how many events wait in each dead-letter queue (a poisoned event parks there instead of
 * stopping the projection; {@link DeadLetterController} shows and clears them). Admin only, like
 * everything under /api/v1/admin.
 */
@RestController
class EventProcessorStatusController {

    private final EventProcessingConfiguration processing;
    private final DeadLetterCounts deadLetters;
    private final ReplayProgressReader replays;

    EventProcessorStatusController(EventProcessingConfiguration processing, DeadLetterCounts deadLetters,
                                   ReplayProgressReader replays) {
        this.processing = processing;
        this.deadLetters = deadLetters;
        this.replays = replays;
    }

    @Operation(operationId = "listEventProcessors", summary = "The event processors and their state",
               description = "Per processor: running, in error, replaying, and how many events wait in its "
                             + "dead-letter queue.")
    @GetMapping("/api/v1/admin/event-processors")
    List<ProcessorStatus> processors() {
        Map<String, Long> parked = deadLetters.byProcessor();
        Map<String, ReplayProgress> latestReplays = replays.latestOfEach();
        return processing.eventProcessors().values().stream()
                .map(p -> {
                    long letters = parked.getOrDefault(p.getName(), 0L);
                    ReplayProgress replay = latestReplays.get(p.getName());
                    boolean replayUnderWay = replay != null && replay.underWay();
                    return new ProcessorStatus(p.getName(), ProcessorState.of(p, letters, replayUnderWay),
                            p.isRunning(), p.isError(),
                            replayUnderWay, letters, replay);
                })
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    /**
     * {@code state} sums it up: {@code error} (stopped by a failure it retries), {@code dead-letters}
     * (running, but events wait in its dead-letter queue), {@code replaying} (a replay is under way, on
     * any node), {@code running} or {@code stopped}. {@code running} is this node's instance only: it is
     * stopped while a replay waits for every node to let go of the processor. {@code replay} is the
     * processor's latest replay, under way or ended; null if it never had one.
     */
    record ProcessorStatus(String name, String state, boolean running, boolean error, boolean replaying,
                           long deadLetters, ReplayProgress replay) {
    }
}
