package org.lexnet.query.mentorship;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of pairings ended: the last item's request time and id (the list's sort key, newest
 * first). Clients get it as an opaque string and send it back unchanged; it is not a secret, only a
 * position.
 */
record MentorshipCursor(Instant requestedAt, UUID mentorshipId) {

    private static final char SEPARATOR = '|';

    String encode() {
        String position = requestedAt.toString() + SEPARATOR + mentorshipId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the text is not a cursor this service issued */
    static MentorshipCursor decode(String cursor) {
        try {
            String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int separator = position.indexOf(SEPARATOR);
            if (separator < 0) {
                throw new IllegalArgumentException("no separator");
            }
            return new MentorshipCursor(Instant.parse(position.substring(0, separator)),
                    UUID.fromString(position.substring(separator + 1)));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a cursor this service issued", e);
        }
    }
}
