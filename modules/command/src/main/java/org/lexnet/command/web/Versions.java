package org.lexnet.command.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.BAD_REQUEST;

/**
 * Aggregate versions as HTTP entity tags: a client that sends {@code If-Match} with the ETag it read
 * gets a 409 instead of silently overwriting a change made since (no lost update).
 */
public final class Versions {

    private Versions() {
    }

    /** The version a client expects, from {@code If-Match}; null when the header is absent or {@code *}. */
    public static Long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new ResponseStatusException(BAD_REQUEST, "If-Match must be an ETag this API issued, such as \"3\"");
        }
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** 200 with the new version in the body and as the ETag. */
    public static ResponseEntity<VersionedResult> ok(String id, Object version) {
        long v = ((Number) version).longValue();
        return ResponseEntity.ok().eTag(etag(v)).body(new VersionedResult(id, v));
    }

    public record VersionedResult(String id, long version) {
    }
}
