package org.lexnet.matching.round;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Match rounds as {@link MatchRoundProjection} stores them: the round, its proposals, what stayed unmatched. */
@Component
class MatchRoundReader {

    private final JdbcTemplate jdbc;

    MatchRoundReader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RoundView> round(String roundId) {
        return jdbc.query("select * from match_round where round_id = ?", (rs, i) -> new RoundView(
                        rs.getString("round_id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                        (Integer) rs.getObject("waiting_requests"), proposals(roundId),
                        (Long) rs.getObject("total_score"), unmatched(roundId), (Long) rs.getObject("duration_ms"),
                        rs.getString("failure")), roundId)
                .stream().findFirst();
    }

    private List<ProposalView> proposals(String roundId) {
        return jdbc.query("select mentorship_id, mentor_id, score from match_round_proposal where round_id = ? "
                          + "order by score desc, mentorship_id",
                (rs, i) -> new ProposalView(rs.getObject(1, UUID.class).toString(),
                        rs.getObject(2, UUID.class).toString(), rs.getInt(3)), roundId);
    }

    private List<UnmatchedView> unmatched(String roundId) {
        return jdbc.query("select mentorship_id, reason from match_round_unmatched where round_id = ? "
                          + "order by mentorship_id",
                (rs, i) -> new UnmatchedView(rs.getObject(1, UUID.class).toString(), rs.getString(2)), roundId);
    }

    record RoundView(String roundId, String status, Instant startedAt, Instant completedAt, Integer waitingRequests,
                     List<ProposalView> proposals, Long totalScore, List<UnmatchedView> unmatched, Long durationMs,
                     String failure) {
    }

    record ProposalView(String mentorshipId, String mentorId, int score) {
    }

    record UnmatchedView(String mentorshipId, String reason) {
    }
}
