package org.lexnet.coreapi.rules;

/**
 * A command that is not valid in the aggregate's current state (HTTP 409). Thrown before any event is
 * applied, so a rejected command leaves nothing behind.
 */
public class CommandRejectedException extends RuntimeException {

    public CommandRejectedException(String reason) {
        super(reason);
    }
}
