package org.lexnet.query.circle;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.query.circle.CircleViews.HistoryEntry;
import org.lexnet.query.mentorship.AuditPayloads;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The full history of one circle for the admin audit, read from the event store itself (from sequence
 * 0, not from a read model that could lag or have been rebuilt), personal text shown where its writer's
 * key still exists and marked erased where it does not.
 */
@Component
class CircleHistory {

    private static final String CIRCLE_AGGREGATE = "Circle";

    private final EventStore eventStore;
    private final AuditPayloads payloads;

    CircleHistory(EventStore eventStore, AuditPayloads payloads) {
        this.eventStore = eventStore;
        this.payloads = payloads;
    }

    /** Empty if no circle has this id (including ids of other aggregates). */
    Optional<List<HistoryEntry>> of(CircleId circleId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(circleId.toString(), 0).asStream().toList();
        if (events.isEmpty() || !CircleCreatedEvent.class.equals(events.get(0).getPayloadType())) {
            return Optional.empty();
        }
        return Optional.of(events.stream().map(event -> new HistoryEntry(event.getSequenceNumber(), CIRCLE_AGGREGATE,
                event.getAggregateIdentifier(), event.getPayloadType().getSimpleName(), event.getTimestamp(),
                metaData(event, MessageMetadata.ACTOR_ID), metaData(event, MessageMetadata.CORRELATION_ID),
                payloads.show(event))).toList());
    }

    private static String metaData(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
