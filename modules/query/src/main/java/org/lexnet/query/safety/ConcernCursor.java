package org.lexnet.query.safety;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a page of the concern queue ended (raise time and id, the queue's order); opaque to clients. */
record ConcernCursor(Instant raisedAt, UUID concernId) {

    private static final char SEPARATOR = '|';

    String encode() {
        String position = raisedAt.toString() + SEPARATOR + concernId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this service issued */
    static ConcernCursor decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf(SEPARATOR);
            return new ConcernCursor(Instant.parse(position.substring(0, separator)),
                    UUID.fromString(position.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor this service issued", e);
        }
    }
}
