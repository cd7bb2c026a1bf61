package org.lexnet.query.feed;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Live delivery on this node: follows {@code feed_entry} from its head at start-up and hands every new
 * entry to the STOMP broker, public ones to {@code /topic/network} and private ones to their
 * recipient's queue. Every node runs one and reads the same table, so an entry written by any node
 * reaches clients connected to any node, with the same cursor as the catch-up endpoint.
 *
 * <p>It wakes when the database notifies that entries were committed ({@link #wakeUp()}, called by the
 * app's PostgreSQL listener) and in any case every {@code lexnet.feed.poll-interval}, so a missed
 * notification delays an entry but never loses it. Because the writer hands out cursors in commit
 * order, following "cursor greater than the last delivered" skips nothing.
 */
@Component
public class FeedRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);
    private static final int BATCH = 500;

    private final FeedEntries entries;
    private final SimpMessageSendingOperations broker;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);

    private volatile boolean running;
    private volatile long delivered;
    private Thread thread;

    FeedRelay(FeedEntries entries, SimpMessageSendingOperations broker,
              @Value("${lexnet.feed.poll-interval:PT1S}") Duration pollInterval) {
        this.entries = entries;
        this.broker = broker;
        this.pollInterval = pollInterval;
    }

    /** The PostgreSQL channel on which the writer announces committed entries. */
    public static String notifyChannel() {
        return FeedWriter.NOTIFY_CHANNEL;
    }

    /** New entries were committed: look now rather than at the next poll. */
    public void wakeUp() {
        wake.release();
    }

    @Override
    public synchronized void start() {
        delivered = entries.head();
        running = true;
        thread = new Thread(this::follow, "feed-relay");
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

    private void follow() {
        while (running) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                deliverNew();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database or the broker failed; the next round starts again from the last delivered
                log.warn("live feed delivery failed after cursor {}; retrying", delivered, e);
            }
        }
    }

    private void deliverNew() {
        List<FeedEntries.Entry> batch;
        do {
            batch = entries.after(delivered, BATCH);
            if (batch.isEmpty()) {
                return;
            }
            List<FeedMessage> shown = entries.show(batch);
            for (int i = 0; i < batch.size(); i++) {
                FeedEntries.Entry entry = batch.get(i);
                if (entry.recipient() == null) {
                    broker.convertAndSend(FeedDestinations.NETWORK, shown.get(i));
                } else {
                    broker.convertAndSendToUser(entry.recipient().toString(), FeedDestinations.NOTIFICATIONS_QUEUE,
                            shown.get(i));
                }
                delivered = entry.cursor();
            }
        } while (batch.size() == BATCH && running);
    }
}
