package org.lexnet.query.feed;

import org.lexnet.coreapi.circle.CircleId;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The STOMP destinations of the live feed: the only ones a client may subscribe to. */
public final class FeedDestinations {

    /** Public network activity, the same for every signed-in member. */
    public static final String NETWORK = "/topic/network";
    /** The member's own notifications, as a client subscribes to them. */
    public static final String MY_NOTIFICATIONS = "/user/queue/notifications";
    /** The same queue as the server addresses it for one member ({@code convertAndSendToUser}). */
    static final String NOTIFICATIONS_QUEUE = "/queue/notifications";

    /**
     * A circle's own activity, for its members and facilitator only: {@code /topic/circles/{circleId}}
     * (the subscription is checked against the circle's members when it is made).
     */
    public static final String CIRCLE_TOPIC = "/topic/circles/{circleId}";
    private static final String CIRCLE_PREFIX = "/topic/circles/";
    private static final Pattern CIRCLE_DESTINATION = Pattern.compile(
            "/topic/circles/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** Everything a client may subscribe to besides the circle topics; anything else is refused. */
    public static final Set<String> SUBSCRIBABLE = Set.of(NETWORK, MY_NOTIFICATIONS);

    private FeedDestinations() {
    }

    public static String circleTopic(CircleId circle) {
        return CIRCLE_PREFIX + circle;
    }

    /** The circle a destination is the topic of; empty for any other destination. */
    public static Optional<CircleId> circleOf(String destination) {
        if (destination == null) {
            return Optional.empty();
        }
        Matcher matcher = CIRCLE_DESTINATION.matcher(destination);
        return matcher.matches() ? Optional.of(CircleId.of(matcher.group(1))) : Optional.empty();
    }
}
