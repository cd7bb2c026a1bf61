package org.lexnet.matching.round;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.matching.round.MatchRoundReader.RoundView;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/** Admin match rounds: start one over every waiting request (202), then read how it went. */
@RestController
class MatchRoundController {

    private final MatchRoundRunner runner;
    private final MatchRoundReader rounds;

    MatchRoundController(MatchRoundRunner runner, MatchRoundReader rounds) {
        this.runner = runner;
        this.rounds = rounds;
    }

    @Operation(operationId = "startMatchRound", summary = "Start a match round over every waiting request (admin)",
               description = "Runs in the background; read how it went from the Location.")
    @ApiResponse(responseCode = "202", description = "Started: the round's id.")
    @PostMapping("/api/v1/admin/match-rounds")
    ResponseEntity<Map<String, String>> start(Authentication auth) {
        String correlationId = MDC.get(MessageMetadata.CORRELATION_ID);
        String roundId = runner.start(MemberId.of(auth.getName()),
                correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/match-rounds/" + roundId))
                .body(Map.of("roundId", roundId));
    }

    @Operation(operationId = "getMatchRound", summary = "A match round and its outcome (admin)",
               description = "Status, proposals with their scores, total score, each unmatched request with the "
                             + "reason, and the duration.")
    @GetMapping("/api/v1/admin/match-rounds/{id}")
    RoundView round(@PathVariable String id) {
        return rounds.round(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such match round"));
    }
}
