package org.lexnet.coreapi.rules;

/**
 * The caller did this too often in too short a time (HTTP 429). Thrown before any event is applied, so
 * nothing is stored.
 */
public class RateLimitedException extends RuntimeException {

    public RateLimitedException(String reason) {
        super(reason);
    }
}
