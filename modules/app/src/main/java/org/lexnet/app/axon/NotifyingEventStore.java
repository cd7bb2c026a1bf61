package org.lexnet.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which also says when this node has stored events, so that the other nodes
 * on the database look for them at once instead of at their next poll of the store (every second by
 * default). Axon wakes the node's own tracking processors at the commit; nothing in it wakes another
 * node's, which is what made an entry caused on one node reach a client of another up to a second late.
 */
public class NotifyingEventStore extends EmbeddedEventStore {

    private final Runnable announceStoredEvents;

    NotifyingEventStore(Builder builder, Runnable announceStoredEvents) {
        super(builder);
        this.announceStoredEvents = announceStoredEvents;
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
}
