package org.lexnet.coreapi.safety;

/** Where a concern stands in the admins' queue; the reporter sees this, not the action. */
public enum ConcernStatus {
    /** Raised, nobody looks at it yet. */
    OPEN,
    /** An admin took it. */
    IN_REVIEW,
    /** An admin decided what to do about it. */
    RESOLVED
}
