package org.lexnet.coreapi.connection;

/** Where a connection stands. Only REQUESTED and ACCEPTED count as "open" for the one-per-pair rule. */
public enum ConnectionStatus {
    REQUESTED, ACCEPTED, DECLINED, WITHDRAWN, REMOVED;

    public boolean isOpen() {
        return this == REQUESTED || this == ACCEPTED;
    }
}
