package org.lexnet.coreapi.safety;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one concern a member raised (a Concern aggregate). */
public record ConcernId(UUID value) {

    public ConcernId {
        Objects.requireNonNull(value, "concern id");
    }

    public static ConcernId random() {
        return new ConcernId(UUID.randomUUID());
    }

    @JsonCreator
    public static ConcernId of(String value) {
        return new ConcernId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
