package org.lexnet.query.safety;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernRaisedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernResolvedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.lexnet.query.mentorship.AuditPayloads;
import org.lexnet.query.safety.ConcernViews.HistoryEntry;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The audit of one concern, read from the event store (from sequence 0): every step on the concern's
 * stream — raised, assigned, noted, resolved — and, when it led to a suspension, the suspension on the
 * member's stream that names it. Each with its actor, time and correlation id; personal values show as
 * the audit shows them everywhere ({@link AuditPayloads}).
 */
@Component
class ConcernHistory {

    private final EventStore eventStore;
    private final AuditPayloads payloads;

    ConcernHistory(EventStore eventStore, AuditPayloads payloads) {
        this.eventStore = eventStore;
        this.payloads = payloads;
    }

    /** Empty if no concern has this id (including ids of other aggregates). */
    Optional<List<HistoryEntry>> of(ConcernId concernId) {
        List<? extends DomainEventMessage<?>> concern = eventStore.readEvents(concernId.toString(), 0).asStream()
                .toList();
        if (concern.isEmpty() || !ConcernRaisedEvent.class.equals(concern.get(0).getPayloadType())) {
            return Optional.empty();
        }
        List<HistoryEntry> entries = new ArrayList<>();
        concern.forEach(event -> entries.add(entry("Concern", event)));
        concern.stream()
                .filter(event -> ConcernResolvedEvent.class.equals(event.getPayloadType()))
                .map(event -> ((ConcernResolvedEvent) event.getPayload()).subjectMemberId())
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .ifPresent(member -> suspensionsNaming(member, concernId)
                        .forEach(event -> entries.add(entry("Member", event))));
        return Optional.of(entries);
    }

    /** The suspension is in the same transaction as the resolution, so it comes right after it. */
    private List<? extends DomainEventMessage<?>> suspensionsNaming(MemberId member, ConcernId concernId) {
        return eventStore.readEvents(member.toString(), 0).asStream()
                .filter(event -> MemberSuspendedEvent.class.equals(event.getPayloadType())
                                 && concernId.equals(((MemberSuspendedEvent) event.getPayload()).concernId()))
                .toList();
    }

    private HistoryEntry entry(String aggregate, DomainEventMessage<?> event) {
        return new HistoryEntry(event.getSequenceNumber(), aggregate, event.getAggregateIdentifier(),
                event.getPayloadType().getSimpleName(), event.getTimestamp(), metaData(event, MessageMetadata.ACTOR_ID),
                metaData(event, MessageMetadata.CORRELATION_ID), payloads.show(event));
    }

    private static String metaData(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
