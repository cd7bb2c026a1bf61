package org.lexnet.command.safety;

import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.SafeText;

import java.util.List;

/** What text a concern, an admin's note or a reinstatement accepts: required, bounded, printable. */
final class SafetyPolicies {

    static final int MAX_TEXT = 2_000;

    private SafetyPolicies() {
    }

    /** The text as stored (stripped); blank is missing. */
    static String requiredText(String text, String field) {
        if (text == null || text.isBlank()) {
            throw new InvalidCommandException(List.of(new FieldError(field, "must not be blank")));
        }
        return optionalText(text, field);
    }

    /** The text as stored (stripped), or null when none was given. */
    static String optionalText(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stored = text.strip();
        if (stored.length() > MAX_TEXT) {
            throw new InvalidCommandException(List.of(new FieldError(field, "must be at most " + MAX_TEXT
                                                                            + " characters")));
        }
        SafeText.problem(stored, true).ifPresent(problem -> {
            throw new InvalidCommandException(List.of(new FieldError(field, problem)));
        });
        return stored;
    }
}
