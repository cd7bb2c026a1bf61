package org.lexnet.coreapi.messaging;

/**
 * The metadata every command and event carries, so that the audit can say who did what as part of which
 * request. Stamped on commands when they are sent and copied onto the events they cause; the names are
 * stored in every event, so they never change.
 */
public final class MessageMetadata {

    /** Who caused it: a member id, or {@link #SYSTEM_ACTOR} for the application's own work. */
    public static final String ACTOR_ID = "actorId";
    /** The request it belongs to (the caller's {@code X-Correlation-Id}, or one made for the request). */
    public static final String CORRELATION_ID = "correlationId";
    /** The message that caused this one. */
    public static final String CAUSATION_ID = "causationId";
    /** The first message of the chain this one belongs to. */
    public static final String TRACE_ID = "traceId";

    public static final String SYSTEM_ACTOR = "system";

    private MessageMetadata() {
    }
}
