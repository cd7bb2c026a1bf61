package org.lexnet.query.member;

import org.lexnet.coreapi.member.Visibility;

/**
 * How the viewer stands to the member whose profile they look at, as far as it widens what the member
 * consented to show them.
 */
enum Relationship {
    /** No tie that widens anything: the member's NETWORK consent applies. */
    NONE(Visibility.NETWORK),
    /** The two are mentee and mentor of an ACTIVE or PAUSED pairing: MENTORS consent applies too. */
    ACTIVE_PAIRING(Visibility.MENTORS),
    /**
     * The two sit in (or facilitate) a circle together that is not closed: CIRCLE consent applies, and
     * they see each other even if hidden from the network.
     */
    CIRCLE_PEER(Visibility.CIRCLE),
    /** The two are connected: they see each other even if hidden from the network, NETWORK areas only. */
    CONNECTED(Visibility.NETWORK),
    /** One blocked the other: neither exists for the other (admins are not members' contacts). */
    BLOCKED(Visibility.NETWORK);

    private final Visibility audience;

    Relationship(Visibility audience) {
        this.audience = audience;
    }

    /** The consent level an area needs to be shown to this viewer. */
    Visibility audience() {
        return audience;
    }
}
