package org.lexnet.coreapi.rules;

import java.util.List;

/**
 * A command whose content breaks a rule whatever the aggregate's state: an unknown taxonomy code, a
 * capacity out of range (HTTP 400). {@code fieldErrors} names the offending fields for the client.
 */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldError> fieldErrors;

    public InvalidCommandException(List<FieldError> fieldErrors) {
        super(fieldErrors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid command"));
        this.fieldErrors = List.copyOf(fieldErrors);
    }

    public List<FieldError> fieldErrors() {
        return fieldErrors;
    }

    public record FieldError(String field, String message) {
    }
}
