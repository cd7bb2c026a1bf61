package org.lexnet.app.notify;

import org.lexnet.app.feed.EndedFeedSessions;
import org.lexnet.app.replay.ReplayCoordinator;
import org.lexnet.query.feed.FeedRelay;

/** The PostgreSQL NOTIFY channels the nodes use to wake each other. */
final class NotificationChannels {

    /** Events were stored; the payload is the storing node's {@code NodeIdentity}. */
    static final String STORED_EVENTS = "lexnet_events";

    /** Feed entries were written (by the feed processor, in its transaction). */
    static final String FEED_ENTRIES = FeedRelay.notifyChannel();

    /** A replay of a read model was asked for or changed state ({@code replay_request}). */
    static final String REPLAYS = ReplayCoordinator.notifyChannel();

    /** A member's access ended (suspended or erased); the payload is the member's id. */
    static final String ACCESS_ENDED = EndedFeedSessions.notifyChannel();

    private NotificationChannels() {
    }
}
