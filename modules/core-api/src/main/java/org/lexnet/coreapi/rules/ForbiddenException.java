package org.lexnet.coreapi.rules;

/** The caller may know the thing exists but may not do this to it (HTTP 403), e.g. a mentor withdrawing a mentee's request. */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String reason) {
        super(reason);
    }
}
