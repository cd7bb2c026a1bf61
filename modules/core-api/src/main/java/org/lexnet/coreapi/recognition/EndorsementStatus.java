package org.lexnet.coreapi.recognition;

/**
 * Where an endorsement stands. Only ACCEPTED ones are shown on the endorsee's profile (to the audience
 * they chose); HIDDEN ones were accepted and then taken off it by the endorsee.
 */
public enum EndorsementStatus {
    /** Given, waiting for the endorsee's answer; shown to nobody but the two. */
    PENDING,
    ACCEPTED,
    HIDDEN,
    DECLINED,
    /** The endorser took it back before the endorsee answered. */
    WITHDRAWN;

    /** Whether the endorsement still stands (and so blocks another for the same competency by the same endorser). */
    public boolean standing() {
        return this == PENDING || this == ACCEPTED || this == HIDDEN;
    }
}
