package org.lexnet.command.safety;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipEndedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipPausedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipResumedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipWithdrawnEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.SessionLoggedEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.safety.ReminderKind;
import org.lexnet.coreapi.safety.SafetyEvents.PairingNudgedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ProposalReminderSentEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * What the reminders need to know, as data (so it survives restarts and every node sees the same):
 * each pairing's open proposal with when it was made and when it expires, which reminders it already
 * got, and for a running pairing since when it has been quiet (its last session, its start or resume)
 * and which quiet spell it was nudged about. Kept by a <em>subscribing</em> processor in the transaction
 * of the events; the pairing itself is what makes each reminder happen at most once.
 */
@Component
@ProcessingGroup(ReminderLookups.PROCESSING_GROUP)
class ReminderLookups {

    static final String PROCESSING_GROUP = "reminder-lookups";

    private final JdbcTemplate jdbc;

    ReminderLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- what is due

    /** Proposals made at least {@code after} ago, unanswered and not yet reminded so. */
    List<DueReminder> unanswered(Instant now, Duration after, int limit) {
        return jdbc.query("""
                select mentorship_id, proposal_id from reminder_lookup
                where status = 'PROPOSED' and not unanswered_sent and proposed_at <= ? and expires_at > ?
                order by proposed_at limit ?""", (rs, i) -> due(rs.getObject(1, UUID.class), rs.getString(2),
                        ReminderKind.UNANSWERED), ts(now.minus(after)), ts(now), limit);
    }

    /** Proposals expiring within {@code before}, unanswered and not yet reminded so. */
    List<DueReminder> expiringSoon(Instant now, Duration before, int limit) {
        return jdbc.query("""
                select mentorship_id, proposal_id from reminder_lookup
                where status = 'PROPOSED' and not before_expiry_sent and expires_at <= ? and expires_at > ?
                order by expires_at limit ?""", (rs, i) -> due(rs.getObject(1, UUID.class), rs.getString(2),
                        ReminderKind.BEFORE_EXPIRY), ts(now.plus(before)), ts(now), limit);
    }

    /** Running pairings quiet for at least {@code after} and not yet nudged about this quiet spell. */
    List<DueNudge> quiet(Instant now, Duration after, int limit) {
        return jdbc.query("""
                select mentorship_id, quiet_since from reminder_lookup
                where status = 'ACTIVE' and quiet_since <= ? and nudged_for is distinct from quiet_since
                order by quiet_since limit ?""", (rs, i) -> new DueNudge(
                        new MentorshipId(rs.getObject(1, UUID.class)), rs.getTimestamp(2).toInstant()),
                ts(now.minus(after)), limit);
    }

    record DueReminder(MentorshipId mentorshipId, String proposalId, ReminderKind kind) {
    }

    record DueNudge(MentorshipId mentorshipId, Instant quietSince) {
    }

    // ---- upkeep, in the transaction of each event

    @EventHandler
    void on(MentorProposedEvent event, @Timestamp Instant at) {
        jdbc.update("""
                insert into reminder_lookup (mentorship_id, status, proposal_id, proposed_at, expires_at)
                values (?, 'PROPOSED', ?, ?, ?)
                on conflict (mentorship_id) do update set status = 'PROPOSED', proposal_id = excluded.proposal_id,
                    proposed_at = excluded.proposed_at, expires_at = excluded.expires_at,
                    unanswered_sent = false, before_expiry_sent = false""",
                event.mentorshipId().value(), event.proposalId(), ts(at), ts(event.expiresAt()));
    }

    @EventHandler
    void on(ProposalReminderSentEvent event) {
        String flag = event.kind() == ReminderKind.UNANSWERED ? "unanswered_sent" : "before_expiry_sent";
        jdbc.update("update reminder_lookup set " + flag + " = true where mentorship_id = ? and proposal_id = ?",
                event.mentorshipId().value(), event.proposalId());
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, @Timestamp Instant at) {
        jdbc.update("update reminder_lookup set status = 'ACTIVE', quiet_since = ? where mentorship_id = ?", ts(at),
                event.mentorshipId().value());
    }

    @EventHandler
    void on(ProposalDeclinedEvent event) {
        status(event.mentorshipId(), "REQUESTED");
    }

    @EventHandler
    void on(ProposalExpiredEvent event) {
        status(event.mentorshipId(), "REQUESTED");
    }

    /** A session (dated the day it took place) ends the quiet spell, if it is later than what began it. */
    @EventHandler
    void on(SessionLoggedEvent event) {
        Instant held = event.date().atStartOfDay().toInstant(ZoneOffset.UTC);
        jdbc.update("update reminder_lookup set quiet_since = greatest(quiet_since, ?) where mentorship_id = ?",
                ts(held), event.mentorshipId().value());
    }

    @EventHandler
    void on(PairingNudgedEvent event) {
        jdbc.update("update reminder_lookup set nudged_for = ? where mentorship_id = ?", ts(event.quietSince()),
                event.mentorshipId().value());
    }

    /** A paused pairing is quiet on purpose; resuming starts the count again. */
    @EventHandler
    void on(MentorshipPausedEvent event) {
        status(event.mentorshipId(), "PAUSED");
    }

    @EventHandler
    void on(MentorshipResumedEvent event, @Timestamp Instant at) {
        jdbc.update("update reminder_lookup set status = 'ACTIVE', quiet_since = ? where mentorship_id = ?", ts(at),
                event.mentorshipId().value());
    }

    @EventHandler
    void on(MentorshipWithdrawnEvent event) {
        forget(event.mentorshipId());
    }

    @EventHandler
    void on(MentorshipCompletedEvent event) {
        forget(event.mentorshipId());
    }

    @EventHandler
    void on(MentorshipEndedEvent event) {
        forget(event.mentorshipId());
    }

    private void status(MentorshipId id, String status) {
        jdbc.update("update reminder_lookup set status = ? where mentorship_id = ?", status, id.value());
    }

    private void forget(MentorshipId id) {
        jdbc.update("delete from reminder_lookup where mentorship_id = ?", id.value());
    }

    private static DueReminder due(UUID mentorship, String proposalId, ReminderKind kind) {
        return new DueReminder(new MentorshipId(mentorship), proposalId, kind);
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }
}
