package org.lexnet.app.replay;

/** Where a replay stands; the column {@code replay_request.state}. */
public enum ReplayState {
    /** Asked for: every node releases its claims on the processor's segments, one node resets the tokens. */
    REQUESTED,
    /** Tokens reset: the processor rebuilds its tables in the shadow schema; queries read the live ones. */
    REPLAYING,
    /** Caught up and switched: the rebuilt tables are the live ones. */
    COMPLETED,
    /** Could not start or could not finish; {@code detail} says why. The live tables were kept. */
    FAILED;

    public boolean underWay() {
        return this == REQUESTED || this == REPLAYING;
    }
}
