package org.lexnet.coreapi.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies a member; also the identifier of their Member aggregate and of their account. */
public record MemberId(UUID value) {

    public MemberId {
        Objects.requireNonNull(value, "member id");
    }

    public static MemberId random() {
        return new MemberId(UUID.randomUUID());
    }

    @JsonCreator
    public static MemberId of(String value) {
        return new MemberId(UUID.fromString(value));
    }

    /** Axon routes commands and names event streams by {@code toString()}: keep it the bare UUID. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
