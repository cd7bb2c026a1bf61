package org.lexnet.command.mentorship;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipEndedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipPausedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipResumedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipWithdrawnEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

/**
 * Command-side lookup tables for rules that span pairings: how many open requests a mentee has,
 * which (mentee, mentor) pairs were declined, and which proposals are waiting for an answer (with
 * their deadline). Kept by a <em>subscribing</em> processor, so each change is written in the same
 * transaction as the event that causes it — the tables are never behind the event store — and read
 * before a command is dispatched (set-based validation).
 */
@Component
@ProcessingGroup(PairingLookups.PROCESSING_GROUP)
public class PairingLookups {

    static final String PROCESSING_GROUP = "pairing-lookups";

    private final JdbcTemplate jdbc;

    PairingLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- reads

    /** The mentee of a pairing, known from its first event on (empty for an unknown id). */
    Optional<MemberId> menteeOf(MentorshipId mentorshipId) {
        return jdbc.query("select mentee_id from pairing_lookup where mentorship_id = ?",
                (rs, i) -> new MemberId(rs.getObject(1, java.util.UUID.class)), mentorshipId.value()).stream()
                .findFirst();
    }

    /** The pairings a member still takes part in: open requests as mentee, proposals to them, running pairings. */
    public List<MentorshipId> openPairingsOf(MemberId member) {
        return jdbc.query("""
                select mentorship_id from pairing_lookup
                where (mentee_id = ? and status in ('REQUESTED', 'PROPOSED', 'ACTIVE', 'PAUSED'))
                   or (mentor_id = ? and status in ('PROPOSED', 'ACTIVE', 'PAUSED'))""",
                (rs, i) -> new MentorshipId(rs.getObject(1, java.util.UUID.class)), member.value(), member.value());
    }

    int openRequestsOf(MemberId menteeId) {
        Integer n = jdbc.queryForObject("select count(*) from pairing_lookup where mentee_id = ? and status in (?, ?)",
                Integer.class, menteeId.value(), MentorshipStatus.REQUESTED.name(), MentorshipStatus.PROPOSED.name());
        return n == null ? 0 : n;
    }

    boolean declinedBefore(MemberId menteeId, MemberId mentorId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from declined_pair where mentee_id = ? and mentor_id = ?)", Boolean.class,
                menteeId.value(), mentorId.value()));
    }

    int pendingProposalsFor(MemberId mentorId) {
        Integer n = jdbc.queryForObject("select count(*) from pairing_lookup where mentor_id = ? and status = 'PROPOSED'",
                Integer.class, mentorId.value());
        return n == null ? 0 : n;
    }

    /** Proposals whose answer is overdue, oldest first. */
    List<DueProposal> dueProposals(java.time.Instant now, int limit) {
        return jdbc.query("""
                select mentorship_id, proposal_id from pairing_lookup
                where status = 'PROPOSED' and proposal_expires_at <= ? order by proposal_expires_at limit ?""",
                (rs, i) -> new DueProposal(new MentorshipId(rs.getObject(1, java.util.UUID.class)), rs.getString(2)),
                Timestamp.from(now), limit);
    }

    record DueProposal(MentorshipId mentorshipId, String proposalId) {
    }

    // ---- upkeep, in the transaction of each event

    @EventHandler
    void on(MentorshipRequestedEvent event) {
        jdbc.update("insert into pairing_lookup (mentorship_id, mentee_id, status) values (?, ?, 'REQUESTED')",
                event.mentorshipId().value(), event.menteeId().value());
    }

    @EventHandler
    void on(MentorProposedEvent event) {
        jdbc.update("""
                update pairing_lookup set status = 'PROPOSED', mentor_id = ?, proposal_id = ?, proposal_expires_at = ?
                where mentorship_id = ?""", event.mentorId().value(), event.proposalId(),
                Timestamp.from(event.expiresAt()), event.mentorshipId().value());
    }

    @EventHandler
    void on(ProposalAcceptedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.ACTIVE, true);
    }

    @EventHandler
    void on(ProposalDeclinedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.REQUESTED, true);
        jdbc.update("insert into declined_pair (mentee_id, mentor_id) values (?, ?) on conflict do nothing",
                event.menteeId().value(), event.mentorId().value());
    }

    @EventHandler
    void on(ProposalExpiredEvent event) {
        status(event.mentorshipId(), MentorshipStatus.REQUESTED, true);
    }

    @EventHandler
    void on(MentorshipWithdrawnEvent event) {
        status(event.mentorshipId(), MentorshipStatus.WITHDRAWN, true);
    }

    @EventHandler
    void on(MentorshipPausedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.PAUSED, false);
    }

    @EventHandler
    void on(MentorshipResumedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.ACTIVE, false);
    }

    @EventHandler
    void on(MentorshipCompletedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.COMPLETED, false);
    }

    @EventHandler
    void on(MentorshipEndedEvent event) {
        status(event.mentorshipId(), MentorshipStatus.ENDED, false);
    }

    private void status(MentorshipId id, MentorshipStatus status, boolean clearProposal) {
        jdbc.update("update pairing_lookup set status = ?" + (clearProposal
                        ? ", proposal_id = null, proposal_expires_at = null" : "") + " where mentorship_id = ?",
                status.name(), id.value());
    }
}
