package org.lexnet.command.testsupport;

import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;

import java.util.List;

/** Matches an {@link InvalidCommandException} whose field errors name exactly these fields, in order. */
public final class InvalidFields extends TypeSafeDiagnosingMatcher<InvalidCommandException> {

    private final List<String> fields;

    private InvalidFields(List<String> fields) {
        super(InvalidCommandException.class);
        this.fields = fields;
    }

    public static Matcher<InvalidCommandException> invalidFields(String... fields) {
        return new InvalidFields(List.of(fields));
    }

    @Override
    protected boolean matchesSafely(InvalidCommandException exception, Description mismatch) {
        List<String> actual = exception.fieldErrors().stream().map(FieldError::field).toList();
        if (!actual.equals(fields)) {
            mismatch.appendText("field errors were ").appendValue(exception.fieldErrors());
            return false;
        }
        return true;
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("an InvalidCommandException naming the fields ").appendValue(fields);
    }
}
