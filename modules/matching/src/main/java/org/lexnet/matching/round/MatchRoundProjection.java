package org.lexnet.matching.round;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.matching.MatchRoundCommands.Unmatched;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundCompletedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundFailedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundStartedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.RoundProposalRecordedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The admin view of match rounds (tables {@code match_round*}). Replay-safe: inserts ignore rows that
 * exist, and completion writes absolute values.
 */
@Component
@ProcessingGroup("match-rounds")
class MatchRoundProjection {

    private final JdbcTemplate jdbc;

    MatchRoundProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MatchRoundStartedEvent event, @Timestamp Instant at) {
        jdbc.update("insert into match_round (round_id, status, requested_by, started_at) values (?, 'RUNNING', ?, ?) "
                    + "on conflict do nothing", event.roundId(),
                event.requestedBy() == null ? null : event.requestedBy().value(), java.sql.Timestamp.from(at));
    }

    @EventHandler
    void on(RoundProposalRecordedEvent event) {
        jdbc.update("insert into match_round_proposal (round_id, mentorship_id, mentor_id, score) values (?, ?, ?, ?) "
                    + "on conflict do nothing", event.roundId(), event.mentorshipId().value(),
                event.mentorId().value(), event.score());
    }

    @EventHandler
    void on(MatchRoundCompletedEvent event, @Timestamp Instant at) {
        jdbc.update("update match_round set status = 'COMPLETED', completed_at = ?, waiting_requests = ?, proposals = ?, "
                    + "total_score = ?, duration_ms = ? where round_id = ?", java.sql.Timestamp.from(at),
                event.waitingRequests(), event.proposals(), event.totalScore(), event.durationMs(), event.roundId());
        List<Unmatched> unmatched = event.unmatched();
        jdbc.batchUpdate("insert into match_round_unmatched (round_id, mentorship_id, reason) values (?, ?, ?) "
                         + "on conflict do nothing", unmatched, 500, (ps, u) -> {
                             ps.setString(1, event.roundId());
                             ps.setObject(2, u.mentorshipId().value());
                             ps.setString(3, u.reason());
                         });
    }

    @EventHandler
    void on(MatchRoundFailedEvent event, @Timestamp Instant at) {
        jdbc.update("update match_round set status = 'FAILED', completed_at = ?, failure = ? where round_id = ?",
                java.sql.Timestamp.from(at), event.reason(), event.roundId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate match_round cascade");
    }
}
