package org.lexnet.coreapi.mentorship;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one pairing (a Mentorship aggregate), from the request on. */
public record MentorshipId(UUID value) {

    public MentorshipId {
        Objects.requireNonNull(value, "mentorship id");
    }

    public static MentorshipId random() {
        return new MentorshipId(UUID.randomUUID());
    }

    @JsonCreator
    public static MentorshipId of(String value) {
        return new MentorshipId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
