package org.lexnet.query.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskExecutor;
import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Live delivery on this node: follows {@code feed_entry} from its head at start-up and hands every new
 * entry to the STOMP broker, public ones to {@code /topic/network}, a circle's to its
 * {@code /topic/circles/{id}} and private ones to their recipient's queue. Every node runs one and reads the same table, so an entry written by any node
 * reaches clients connected to any node, with the same cursor as the catch-up endpoint.
 *
 * <p>It wakes when the database notifies that entries were committed ({@link #wakeUp()}, called by the
 * app's PostgreSQL listener) and in any case every {@code lexnet.feed.poll-interval}, so a missed
 * notification delays an entry but never loses it. Because the writer hands out cursors in commit
 * order, following "cursor greater than the last delivered" skips nothing; after a failure the next
 * round starts again from the last entry delivered.
 */
@Component
public class FeedRelay extends BackgroundLoop {

    private static final int BATCH = 500;

    private final FeedEntries entries;
    private final SimpMessageSendingOperations broker;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private final Counter publicDeliveries;
    private final Counter privateDeliveries;
    private final Counter circleDeliveries;

    private volatile long delivered;

    FeedRelay(FeedEntries entries, SimpMessageSendingOperations broker,
              @Value("${lexnet.feed.poll-interval:PT1S}") Duration pollInterval,
              @Qualifier("feedRelayExecutor") TaskExecutor executor, MeterRegistry metrics) {
        super("feed-relay", executor, pollInterval);
        this.entries = entries;
        this.broker = broker;
        this.pollInterval = pollInterval;
        this.publicDeliveries = deliveries(metrics, "network");
        this.privateDeliveries = deliveries(metrics, "member");
        this.circleDeliveries = deliveries(metrics, "circle");
    }

    /** Entries this node handed to its STOMP broker, by audience (subscribers it reached are not counted). */
    private static Counter deliveries(MeterRegistry metrics, String audience) {
        return Counter.builder("lexnet.feed.deliveries").tag("audience", audience)
                .description("feed entries handed to this node's STOMP broker").register(metrics);
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
    protected void beforeFirstRound() {
        delivered = entries.head();
    }

    @Override
    protected void round() throws InterruptedException {
        wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        deliverNew();
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
                if (entry.circle() != null) {
                    broker.convertAndSend(FeedDestinations.circleTopic(entry.circle()), shown.get(i));
                    circleDeliveries.increment();
                } else if (entry.recipient() == null) {
                    broker.convertAndSend(FeedDestinations.NETWORK, shown.get(i));
                    publicDeliveries.increment();
                } else {
                    broker.convertAndSendToUser(entry.recipient().toString(), FeedDestinations.NOTIFICATIONS_QUEUE,
                            shown.get(i));
                    privateDeliveries.increment();
                }
                delivered = entry.cursor();
            }
        } while (batch.size() == BATCH && isRunning());
    }
}
