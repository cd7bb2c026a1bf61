package org.lexnet.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, with two things it lacks for processors that should follow the store
 * within milliseconds rather than within a poll:
 * <ul>
 *     <li>it says when this node has stored events, so that the other nodes on the database look for them
 *     at once instead of at their next poll of the store (every second by default). Axon wakes the node's
 *     own processors at the commit; nothing in it wakes another node's.</li>
 *     <li>its streams tell their reader when events become available. Without that, a pooled streaming
 *     processor that has caught up looks for new events every 500 ms (Axon's fixed fallback), which was
 *     the wait between a command and the read models, the matching pool and the instant proposal. One
 *     watcher per node follows the head of the store and calls every open stream's callback.</li>
 * </ul>
 * The watcher calls back at once for a short burst of stores ({@value #WAKE_BURST}: a request, the
 * proposal it causes and what follows come through without waiting), then, while events keep coming,
 * at most once per wake spacing (50 ms by default): under load the events of that time reach each
 * processor as one batch. Woken for every event, each processor ran a unit of work per event (its
 * transaction, its token update, its dead-letter and read-model-schema checks), which cost more CPU
 * per command than the commands gained in latency (docs/benchmarks.md, "Command throughput").
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(NotifyingEventStore.class);

    private final Runnable announceStoredEvents;
    /** Wake-ups at once before the spacing applies; one more is earned per spacing of quiet. */
    static final int WAKE_BURST = 4;

    private final long wakeSpacingNanos;
    private double wakeCredits = WAKE_BURST;
    private long wakeCreditsAt = System.nanoTime();
    private final Set<Runnable> availabilityCallbacks = new CopyOnWriteArraySet<>();
    private volatile Thread watcher;
    private volatile boolean shutDown;

    NotifyingEventStore(Builder builder, Runnable announceStoredEvents, Duration wakeSpacing) {
        super(builder);
        this.announceStoredEvents = announceStoredEvents;
        this.wakeSpacingNanos = wakeSpacing.toNanos();
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            announceStoredEvents.run();
        }
    }

    /** Another node stored events: fetch them now for the processors tailing this store. */
    public void eventsStoredElsewhere() {
        super.afterCommit(List.of());
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        TrackingEventStream stream = super.openStream(trackingToken);
        startWatcher();
        return new CallingBackStream(stream);
    }

    @Override
    public void shutDown() {
        shutDown = true;
        Thread current = watcher;
        if (current != null) {
            current.interrupt();
        }
        super.shutDown();
    }

    private synchronized void startWatcher() {
        if (watcher == null && !shutDown) {
            Thread thread = new Thread(this::watchTheHead, "event-store-watcher");
            thread.setDaemon(true);
            watcher = thread;
            thread.start();
        }
    }

    /** Follows the head of the store; each time events arrive, calls every open stream back. */
    private void watchTheHead() {
        TrackingEventStream head = null;
        try {
            while (!shutDown) {
                try {
                    if (head == null) {
                        head = super.openStream(createHeadToken());
                    }
                    if (head.hasNextAvailable(1, TimeUnit.SECONDS)) {
                        awaitWakeCredit();
                        while (head.hasNextAvailable()) {
                            head.nextAvailable();
                        }
                        availabilityCallbacks.forEach(Runnable::run);
                    }
                } catch (RuntimeException e) {
                    if (shutDown) {
                        return;
                    }
                    // the processors fall back to polling meanwhile: later, never lost
                    log.warn("Could not follow the head of the event store; trying again in a second", e);
                    if (head != null) {
                        head.close();
                        head = null;
                    }
                    Thread.sleep(1000);
                }
            }
        } catch (InterruptedException e) {
            // shutting down
        } finally {
            if (head != null) {
                head.close();
            }
        }
    }

    /** Spends one wake-up of the burst, waiting for the next one to be earned when none is left. */
    private void awaitWakeCredit() throws InterruptedException {
        if (wakeSpacingNanos <= 0) {
            return;
        }
        long now = System.nanoTime();
        wakeCredits = Math.min(WAKE_BURST, wakeCredits + (double) (now - wakeCreditsAt) / wakeSpacingNanos);
        wakeCreditsAt = now;
        if (wakeCredits < 1) {
            TimeUnit.NANOSECONDS.sleep((long) ((1 - wakeCredits) * wakeSpacingNanos));
            wakeCredits = 1;
            wakeCreditsAt = System.nanoTime();
        }
        wakeCredits -= 1;
    }

    /** A stream of the store that also takes a callback for when events become available. */
    private final class CallingBackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        private CallingBackStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                availabilityCallbacks.remove(previous);
            }
            this.callback = callback;
            availabilityCallbacks.add(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public boolean hasNextAvailable() {
            return delegate.hasNextAvailable();
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                availabilityCallbacks.remove(current);
            }
            delegate.close();
        }
    }
}
