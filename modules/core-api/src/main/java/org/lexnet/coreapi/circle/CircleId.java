package org.lexnet.coreapi.circle;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one peer-learning circle (a Circle aggregate). */
public record CircleId(UUID value) {

    public CircleId {
        Objects.requireNonNull(value, "circle id");
    }

    public static CircleId random() {
        return new CircleId(UUID.randomUUID());
    }

    @JsonCreator
    public static CircleId of(String value) {
        return new CircleId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
