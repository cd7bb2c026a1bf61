package org.lexnet.app.ops;

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

    @GetMapping("/api/v1/admin/dead-letters")
    Page list(@RequestParam(required = false) String processor) {
        return deadLetters.list(processor);
    }

    @PostMapping("/api/v1/admin/dead-letters/{id}/retry")
    RetryResult retry(@PathVariable String id) {
        return deadLetters.retry(id);
    }

    @PostMapping("/api/v1/admin/dead-letters/retry")
    RetryAllResult retryAll(@RequestParam String processor) {
        return deadLetters.retryAll(processor);
    }

    /** 204 once the letter is gone. */
    @PostMapping("/api/v1/admin/dead-letters/{id}/evict")
    ResponseEntity<Void> evict(@PathVariable String id) {
        deadLetters.evict(id);
        return ResponseEntity.noContent().build();
    }
}
