package org.lexnet.coreapi.rules;

/**
 * The thing does not exist for this caller (HTTP 404): either it does not exist at all, or the caller
 * may not know that it does — the two are answered alike so that existence never leaks.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what);
    }
}
