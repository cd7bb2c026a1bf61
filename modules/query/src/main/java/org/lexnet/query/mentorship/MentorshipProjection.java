package org.lexnet.query.mentorship;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.FeedbackGivenEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.GoalSetEvent;
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
import org.lexnet.coreapi.mentorship.MentorshipEvents.SessionLoggedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The pairings read model: one row per pairing ({@code mentorship_view}) with its goals, sessions,
 * feedback, proposals and (admin-only) decline reasons in tables of their own.
 *
 * <p>Replay-safe: every event of a pairing first advances {@code mentorship_view.version} to the
 * event's sequence number, and changes the tables only if that advanced it; an event seen twice
 * changes nothing the second time.
 */
@Component
@ProcessingGroup(MentorshipProjection.PROCESSING_GROUP)
class MentorshipProjection {

    static final String PROCESSING_GROUP = "mentorships";

    private final JdbcTemplate jdbc;

    MentorshipProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MentorshipRequestedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        // a request without preferences asks for the defaults the API defines
        MentorshipPreferences preferences = event.preferences() == null
                ? MentorshipPreferences.none() : event.preferences();
        jdbc.update("""
                insert into mentorship_view (mentorship_id, mentee_id, status, mentee_stage, needs, shared_experience,
                  cross_sector, remote_only, requested_mentor_id, requested_at, version, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (mentorship_id) do nothing""",
                event.mentorshipId().value(), event.menteeId().value(), MentorshipStatus.REQUESTED.name(),
                event.menteeStage(), array(event.needs()), preferences.sharedExperience().name(),
                preferences.crossSector(), preferences.remoteOnly(),
                event.requestedMentorId() == null ? null : event.requestedMentorId().value(), ts(at), sequence,
                ts(at));
    }

    @EventHandler
    void on(MentorProposedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.mentorshipId(), sequence, at)) {
            return;
        }
        jdbc.update("""
                update mentorship_view set status = ?, mentor_id = ?, proposal_id = ?, proposal_source = ?,
                  proposal_score = ?, proposal_reasons = ?, proposal_expires_at = ?, proposed_at = ?
                where mentorship_id = ?""",
                MentorshipStatus.PROPOSED.name(), event.mentorId().value(), event.proposalId(), event.source().name(),
                event.score(), array(event.reasons()), event.expiresAt() == null ? null : ts(event.expiresAt()),
                ts(at), event.mentorshipId().value());
        jdbc.update("""
                insert into mentorship_proposal (mentorship_id, proposal_id, mentor_id, source, score, proposed_at)
                values (?, ?, ?, ?, ?, ?)""",
                event.mentorshipId().value(), event.proposalId(), event.mentorId().value(), event.source().name(),
                event.score(), ts(at));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.mentorshipId(), sequence, at)) {
            return;
        }
        // the accepted proposal stays on the row, so the mentee can still see why this mentor was
        // proposed; it no longer expires
        jdbc.update("""
                update mentorship_view set status = ?, mentor_id = ?, activated_at = ?, proposal_expires_at = null
                where mentorship_id = ?""",
                MentorshipStatus.ACTIVE.name(), event.mentorId().value(), ts(at), event.mentorshipId().value());
        answer(event.mentorshipId(), event.proposalId(), ProposalOutcome.ACCEPTED, at);
    }

    @EventHandler
    void on(ProposalDeclinedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.mentorshipId(), sequence, at)) {
            return;
        }
        withoutProposal(event.mentorshipId(), MentorshipStatus.REQUESTED);
        answer(event.mentorshipId(), event.proposalId(), ProposalOutcome.DECLINED, at);
        jdbc.update("""
                insert into mentorship_decline (mentorship_id, proposal_id, mentor_id, reason, declined_at)
                values (?, ?, ?, ?, ?)""",
                event.mentorshipId().value(), event.proposalId(), event.mentorId().value(), event.reason(), ts(at));
    }

    @EventHandler
    void on(ProposalExpiredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            withoutProposal(event.mentorshipId(), MentorshipStatus.REQUESTED);
            answer(event.mentorshipId(), event.proposalId(), ProposalOutcome.EXPIRED, at);
        }
    }

    @EventHandler
    void on(MentorshipWithdrawnEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.mentorshipId(), sequence, at)) {
            return;
        }
        // a proposal still open is void: it was neither accepted nor declined
        jdbc.update("""
                update mentorship_proposal set outcome = ?, answered_at = ?
                where mentorship_id = ? and outcome is null""",
                ProposalOutcome.WITHDRAWN.name(), ts(at), event.mentorshipId().value());
        withoutProposal(event.mentorshipId(), MentorshipStatus.WITHDRAWN);
        jdbc.update("update mentorship_view set ended_at = ? where mentorship_id = ?", ts(at),
                event.mentorshipId().value());
    }

    @EventHandler
    void on(GoalSetEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            jdbc.update("""
                    insert into mentorship_goal (mentorship_id, goal_id, text, set_by, set_at)
                    values (?, ?, ?, ?, ?)""",
                    event.mentorshipId().value(), event.goalId(), event.text(), event.setBy().value(), ts(at));
        }
    }

    @EventHandler
    void on(SessionLoggedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            jdbc.update("""
                    insert into mentorship_session (mentorship_id, session_id, session_date, minutes, note, logged_by,
                      logged_at)
                    values (?, ?, ?, ?, ?, ?, ?)""",
                    event.mentorshipId().value(), event.sessionId(), Date.valueOf(event.date()), event.minutes(),
                    event.note(), event.loggedBy().value(), ts(at));
        }
    }

    @EventHandler
    void on(MentorshipPausedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            status(event.mentorshipId(), MentorshipStatus.PAUSED);
        }
    }

    @EventHandler
    void on(MentorshipResumedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            status(event.mentorshipId(), MentorshipStatus.ACTIVE);
        }
    }

    @EventHandler
    void on(MentorshipCompletedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            jdbc.update("update mentorship_view set status = ?, ended_at = ? where mentorship_id = ?",
                    MentorshipStatus.COMPLETED.name(), ts(at), event.mentorshipId().value());
        }
    }

    @EventHandler
    void on(MentorshipEndedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            jdbc.update("update mentorship_view set status = ?, ended_at = ?, end_reason = ? where mentorship_id = ?",
                    MentorshipStatus.ENDED.name(), ts(at), event.reason(), event.mentorshipId().value());
        }
    }

    @EventHandler
    void on(FeedbackGivenEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.mentorshipId(), sequence, at)) {
            jdbc.update("""
                    insert into mentorship_feedback (mentorship_id, role, given_by, rating, comment, given_at)
                    values (?, ?, ?, ?, ?, ?)""",
                    event.mentorshipId().value(), event.role().name(), event.givenBy().value(), event.rating(),
                    event.comment(), ts(at));
        }
    }

    /**
     * A member left: what they wrote in pairings goes (goals, session notes, feedback, decline reasons),
     * and so do the end reasons and proposal explanations of their pairings (those speak of them). The
     * pairings themselves stay, for the other side and the statistics.
     */
    @EventHandler
    void on(MemberErasedEvent event) {
        UUID member = event.memberId().value();
        jdbc.update("update mentorship_goal set text = null where set_by = ?", member);
        jdbc.update("update mentorship_session set note = null where logged_by = ?", member);
        jdbc.update("update mentorship_feedback set comment = null where given_by = ?", member);
        jdbc.update("update mentorship_decline set reason = null where mentor_id = ?", member);
        jdbc.update("update mentorship_view set end_reason = null, proposal_reasons = null "
                    + "where mentee_id = ? or mentor_id = ?", member, member);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("""
                truncate mentorship_goal, mentorship_session, mentorship_feedback, mentorship_proposal,
                  mentorship_decline, mentorship_view""");
    }

    /** Moves the pairing's version to this event; false if the event was already applied. */
    private boolean advance(MentorshipId mentorshipId, long sequence, Instant at) {
        return jdbc.update(
                "update mentorship_view set version = ?, updated_at = ? where mentorship_id = ? and version < ?",
                sequence, ts(at), mentorshipId.value(), sequence) == 1;
    }

    /**
     * After a decline, an expiry or a withdrawal nobody is proposed any more: the proposed mentor stops
     * seeing the request (the proposal's record stays in {@code mentorship_proposal}).
     */
    private void withoutProposal(MentorshipId mentorshipId, MentorshipStatus status) {
        jdbc.update("""
                update mentorship_view set status = ?, mentor_id = null, proposal_id = null, proposal_source = null,
                  proposal_score = null, proposal_reasons = null, proposal_expires_at = null, proposed_at = null
                where mentorship_id = ?""",
                status.name(), mentorshipId.value());
    }

    private void answer(MentorshipId mentorshipId, String proposalId, ProposalOutcome outcome, Instant at) {
        jdbc.update("""
                update mentorship_proposal set outcome = ?, answered_at = ?
                where mentorship_id = ? and proposal_id = ?""",
                outcome.name(), ts(at), mentorshipId.value(), proposalId);
    }

    private void status(MentorshipId mentorshipId, MentorshipStatus status) {
        jdbc.update("update mentorship_view set status = ? where mentorship_id = ?", status.name(),
                mentorshipId.value());
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static String[] array(List<String> codes) {
        return codes.toArray(String[]::new);
    }

    /** How a proposal was answered; the column {@code mentorship_proposal.outcome}. */
    enum ProposalOutcome { ACCEPTED, DECLINED, EXPIRED, WITHDRAWN }
}
