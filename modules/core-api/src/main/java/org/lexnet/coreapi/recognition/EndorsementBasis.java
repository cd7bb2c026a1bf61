package org.lexnet.coreapi.recognition;

/** The relationship that allowed an endorsement when it was given (the first that held, in this order). */
public enum EndorsementBasis {
    /** The two have an accepted connection. */
    CONNECTION,
    /** The two are, or were, mentee and mentor of a pairing that became active. */
    PAIRING,
    /** The two sit, or sat, in a circle together, or one facilitates a circle the other sits in. */
    CIRCLE
}
