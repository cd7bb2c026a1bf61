package org.lexnet.app.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import com.fasterxml.jackson.datatype.jsr310.deser.LocalDateDeserializer;
import org.lexnet.coreapi.rules.SafeText;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.function.Function;

/**
 * What request bodies may hold, checked once for every endpoint as the JSON is read: text is a JSON
 * string (never a number or boolean coerced to one) and {@link SafeText} (no NUL, control or bidi
 * override characters); dates lie between {@value #FIRST_YEAR} and {@value #LAST_YEAR}. A stored event
 * must be one every projection can write: PostgreSQL refuses a NUL in text and dates outside its range,
 * and before this check one such request stalled the feed for everyone.
 */
final class StrictInputModule extends SimpleModule {

    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 2199;

    StrictInputModule() {
        super("lexnet-strict-input");
        addDeserializer(String.class, new SafeStringDeserializer());
        addDeserializer(LocalDate.class, new SaneDates<>(LocalDate.class, LocalDateDeserializer.INSTANCE,
                LocalDate::getYear));
        addDeserializer(Instant.class, new SaneDates<>(Instant.class, InstantDeserializer.INSTANT,
                i -> i.atOffset(ZoneOffset.UTC).getYear()));
    }

    /** A value that is well-formed JSON of the right type but not acceptable; the message says why. */
    static final class RefusedValueException extends MismatchedInputException {
        RefusedValueException(JsonParser parser, String reason, Class<?> type) {
            super(parser, reason, type);
        }
    }

    private static final class SafeStringDeserializer extends StdScalarDeserializer<String> {

        SafeStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String text = parser.getText();
            var problem = SafeText.problem(text, true);
            if (problem.isPresent()) {
                throw new RefusedValueException(parser, problem.get(), String.class);
            }
            return text;
        }
    }

    private static final class SaneDates<T> extends StdScalarDeserializer<T> {

        private final JsonDeserializer<T> delegate;
        private final Function<T, Integer> year;

        SaneDates(Class<T> type, JsonDeserializer<T> delegate, Function<T, Integer> year) {
            super(type);
            this.delegate = delegate;
            this.year = year;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            T value = delegate.deserialize(parser, context);
            if (value != null) {
                int y = year.apply(value);
                if (y < FIRST_YEAR || y > LAST_YEAR) {
                    throw new RefusedValueException(parser, "must be a date between " + FIRST_YEAR + " and "
                                                            + LAST_YEAR, handledType());
                }
            }
            return value;
        }
    }
}
