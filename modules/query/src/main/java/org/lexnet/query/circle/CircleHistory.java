package org.lexnet.query.circle;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.circle.CircleRoundEvents.RoundCircleFormedEvent;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.query.circle.CircleViews.HistoryEntry;
import org.lexnet.query.mentorship.AuditPayloads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The full history of one circle for the admin audit, read from the event store itself (from sequence
 * 0, not from a read model that could lag or have been rebuilt), with the entry of the formation round
 * that formed it, if one did, merged in commit order; personal text shown where its writer's
 * key still exists and marked erased where it does not.
 */
@Component
class CircleHistory {

    private static final String CIRCLE_AGGREGATE = "Circle";
    private static final String CIRCLE_ROUND_AGGREGATE = "CircleRound";

    private final EventStore eventStore;
    private final AuditPayloads payloads;
    private final JdbcTemplate jdbc;

    CircleHistory(EventStore eventStore, AuditPayloads payloads, JdbcTemplate jdbc) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    /** Empty if no circle has this id (including ids of other aggregates). */
    Optional<List<HistoryEntry>> of(CircleId circleId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(circleId.toString(), 0).asStream().toList();
        if (events.isEmpty() || !CircleCreatedEvent.class.equals(events.get(0).getPayloadType())) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        events.forEach(event -> entries.add(new Entry(CIRCLE_AGGREGATE, event)));
        // a formation round that formed this circle recorded it on its own stream
        String roundId = ((CircleCreatedEvent) events.get(0).getPayload()).roundId();
        if (roundId != null) {
            eventStore.readEvents(roundId, 0).asStream()
                    .filter(event -> event.getPayload() instanceof RoundCircleFormedEvent formed
                                     && circleId.equals(formed.circle().circleId()))
                    .forEach(event -> entries.add(new Entry(CIRCLE_ROUND_AGGREGATE, event)));
        }
        Map<String, Long> commitOrder = globalIndexes(entries);
        return Optional.of(entries.stream()
                .sorted(Comparator.comparing(entry -> commitOrder.get(entry.event().getIdentifier())))
                .map(entry -> new HistoryEntry(entry.event().getSequenceNumber(), entry.aggregate(),
                        entry.event().getAggregateIdentifier(), entry.event().getPayloadType().getSimpleName(),
                        entry.event().getTimestamp(), metaData(entry.event(), MessageMetadata.ACTOR_ID),
                        metaData(entry.event(), MessageMetadata.CORRELATION_ID), payloads.show(entry.event())))
                .toList());
    }

    /** Each event's global index: the order in which the events were committed across streams. */
    private Map<String, Long> globalIndexes(List<Entry> entries) {
        String[] identifiers = entries.stream().map(entry -> entry.event().getIdentifier()).toArray(String[]::new);
        Map<String, Long> indexes = new HashMap<>();
        jdbc.query("select event_identifier, global_index from domain_event_entry where event_identifier = any (?)",
                rs -> {
                    indexes.put(rs.getString("event_identifier"), rs.getLong("global_index"));
                }, (Object) identifiers);
        return indexes;
    }

    private record Entry(String aggregate, DomainEventMessage<?> event) {
    }

    private static String metaData(DomainEventMessage<?> event, String key) {
        Object value = event.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
