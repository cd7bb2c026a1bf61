package org.lexnet.coreapi.connection;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one connection between two members (a Connection aggregate), from the request on. */
public record ConnectionId(UUID value) {

    public ConnectionId {
        Objects.requireNonNull(value, "connection id");
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    @JsonCreator
    public static ConnectionId of(String value) {
        return new ConnectionId(UUID.fromString(value));
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
