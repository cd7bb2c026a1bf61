package org.lexnet.query.opportunity;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.query.mentorship.AuditPayloads;
import org.lexnet.query.opportunity.OpportunityViews.HistoryEntry;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * The full history of one opportunity for the admin audit (its posting, interest, withdrawal, closing,
 * hiding with the admin and the reason), read from the event store from sequence 0; what the poster wrote
 * shows while their key exists and as erased after.
 */
@Component
class OpportunityHistory {

    private final EventStore eventStore;
    private final AuditPayloads payloads;

    OpportunityHistory(EventStore eventStore, AuditPayloads payloads) {
        this.eventStore = eventStore;
        this.payloads = payloads;
    }

    /** Empty if no opportunity has this id (including ids of other aggregates). */
    Optional<List<HistoryEntry>> of(OpportunityId id) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id.toString(), 0).asStream().toList();
        if (events.isEmpty() || !OpportunityPostedEvent.class.equals(events.get(0).getPayloadType())) {
            return Optional.empty();
        }
        return Optional.of(events.stream()
                .map(event -> new HistoryEntry(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                        event.getTimestamp(), metaData(event, MessageMetadata.ACTOR_ID),
                        metaData(event, MessageMetadata.CORRELATION_ID), payloads.show(event)))
                .toList());
    }

    private static String metaData(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
