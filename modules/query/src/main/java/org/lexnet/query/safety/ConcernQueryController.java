package org.lexnet.query.safety;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.ConcernStatus;
import org.lexnet.query.safety.ConcernViews.AdminConcern;
import org.lexnet.query.safety.ConcernViews.ConcernHistoryView;
import org.lexnet.query.safety.ConcernViews.ConcernQueue;
import org.lexnet.query.safety.ConcernViews.OwnConcerns;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.UUID;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Concerns as each reader may see them: the reporter their own concerns' status (never the action, never
 * who works on it); admins the queue, each concern and its audit. Nobody else sees a concern at all, the
 * member it is about included.
 */
@RestController
class ConcernQueryController {

    private static final int MAX_PAGE_SIZE = 200;

    private final ConcernReader reader;
    private final ConcernHistory history;

    ConcernQueryController(ConcernReader reader, ConcernHistory history) {
        this.reader = reader;
        this.history = history;
    }

    @Operation(operationId = "listMyConcerns", summary = "The concerns I raised, with their status",
               description = "OPEN, IN_REVIEW or RESOLVED; what was done is not shown. Newest first.")
    @GetMapping("/api/v1/concerns/mine")
    OwnConcerns mine(Authentication auth) {
        return new OwnConcerns(reader.raisedBy(Viewer.of(auth).memberId()));
    }

    @Operation(operationId = "listConcerns", summary = "The concern queue (admin)",
               description = "Oldest first, optionally of one status; paged with limit (1 to 200) and cursor.")
    @GetMapping("/api/v1/admin/concerns")
    ConcernQueue queue(@RequestParam(required = false) ConcernStatus status,
                       @RequestParam(defaultValue = "50") int limit,
                       @RequestParam(required = false) String cursor) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new ResponseStatusException(BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<AdminConcern> rows = reader.queue(status == null ? null : status.name(), after(cursor), limit + 1);
        List<AdminConcern> page = rows.subList(0, Math.min(limit, rows.size()));
        String next = null;
        if (rows.size() > limit) {
            AdminConcern last = page.get(page.size() - 1);
            next = new ConcernCursor(last.raisedAt(), UUID.fromString(last.concernId())).encode();
        }
        return new ConcernQueue(page, next);
    }

    @Operation(operationId = "getConcern", summary = "One concern (admin)")
    @GetMapping("/api/v1/admin/concerns/{id}")
    AdminConcern one(@PathVariable UUID id) {
        return reader.one(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such concern"));
    }

    @Operation(operationId = "getConcernHistory", summary = "The audit of a concern (admin)",
               description = "Every step in order — raised, assigned, noted, resolved, and the suspension it led "
                             + "to — with who did it, when and the correlation id.")
    @GetMapping("/api/v1/admin/concerns/{id}/history")
    ConcernHistoryView history(@PathVariable UUID id) {
        ConcernId concernId = new ConcernId(id);
        return history.of(concernId)
                .map(events -> new ConcernHistoryView(concernId.toString(), events))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such concern"));
    }

    private static ConcernCursor after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            return ConcernCursor.decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(BAD_REQUEST, "cursor is not one this service issued");
        }
    }
}
