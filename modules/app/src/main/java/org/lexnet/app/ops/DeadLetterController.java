package org.lexnet.app.ops;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.app.ops.DeadLetters.Page;
import org.lexnet.app.ops.DeadLetters.RetryAllResult;
import org.lexnet.app.ops.DeadLetters.RetryResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Events a projection could not handle, for admins (docs/reliability.md, "Poisoned events"): list them,
 * retry a letter's sequence or a whole processor's queue, or evict a letter. The work is
 * {@link DeadLetters}'.
 */
@RestController
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Operation(operationId = "listDeadLetters", summary = "Events a projection could not handle",
               description = "The dead letters, of one event processor or of all, with the cause of each (no "
                             + "personal data).")
    @ApiResponse(responseCode = "200", description = "The dead letters.")
    @ApiResponse(responseCode = "404", description = "No event processor of that name has a dead-letter queue.")
    @GetMapping("/api/v1/admin/dead-letters")
    Page list(@RequestParam(required = false) String processor) {
        return deadLetters.list(processor);
    }

    @Operation(operationId = "retryDeadLetter", summary = "Retry a dead letter",
               description = "Retries the whole sequence the letter belongs to, from its first letter, so that "
                             + "events stay in order.")
    @PostMapping("/api/v1/admin/dead-letters/{id}/retry")
    RetryResult retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @Operation(operationId = "retryDeadLetters", summary = "Retry every dead letter of an event processor")
    @ApiResponse(responseCode = "200",
                 description = "How many sequences were retried, how many were handled, and how many letters are left.")
    @ApiResponse(responseCode = "404", description = "No event processor of that name has a dead-letter queue.")
    @PostMapping("/api/v1/admin/dead-letters/retry")
    RetryAllResult retryAll(@RequestParam String processor) {
        return deadLetters.retryAll(processor);
    }

    /** 204 once the letter is gone. */
    @Operation(operationId = "evictDeadLetter", summary = "Evict a dead letter",
               description = "The read model then lacks that one change until it is replayed; logged at WARN.")
    @ApiResponse(responseCode = "204", description = "Evicted.")
    @PostMapping("/api/v1/admin/dead-letters/{id}/evict")
    ResponseEntity<Void> evict(@PathVariable String id) {
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
