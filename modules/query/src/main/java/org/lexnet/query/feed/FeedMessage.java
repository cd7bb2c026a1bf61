package org.lexnet.query.feed;

import java.time.Instant;

/**
 * One feed entry as a member receives it, live on STOMP or from {@code GET /api/v1/feed}: the same
 * {@code cursor} either way.
 */
public record FeedMessage(long cursor, String kind, Instant occurredAt, FeedPayload<FeedDisclosure.Person> payload) {
}
