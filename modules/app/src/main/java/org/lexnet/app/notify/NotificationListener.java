package org.lexnet.app.notify;

import org.lexnet.app.axon.NodeIdentity;
import org.lexnet.app.axon.NotifyingEventStore;
import org.lexnet.app.feed.EndedFeedSessions;
import org.lexnet.app.replay.ReplayCoordinator;
import org.lexnet.query.feed.BackgroundLoop;
import org.lexnet.query.feed.FeedRelay;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Wakes this node as soon as any node commits, through PostgreSQL's LISTEN/NOTIFY, so nothing waits for
 * the next poll: stored events ({@link StoredEventsAnnouncer}) wake the event store's processors, feed
 * entries wake the {@link FeedRelay}, a change to a replay of a read model wakes the
 * {@link ReplayCoordinator}, a member's ended access closes their feed connections here
 * ({@link EndedFeedSessions}). An announcement of this node's own events is passed over: Axon woke its
 * processors at the commit. It holds one connection of the pool for as long as the node runs;
 * if that connection breaks it opens another (the polls go on meanwhile, so nothing is lost, only later).
 */
@Component
class NotificationListener extends BackgroundLoop {

    /** How long one wait for notifications lasts before the loop checks whether it should stop. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final FeedRelay relay;
    private final NotifyingEventStore eventStore;
    private final ReplayCoordinator replays;
    private final EndedFeedSessions endedSessions;
    private final String thisNode;

    NotificationListener(DataSource dataSource, FeedRelay relay, NotifyingEventStore eventStore,
                         ReplayCoordinator replays, EndedFeedSessions endedSessions, NodeIdentity node,
                         @Qualifier("notificationListenerExecutor") TaskExecutor executor) {
        super("notification-listener", executor, RECONNECT_AFTER);
        this.dataSource = dataSource;
        this.relay = relay;
        this.eventStore = eventStore;
        this.replays = replays;
        this.endedSessions = endedSessions;
        this.thisNode = node.name();
    }

    /** Stops after the relay (a higher phase stops first), so no wake-up is lost while both run. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    /** One connection's life: listens until the node stops or the connection breaks. */
    @Override
    protected void round() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            PGConnection notifications = connection.unwrap(PGConnection.class);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + NotificationChannels.FEED_ENTRIES);
                statement.execute("LISTEN " + NotificationChannels.STORED_EVENTS);
                statement.execute("LISTEN " + NotificationChannels.REPLAYS);
                statement.execute("LISTEN " + NotificationChannels.ACCESS_ENDED);
            }
            // anything committed while we were not listening is picked up by this first look
            relay.wakeUp();
            eventStore.eventsStoredElsewhere();
            replays.wakeUp();
            while (isRunning()) {
                PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                if (received != null) {
                    wakeFor(received);
                }
            }
        }
    }

    private void wakeFor(PGNotification[] received) {
        boolean feedEntries = false;
        boolean eventsFromElsewhere = false;
        boolean replayChanged = false;
        for (PGNotification notification : received) {
            if (notification.getName().equals(NotificationChannels.FEED_ENTRIES)) {
                feedEntries = true;
            } else if (notification.getName().equals(NotificationChannels.REPLAYS)) {
                replayChanged = true;
            } else if (notification.getName().equals(NotificationChannels.ACCESS_ENDED)) {
                endedSessions.endFor(notification.getParameter());
            } else if (!thisNode.equals(notification.getParameter())) {
                eventsFromElsewhere = true;
            }
        }
        if (replayChanged) {
            replays.wakeUp();
        }
        if (eventsFromElsewhere) {
            eventStore.eventsStoredElsewhere();
        }
        if (feedEntries) {
            relay.wakeUp();
        }
    }
}
