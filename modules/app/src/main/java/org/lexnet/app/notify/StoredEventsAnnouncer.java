package org.lexnet.app.notify;

import org.lexnet.app.axon.NodeIdentity;
import org.lexnet.query.feed.BackgroundLoop;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import javax.sql.DataSource;

/**
 * Tells every node, through PostgreSQL's NOTIFY, that this node has stored events. Sent on a connection
 * of its own after the commit, never inside a command's transaction: PostgreSQL serialises the commits of
 * transactions that notify, which would put every command of every node in one queue. Announcements
 * coalesce: however many commits happen while one is being sent, one more follows it, so a burst of
 * commands costs a few notifications, and the last commit is always announced after it happened. A lost
 * announcement costs only time: the other nodes still poll the store.
 */
@Component
public class StoredEventsAnnouncer extends BackgroundLoop {

    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final NodeIdentity node;
    private final Semaphore pending = new Semaphore(0);

    StoredEventsAnnouncer(DataSource dataSource, NodeIdentity node,
                          @Qualifier("storedEventsAnnouncerExecutor") TaskExecutor executor) {
        super("stored-events-announcer", executor, RETRY_AFTER);
        this.dataSource = dataSource;
        this.node = node;
    }

    /** Called after each commit that stored events; returns at once. */
    public void announce() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    @Override
    protected void round() throws InterruptedException, SQLException {
        pending.acquire();
        pending.drainPermits();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, NotificationChannels.STORED_EVENTS);
            notify.setString(2, node.name());
            notify.execute();
        }
    }
}
