package org.lexnet.query.mentorship;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.matching.MatchRoundEvents.RoundProposalRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReleasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReservedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.query.mentorship.MentorshipViews.HistoryEntry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The full history of one pairing for the admin audit, read from the event store itself (not from a
 * read model, which could lag or have been rebuilt): every event of the pairing, plus the slot
 * reservations and releases it caused on its mentors' Member streams and the entries of any admin
 * match round that proposed for it, merged in commit order so that the whole reads as one story.
 */
@Component
class MentorshipHistory {

    private static final String MENTORSHIP_AGGREGATE = "Mentorship";
    private static final String MEMBER_AGGREGATE = "Member";
    private static final String MATCH_ROUND_AGGREGATE = "MatchRound";

    private final EventStore eventStore;
    private final JdbcTemplate jdbc;
    private final AuditPayloads payloads;

    MentorshipHistory(EventStore eventStore, JdbcTemplate jdbc, AuditPayloads payloads) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.payloads = payloads;
    }

    /** Empty if no pairing has this id (including ids of other aggregates). */
    Optional<List<HistoryEntry>> of(MentorshipId mentorshipId) {
        // from sequence 0: readEvents(id) alone would start at the latest snapshot and skip history
        List<? extends DomainEventMessage<?>> pairing =
                eventStore.readEvents(mentorshipId.toString(), 0).asStream().toList();
        if (pairing.isEmpty() || !MentorshipRequestedEvent.class.equals(pairing.get(0).getPayloadType())) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        pairing.forEach(event -> entries.add(new Entry(MENTORSHIP_AGGREGATE, event)));
        for (MemberId mentor : proposedMentors(pairing)) {
            eventStore.readEvents(mentor.toString(), 0).asStream()
                    .filter(event -> isSlotEventOf(event, mentorshipId))
                    .forEach(event -> entries.add(new Entry(MEMBER_AGGREGATE, event)));
        }
        // an admin match round that proposed for this pairing recorded the proposal on its own stream
        for (String round : matchRounds(pairing)) {
            eventStore.readEvents(round, 0).asStream()
                    .filter(event -> RoundProposalRecordedEvent.class.equals(event.getPayloadType())
                                     && mentorshipId.equals(((RoundProposalRecordedEvent) event.getPayload())
                                                                    .mentorshipId()))
                    .forEach(event -> entries.add(new Entry(MATCH_ROUND_AGGREGATE, event)));
        }
        Map<String, Long> commitOrder = globalIndexes(entries);
        return Optional.of(entries.stream()
                .sorted(Comparator.comparing(entry -> commitOrder.get(entry.event().getIdentifier())))
                .map(entry -> entry.view(payloads))
                .toList());
    }

    private static Set<String> matchRounds(List<? extends DomainEventMessage<?>> pairing) {
        Set<String> rounds = new LinkedHashSet<>();
        pairing.stream()
                .filter(event -> MentorProposedEvent.class.equals(event.getPayloadType()))
                .map(event -> ((MentorProposedEvent) event.getPayload()).matchRoundId())
                .filter(java.util.Objects::nonNull)
                .forEach(rounds::add);
        return rounds;
    }

    private static Set<MemberId> proposedMentors(List<? extends DomainEventMessage<?>> pairing) {
        Set<MemberId> mentors = new LinkedHashSet<>();
        pairing.stream()
                .filter(event -> MentorProposedEvent.class.equals(event.getPayloadType()))
                .forEach(event -> mentors.add(((MentorProposedEvent) event.getPayload()).mentorId()));
        return mentors;
    }

    /** Decided on the payload type first, so that the mentor's other events are never deserialized. */
    private static boolean isSlotEventOf(DomainEventMessage<?> event, MentorshipId mentorshipId) {
        Class<?> type = event.getPayloadType();
        if (MentoringSlotReservedEvent.class.equals(type)) {
            return mentorshipId.equals(((MentoringSlotReservedEvent) event.getPayload()).mentorshipId());
        }
        if (MentoringSlotReleasedEvent.class.equals(type)) {
            return mentorshipId.equals(((MentoringSlotReleasedEvent) event.getPayload()).mentorshipId());
        }
        return false;
    }

    /**
     * Each event's global index, the order in which the events were committed across streams (a
     * {@code bigserial}, see V1__axon_tables.sql); one query for all of them.
     */
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

        HistoryEntry view(AuditPayloads payloads) {
            return new HistoryEntry(event.getSequenceNumber(), aggregate, event.getAggregateIdentifier(),
                    event.getPayloadType().getSimpleName(), event.getTimestamp(), metaData(MessageMetadata.ACTOR_ID),
                    metaData(MessageMetadata.CORRELATION_ID), payloads.show(event));
        }

        private String metaData(String key) {
            Object value = event.getMetaData().get(key);
            return value == null ? null : value.toString();
        }
    }
}
