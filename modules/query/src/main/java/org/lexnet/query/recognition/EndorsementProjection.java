package org.lexnet.query.recognition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementAcceptedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementDeclinedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementGivenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementHiddenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementShownEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementWithdrawnEvent;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.lexnet.coreapi.recognition.EndorsementStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Keeps {@code endorsement_view}: every endorsement with its status and the audience its endorsee chose.
 * Replay-safe: a row moves only forward in its endorsement's stream ({@code version}). When either member
 * is erased the text is forgotten and the endorsement is shown nowhere again.
 */
@Component
@ProcessingGroup(EndorsementProjection.PROCESSING_GROUP)
class EndorsementProjection {

    static final String PROCESSING_GROUP = "endorsements";

    private final JdbcTemplate jdbc;

    EndorsementProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EndorsementGivenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into endorsement_view (endorsement_id, endorser_id, endorsee_id, competency, basis, text, status,
                                              given_at, version)
                values (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?) on conflict (endorsement_id) do nothing""",
                event.endorsementId().value(), event.endorserId().value(), event.endorseeId().value(),
                event.competency(), event.basis().name(), event.text(), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(EndorsementAcceptedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.endorsementId(), EndorsementStatus.ACCEPTED, event.audience().name(), at, sequence);
    }

    @EventHandler
    void on(EndorsementDeclinedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.endorsementId(), EndorsementStatus.DECLINED, null, at, sequence);
    }

    @EventHandler
    void on(EndorsementWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        update(event.endorsementId(), EndorsementStatus.WITHDRAWN, null, at, sequence);
    }

    @EventHandler
    void on(EndorsementHiddenEvent event, @SequenceNumber long sequence) {
        jdbc.update("update endorsement_view set status = 'HIDDEN', version = ? where endorsement_id = ? and version < ?",
                sequence, event.endorsementId().value(), sequence);
    }

    @EventHandler
    void on(EndorsementShownEvent event, @SequenceNumber long sequence) {
        jdbc.update("update endorsement_view set status = 'ACCEPTED', audience = ?, version = ? "
                    + "where endorsement_id = ? and version < ?", event.audience().name(), sequence,
                event.endorsementId().value(), sequence);
    }

    /** The words go with either member's key; the ids stay, as history. */
    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("update endorsement_view set text = null, erased = true where endorser_id = ? or endorsee_id = ?",
                event.memberId().value(), event.memberId().value());
    }

    private void update(EndorsementId id, EndorsementStatus status, String audience, Instant at, long sequence) {
        jdbc.update("update endorsement_view set status = ?, audience = ?, answered_at = ?, version = ? "
                    + "where endorsement_id = ? and version < ?", status.name(), audience, java.sql.Timestamp.from(at),
                sequence, id.value(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate endorsement_view");
    }
}
