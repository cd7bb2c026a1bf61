package org.lexnet.matching.circleround;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.circle.CircleRoundCommands.FormedCircleRecord;
import org.lexnet.coreapi.circle.CircleRoundCommands.Waiting;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundCompletedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundFailedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundStartedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.RoundCircleFormedEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A formation round as an admin reads it, straight from the round's own events (a round is read rarely
 * and its events are its record: no read model to lag behind it).
 */
@Component
class CircleRoundReader {

    private final EventStore eventStore;

    CircleRoundReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /**
     * {@code status}: RUNNING, COMPLETED or FAILED; {@code gap}: how far the total fit is below the
     * engine's upper bound, as a share of the bound (null while running or when the bound is 0).
     */
    record CircleRoundView(String roundId, String status, String requestedBy, Instant startedAt,
                           Instant finishedAt, Integer seekers, Integer facilitators, Integer circlesOpened,
                           List<FormedCircleRecord> circles, List<Waiting> waiting, Double totalFit,
                           Double upperBound, Double gap, Long durationMs, String failure) {
    }

    Optional<CircleRoundView> round(String roundId) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(roundId, 0).asStream().toList();
        if (events.isEmpty() || !CircleRoundStartedEvent.class.equals(events.get(0).getPayloadType())) {
            return Optional.empty();
        }
        CircleRoundStartedEvent start = (CircleRoundStartedEvent) events.get(0).getPayload();
        List<FormedCircleRecord> circles = new ArrayList<>();
        String status = "RUNNING";
        CircleRoundCompletedEvent completed = null;
        String failure = null;
        Instant finishedAt = null;
        for (DomainEventMessage<?> event : events) {
            if (event.getPayload() instanceof RoundCircleFormedEvent formed) {
                circles.add(formed.circle());
            } else if (event.getPayload() instanceof CircleRoundCompletedEvent done) {
                completed = done;
                status = "COMPLETED";
                finishedAt = event.getTimestamp();
            } else if (event.getPayload() instanceof CircleRoundFailedEvent failed) {
                failure = failed.reason();
                status = "FAILED";
                finishedAt = event.getTimestamp();
            }
        }
        Double gap = completed == null || completed.upperBound() <= 0 ? null
                : (completed.upperBound() - completed.totalFit()) / completed.upperBound();
        return Optional.of(new CircleRoundView(roundId, status, start.requestedBy().toString(),
                events.get(0).getTimestamp(), finishedAt, completed == null ? null : completed.seekers(),
                completed == null ? null : completed.facilitators(),
                completed == null ? null : completed.circlesOpened(), circles,
                completed == null ? List.of() : completed.waiting(), completed == null ? null : completed.totalFit(),
                completed == null ? null : completed.upperBound(), gap,
                completed == null ? null : completed.durationMs(), failure));
    }
}
