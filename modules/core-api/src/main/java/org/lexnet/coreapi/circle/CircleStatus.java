package org.lexnet.coreapi.circle;

/** Where a circle is in its life: it fills up, meets, and one day closes for good. */
public enum CircleStatus {
    /** Created; members join, nobody has met yet. */
    FORMING,
    /** Started by its facilitator once enough members joined; sessions are logged. */
    ACTIVE,
    /** Closed by its facilitator or an admin; nothing changes any more. */
    CLOSED
}
