package org.lexnet.app.feed;

import org.lexnet.query.feed.BackgroundLoop;
import org.lexnet.query.feed.FeedRelay;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Wakes this node's {@link FeedRelay} as soon as any node commits feed entries, through PostgreSQL's
 * LISTEN/NOTIFY, so live delivery does not wait for the relay's next poll. It holds one connection of
 * the pool for as long as the node runs; if that connection breaks it opens another (the relay keeps
 * polling meanwhile, so nothing is lost, only later).
 */
@Component
class FeedNotificationListener extends BackgroundLoop {

    /** How long one wait for notifications lasts before the loop checks whether it should stop. */
    private static final int WAIT_MILLIS = 500;
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final FeedRelay relay;

    FeedNotificationListener(DataSource dataSource, FeedRelay relay,
                             @Qualifier("feedListenerExecutor") TaskExecutor executor) {
        super("feed-listener", executor, RECONNECT_AFTER);
        this.dataSource = dataSource;
        this.relay = relay;
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
                statement.execute("LISTEN " + FeedRelay.notifyChannel());
            }
            // anything committed while we were not listening is picked up by this first look
            relay.wakeUp();
            while (isRunning()) {
                PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                if (received != null && received.length > 0) {
                    relay.wakeUp();
                }
            }
        }
    }
}
