package org.lexnet.coreapi.opportunity;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one opportunity (an Opportunity aggregate). */
public record OpportunityId(UUID value) {

    public OpportunityId {
        Objects.requireNonNull(value, "opportunity id");
    }

    public static OpportunityId random() {
        return new OpportunityId(UUID.randomUUID());
    }

    @JsonCreator
    public static OpportunityId of(String value) {
        return new OpportunityId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
