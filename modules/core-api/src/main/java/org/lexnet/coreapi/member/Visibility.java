package org.lexnet.coreapi.member;

/**
 * Who may see, or use, one recorded area of lived experience. Each level includes the ones before it:
 * the order of the constants is the order of disclosure, and {@link #allows(Visibility)} relies on it.
 */
public enum Visibility {
    /** Recorded for oneself; used for nothing, shown to nobody. */
    PRIVATE,
    /** The matching engine may use it; nobody sees it. */
    MATCHING,
    /** Also shown to the other side of an active pairing. */
    MENTORS,
    /**
     * Also shown to the members of the circles one sits in or facilitates (as well as to active pairings).
     * Stored by name everywhere, so adding it between MENTORS and NETWORK changed no one's audience.
     */
    CIRCLE,
    /** Also shown to other signed-in members. Never shown in the public feed. */
    NETWORK;

    /** True when this level of consent covers the given use. */
    public boolean allows(Visibility use) {
        return compareTo(use) >= 0;
    }
}
