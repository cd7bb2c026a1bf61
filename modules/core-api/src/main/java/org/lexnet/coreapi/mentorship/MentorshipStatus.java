package org.lexnet.coreapi.mentorship;

/** Where a pairing stands. REQUESTED is the waiting pool: no mentor is proposed right now. */
public enum MentorshipStatus {
    REQUESTED, PROPOSED, ACTIVE, PAUSED, COMPLETED, ENDED, WITHDRAWN;

    /** ACTIVE and PAUSED pairings hold one of the mentor's slots. */
    public boolean holdsMentorSlot() {
        return this == ACTIVE || this == PAUSED;
    }

    /** Requests still waiting for, or considering, a mentor. */
    public boolean isOpenRequest() {
        return this == REQUESTED || this == PROPOSED;
    }
}
