package org.lexnet.query.feed;

import java.util.Set;

/** The STOMP destinations of the live feed: the only ones a client may subscribe to. */
public final class FeedDestinations {

    /** Public network activity, the same for every signed-in member. */
    public static final String NETWORK = "/topic/network";
    /** The member's own notifications, as a client subscribes to them. */
    public static final String MY_NOTIFICATIONS = "/user/queue/notifications";
    /** The same queue as the server addresses it for one member ({@code convertAndSendToUser}). */
    static final String NOTIFICATIONS_QUEUE = "/queue/notifications";

    /** Everything a client may subscribe to; anything else is refused. */
    public static final Set<String> SUBSCRIBABLE = Set.of(NETWORK, MY_NOTIFICATIONS);

    private FeedDestinations() {
    }
}
