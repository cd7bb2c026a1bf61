package org.lexnet.query.mentorship;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipEndedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who ended a pairing early, and why, read from the pairing's own stream. The read model keeps the
 * reason but not its author, and an export gives a reason only to the member who wrote it; this is
 * asked once per ended pairing of one member, so the stream is read rather than the schema widened.
 */
@Component
class PairingEndings {

    private final EventStore eventStore;

    PairingEndings(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty if the pairing was not ended early (completed, or still running). */
    Optional<Ending> of(MentorshipId mentorshipId) {
        // from sequence 0: readEvents(id) alone starts at the latest snapshot
        return eventStore.readEvents(mentorshipId.toString(), 0).asStream()
                .filter(event -> MentorshipEndedEvent.class.equals(event.getPayloadType()))
                .map(event -> (MentorshipEndedEvent) event.getPayload())
                .map(ended -> new Ending(ended.endedBy(), ended.reason()))
                .reduce((first, later) -> later);
    }

    record Ending(MemberId endedBy, String reason) {
    }
}
