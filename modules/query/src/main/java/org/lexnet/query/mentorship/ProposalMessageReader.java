package org.lexnet.query.mentorship;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ProposalMessages.ProposalMessageSentEvent;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages of a pairing's proposals as one reader may see them, read from the pairing's own events
 * (never behind the command that sent them, and a sender's erasure reads as a null text at once). The
 * reader must be the mentee or the mentor proposed or accepted now — the same people the pairing
 * itself knows — and sees the messages of the proposals they were party to: a mentor never reads what
 * the mentee exchanged with a mentor proposed before them.
 */
@Component
class ProposalMessageReader {

    private final EventStore eventStore;

    ProposalMessageReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Empty if there is no such pairing, or the reader is not one of its two people now. */
    Optional<List<MessageView>> readBy(MentorshipId mentorshipId, MemberId reader) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(mentorshipId.toString(), 0).asStream()
                .toList();
        if (events.isEmpty() || !MentorshipRequestedEvent.class.equals(events.get(0).getPayloadType())) {
            return Optional.empty();
        }
        MemberId mentee = null;
        MemberId currentMentor = null;
        List<MessageView> messages = new ArrayList<>();
        for (DomainEventMessage<?> event : events) {
            Object payload = event.getPayload();
            if (payload instanceof MentorshipRequestedEvent requested) {
                mentee = requested.menteeId();
            } else if (payload instanceof MentorProposedEvent proposed) {
                currentMentor = proposed.mentorId();
            } else if (payload instanceof ProposalAcceptedEvent accepted) {
                currentMentor = accepted.mentorId();
            } else if (payload instanceof ProposalDeclinedEvent || payload instanceof ProposalExpiredEvent) {
                currentMentor = null;
            } else if (payload instanceof ProposalMessageSentEvent message
                       && (reader.equals(message.menteeId()) || reader.equals(message.mentorId()))) {
                messages.add(new MessageView(message.messageId(), message.proposalId(), message.senderId().toString(),
                        reader.equals(message.senderId()), message.text(), event.getTimestamp()));
            }
        }
        if (!reader.equals(mentee) && !reader.equals(currentMentor)) {
            return Optional.empty();
        }
        return Optional.of(messages);
    }

    /**
     * One message; {@code text} is null once its sender was erased.
     *
     * @param mine whether the reader sent it
     */
    record MessageView(String messageId, String proposalId, String senderId, boolean mine, String text,
                       Instant sentAt) {
    }

    record MessagesView(String mentorshipId, List<MessageView> messages) {
    }
}
