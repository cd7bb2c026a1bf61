package org.lexnet.query.safety;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipWithdrawnEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.safety.SafetyEvents.BandwidthSetEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernAssignedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernNotedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernRaisedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernResolvedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberReinstatedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The safety read models: the concern queue ({@code concern_view}, admins and each reporter's own
 * status), who is suspended now ({@code suspended_member}, which the network's suggestions leave out),
 * and each member's bandwidth with what they received ({@code member_bandwidth}, {@code
 * bandwidth_received}: the admin statistics count the mentors at their limit), and how each proposal was
 * answered ({@code proposal_answer}: the statistics list unresponsive mentors).
 * Replay-safe: a concern's row moves only forward in its stream ({@code version}); suspensions are keyed
 * on the member. An erased reporter's text is forgotten, as their key is.
 */
@Component
@ProcessingGroup(SafetyProjection.PROCESSING_GROUP)
class SafetyProjection {

    static final String PROCESSING_GROUP = "safety";

    private final JdbcTemplate jdbc;

    SafetyProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ConcernRaisedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into concern_view (concern_id, reporter_id, subject_type, subject_id, subject_member_id,
                                          category, status, text, raised_at, updated_at, version)
                values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) on conflict (concern_id) do nothing""",
                event.concernId().value(), event.reporterId().value(), event.subjectType().name(), event.subjectId(),
                event.subjectMemberId() == null ? null : event.subjectMemberId().value(), event.category().name(),
                event.text(), java.sql.Timestamp.from(at), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(ConcernAssignedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("update concern_view set status = 'IN_REVIEW', assignee_id = ?, updated_at = ?, version = ? "
                    + "where concern_id = ? and version < ?", event.assigneeId().value(), java.sql.Timestamp.from(at), sequence,
                event.concernId().value(), sequence);
    }

    @EventHandler
    void on(ConcernNotedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("update concern_view set notes = notes + 1, updated_at = ?, version = ? "
                    + "where concern_id = ? and version < ?", java.sql.Timestamp.from(at), sequence, event.concernId().value(),
                sequence);
    }

    @EventHandler
    void on(ConcernResolvedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("update concern_view set status = 'RESOLVED', action = ?, updated_at = ?, resolved_at = ?, "
                    + "version = ? where concern_id = ? and version < ?", event.action().name(), java.sql.Timestamp.from(at),
                java.sql.Timestamp.from(at), sequence, event.concernId().value(), sequence);
    }

    @EventHandler
    void on(MemberSuspendedEvent event, @Timestamp Instant at) {
        jdbc.update("insert into suspended_member (member_id, concern_id, suspended_at) values (?, ?, ?) "
                    + "on conflict (member_id) do nothing", event.memberId().value(),
                event.concernId() == null ? null : event.concernId().value(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(MemberReinstatedEvent event) {
        jdbc.update("delete from suspended_member where member_id = ?", event.memberId().value());
    }

    /** The erased member's words are forgotten; the concern, its ids and its status stay for the audit. */
    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("update concern_view set text = null where reporter_id = ?", event.memberId().value());
        jdbc.update("delete from suspended_member where member_id = ?", event.memberId().value());
        jdbc.update("delete from member_bandwidth where member_id = ?", event.memberId().value());
        jdbc.update("delete from bandwidth_received where member_id = ?", event.memberId().value());
        jdbc.update("delete from proposal_answer where mentor_id = ?", event.memberId().value());
    }

    @EventHandler
    void on(BandwidthSetEvent event) {
        jdbc.update("""
                insert into member_bandwidth (member_id, bandwidth_max, quiet_until) values (?, ?, ?)
                on conflict (member_id) do update set bandwidth_max = excluded.bandwidth_max,
                                                      quiet_until = excluded.quiet_until""",
                event.memberId().value(), event.maxNewPerMonth(), event.quietUntil());
    }

    @EventHandler
    void on(MentorProposedEvent event, EventMessage<?> message) {
        received(message, event.mentorId());
        jdbc.update("insert into proposal_answer (proposal_id, mentorship_id, mentor_id, proposed_at) "
                    + "values (?, ?, ?, ?) on conflict (proposal_id) do nothing", event.proposalId(),
                event.mentorshipId().value(), event.mentorId().value(),
                java.sql.Timestamp.from(message.getTimestamp()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, EventMessage<?> message) {
        answered(event.proposalId(), message, false);
    }

    @EventHandler
    void on(ProposalDeclinedEvent event, EventMessage<?> message) {
        answered(event.proposalId(), message, false);
    }

    @EventHandler
    void on(ProposalExpiredEvent event, EventMessage<?> message) {
        answered(event.proposalId(), message, true);
    }

    /** A proposal withdrawn while it waited says nothing about its mentor. */
    @EventHandler
    void on(MentorshipWithdrawnEvent event) {
        jdbc.update("delete from proposal_answer where mentorship_id = ? and answered_at is null and not expired",
                event.mentorshipId().value());
    }

    private void answered(String proposalId, EventMessage<?> message, boolean expired) {
        jdbc.update("update proposal_answer set answered_at = ?, expired = ? "
                    + "where proposal_id = ? and answered_at is null and not expired",
                expired ? null : java.sql.Timestamp.from(message.getTimestamp()), expired, proposalId);
    }

    @EventHandler
    void on(ConnectionRequestedEvent event, EventMessage<?> message) {
        received(message, event.addresseeId());
    }

    private void received(EventMessage<?> message, MemberId member) {
        jdbc.update("insert into bandwidth_received (event_id, member_id, received_at) values (?, ?, ?) "
                    + "on conflict (event_id) do nothing", message.getIdentifier(), member.value(),
                java.sql.Timestamp.from(message.getTimestamp()));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate concern_view, suspended_member, member_bandwidth, bandwidth_received, proposal_answer");
    }
}
