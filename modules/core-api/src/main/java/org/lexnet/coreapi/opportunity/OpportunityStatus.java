package org.lexnet.coreapi.opportunity;

/**
 * Where an opportunity is in its life: OPEN until its deadline (CLOSED), until its poster withdraws it
 * (WITHDRAWN), or until an admin hides it (HIDDEN). Only an OPEN opportunity takes interest.
 */
public enum OpportunityStatus {
    OPEN, CLOSED, WITHDRAWN, HIDDEN
}
