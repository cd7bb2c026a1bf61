package org.lexnet.command.recognition;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementDeclinedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementGivenEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementWithdrawnEvent;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Command-side lookups of the endorsement rules: which endorsements still stand per (endorser, endorsee,
 * competency) ({@code endorsement_lookup}, kept by a <em>subscribing</em> processor in the transaction of
 * each event, with a partial unique index as the last line behind the pair's lock), and whether two
 * members have the relationship an endorsement needs, read from the pairing and circle lookups, which
 * are kept the same way (so none of it is ever behind the event store).
 */
@Component
@ProcessingGroup(RecognitionLookups.PROCESSING_GROUP)
class RecognitionLookups {

    static final String PROCESSING_GROUP = "endorsement-lookups";

    private final JdbcTemplate jdbc;

    RecognitionLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reads

    boolean standing(MemberId endorser, MemberId endorsee, String competency) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from endorsement_lookup where endorser_id = ? and endorsee_id = ?
                               and competency = ? and standing)""", Boolean.class, endorser.value(), endorsee.value(),
                competency));
    }

    boolean blocked(MemberId blocker, MemberId blocked) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from member_block where blocker_id = ? and blocked_id = ?)", Boolean.class,
                blocker.value(), blocked.value()));
    }

    /**
     * The two are or were mentee and mentor of a pairing that became active: ACTIVE and PAUSED now, or
     * COMPLETED and ENDED, which only an active pairing can become.
     */
    boolean pairedOnce(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from pairing_lookup where status in ('ACTIVE', 'PAUSED', 'COMPLETED', 'ENDED')
                               and ((mentee_id = ? and mentor_id = ?) or (mentee_id = ? and mentor_id = ?)))""",
                Boolean.class, one.value(), other.value(), other.value(), one.value()));
    }

    /**
     * The two hold seats in one circle, or one facilitates a circle the other holds a seat in; open or
     * closed (a closed circle keeps its seats), not a seat given up before it closed.
     */
    boolean sharedCircle(MemberId one, MemberId other) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                with a as (select circle_id from circle_party where member_id = ? and role = 'SEAT'
                           union select circle_id from circle_lookup where facilitator_id = ?),
                     b as (select circle_id from circle_party where member_id = ? and role = 'SEAT'
                           union select circle_id from circle_lookup where facilitator_id = ?)
                select exists (select 1 from a join b using (circle_id))""", Boolean.class,
                one.value(), one.value(), other.value(), other.value()));
    }

    // ---- upkeep, in the transaction of each event

    @EventHandler
    void on(EndorsementGivenEvent event) {
        try {
            jdbc.update("""
                    insert into endorsement_lookup (endorsement_id, endorser_id, endorsee_id, competency, standing)
                    values (?, ?, ?, ?, true)""", event.endorsementId().value(), event.endorserId().value(),
                    event.endorseeId().value(), event.competency());
        } catch (DuplicateKeyException alreadyStanding) {
            throw new CommandRejectedException("you already endorsed this member for this competency");
        }
    }

    @EventHandler
    void on(EndorsementDeclinedEvent event) {
        ended(event.endorsementId());
    }

    @EventHandler
    void on(EndorsementWithdrawnEvent event) {
        ended(event.endorsementId());
    }

    private void ended(EndorsementId id) {
        jdbc.update("update endorsement_lookup set standing = false where endorsement_id = ?", id.value());
    }
}
