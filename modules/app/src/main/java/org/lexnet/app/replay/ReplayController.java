package org.lexnet.app.replay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * An operator rebuilds a read model from the event store (admin only, like everything under
 * /api/v1/admin). The answer comes at once; the replay's progress is in
 * {@code GET /api/v1/admin/event-processors} and on the admins' live feed ({@code /topic/admin/operations}).
 */
@RestController
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @Operation(operationId = "replayEventProcessor", summary = "Rebuild a read model from the event store",
               description = "Starts rebuilding the read model of one event processor from the first event, on "
                             + "whichever node gets there first; queries keep answering with the data as it was "
                             + "until the rebuilt tables are swapped in. Progress: GET "
                             + "/api/v1/admin/event-processors and /topic/admin/operations.")
    @ApiResponse(responseCode = "202", description = "The replay is asked for; its id and the events to process.")
    @ApiResponse(responseCode = "404", description = "No event processor of that name.")
    @ApiResponse(responseCode = "409", description = "A replay of that processor is already under way, it is written "
                                                     + "in the command's transaction, or events wait in its "
                                                     + "dead-letter queue.")
    @PostMapping("/api/v1/admin/event-processors/{name}/replay")
    ResponseEntity<ReplayAccepted> replay(Authentication auth, @PathVariable String name) {
        ReplayProgress replay = replays.request(name, MemberId.of(auth.getName()));
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/event-processors"))
                .body(new ReplayAccepted(replay.replayId(), replay.processor(), replay.state(), replay.requestedAt(),
                        replay.eventsTotal()));
    }

    /** @param eventsToProcess the events in the store now, each of which the processor reads again */
    record ReplayAccepted(UUID replayId, String processor, String state, Instant requestedAt, long eventsToProcess) {
    }
}
