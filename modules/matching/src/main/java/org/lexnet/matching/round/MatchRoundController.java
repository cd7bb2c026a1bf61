package org.lexnet.matching.round;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Admin match rounds: start one over every waiting request (202), then read how it went. */
@RestController
class MatchRoundController {

    private final MatchRoundRunner runner;
    private final JdbcTemplate jdbc;

    MatchRoundController(MatchRoundRunner runner, JdbcTemplate jdbc) {
        this.runner = runner;
        this.jdbc = jdbc;
    }

    @PostMapping("/api/v1/admin/match-rounds")
    ResponseEntity<Map<String, String>> start(Authentication auth) {
        String correlationId = MDC.get(MessageMetadata.CORRELATION_ID);
        String roundId = runner.start(MemberId.of(auth.getName()),
                correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/match-rounds/" + roundId))
                .body(Map.of("roundId", roundId));
    }

    @GetMapping("/api/v1/admin/match-rounds/{id}")
    RoundView round(@PathVariable String id) {
        RoundView round = jdbc.query("select * from match_round where round_id = ?", (rs, i) -> new RoundView(
                        rs.getString("round_id"), rs.getString("status"), rs.getTimestamp("started_at").toInstant(),
                        rs.getTimestamp("completed_at") == null ? null : rs.getTimestamp("completed_at").toInstant(),
                        (Integer) rs.getObject("waiting_requests"), List.of(), (Long) rs.getObject("total_score"),
                        List.of(), (Long) rs.getObject("duration_ms"), rs.getString("failure")), id)
                .stream().findFirst().orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such match round"));
        List<ProposalView> proposals = jdbc.query("select mentorship_id, mentor_id, score from match_round_proposal "
                        + "where round_id = ? order by score desc, mentorship_id", (rs, i) -> new ProposalView(
                        rs.getObject(1, UUID.class).toString(), rs.getObject(2, UUID.class).toString(), rs.getInt(3)),
                id);
        List<UnmatchedView> unmatched = jdbc.query("select mentorship_id, reason from match_round_unmatched "
                        + "where round_id = ? order by mentorship_id",
                (rs, i) -> new UnmatchedView(rs.getObject(1, UUID.class).toString(), rs.getString(2)), id);
        return new RoundView(round.roundId(), round.status(), round.startedAt(), round.completedAt(),
                round.waitingRequests(), proposals, round.totalScore(), unmatched, round.durationMs(), round.failure());
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
