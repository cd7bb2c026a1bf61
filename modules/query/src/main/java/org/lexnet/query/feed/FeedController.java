package org.lexnet.query.feed;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * Catch-up over HTTP: the caller's feed (public entries and their own notifications) after a cursor,
 * oldest first, with the same cursors the live feed carries. A client that reconnects subscribes
 * first, then asks for {@code after=<last cursor it saw>} and drops any entry it already has.
 */
@RestController
class FeedController {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final FeedEntries entries;

    FeedController(FeedEntries entries) {
        this.entries = entries;
    }

    /** {@code nextCursor} is the last entry's cursor, or {@code after} itself when nothing is new. */
    record FeedPage(List<FeedMessage> entries, long nextCursor) {
    }

    @Operation(operationId = "catchUpFeed", summary = "Catch up with the live feed",
               description = "Public entries and your own notifications after a cursor, oldest first, with the "
                             + "cursors the live feed carries.")
    @GetMapping("/api/v1/feed")
    FeedPage feed(Authentication auth, @RequestParam(defaultValue = "0") long after,
                  @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
        if (after < 0) {
            throw new ResponseStatusException(BAD_REQUEST, "after must be a cursor (0 or more)");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ResponseStatusException(BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        List<FeedMessage> page = entries.forMember(Viewer.of(auth).memberId(), after, limit);
        return new FeedPage(page, page.isEmpty() ? after : page.get(page.size() - 1).cursor());
    }
}
