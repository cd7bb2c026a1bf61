package org.lexnet.coreapi.opportunity;

/** What an opportunity offers; members opt out of notifications by kind. */
public enum OpportunityKind {
    FUNDING, TRAINING, EVENT, ROLE, PLACEMENT, BURSARY
}
