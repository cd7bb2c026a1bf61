package org.lexnet.coreapi.recognition;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one endorsement one member gave another (an Endorsement aggregate). */
public record EndorsementId(UUID value) {

    public EndorsementId {
        Objects.requireNonNull(value, "endorsement id");
    }

    public static EndorsementId random() {
        return new EndorsementId(UUID.randomUUID());
    }

    @JsonCreator
    public static EndorsementId of(String value) {
        return new EndorsementId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
