package org.lexnet.app.feed;

import org.lexnet.query.feed.FeedRelay;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Wakes this node's {@link FeedRelay} as soon as any node commits feed entries, through PostgreSQL's
 * LISTEN/NOTIFY, so live delivery does not wait for the relay's next poll. It holds one connection of
 * the pool for as long as the node runs; if that connection breaks it opens another (the relay keeps
 * polling meanwhile, so nothing is lost, only later).
 */
@Component
class FeedNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedNotificationListener.class);
    /** How long one wait for notifications lasts before the thread checks whether it should stop. */
    private static final int WAIT_MILLIS = 500;
    private static final long RECONNECT_AFTER_MILLIS = 1_000;

    private final DataSource dataSource;
    private final FeedRelay relay;

    private volatile boolean running;
    private Thread thread;

    FeedNotificationListener(DataSource dataSource, FeedRelay relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "feed-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops after the relay (a higher phase stops first), so no wake-up is lost while both run. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                PGConnection notifications = connection.unwrap(PGConnection.class);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + FeedRelay.notifyChannel());
                }
                // anything committed while we were not listening is picked up by this first look
                relay.wakeUp();
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received != null && received.length > 0) {
                        relay.wakeUp();
                    }
                }
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("feed notifications lost their database connection; reconnecting", e);
                try {
                    Thread.sleep(RECONNECT_AFTER_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
