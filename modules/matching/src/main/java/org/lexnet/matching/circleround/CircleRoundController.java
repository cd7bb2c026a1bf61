package org.lexnet.matching.circleround;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.messaging.MessageMetadata;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.matching.circleround.CircleRoundReader.CircleRoundView;
import org.slf4j.MDC;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** Admin circle formation rounds: start one over every member waiting for a circle (202), then read it. */
@RestController
class CircleRoundController {

    private final CircleRoundRunner runner;
    private final CircleRoundReader rounds;

    CircleRoundController(CircleRoundRunner runner, CircleRoundReader rounds) {
        this.runner = runner;
        this.rounds = rounds;
    }

    @Operation(operationId = "startCircleRound",
               summary = "Start a circle formation round over every member waiting for a circle (admin)",
               description = "Runs in the background: forms circles of 4 to 8 with the best total fit, assigns "
                             + "facilitators, opens each circle and invites its members. Read how it went from "
                             + "the Location.")
    @ApiResponse(responseCode = "202", description = "Started: the round's id.")
    @PostMapping("/api/v1/admin/circle-rounds")
    ResponseEntity<Map<String, String>> start(Authentication auth) {
        String correlationId = MDC.get(MessageMetadata.CORRELATION_ID);
        String roundId = runner.start(MemberId.of(auth.getName()),
                correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return ResponseEntity.accepted().location(URI.create("/api/v1/admin/circle-rounds/" + roundId))
                .body(Map.of("roundId", roundId));
    }

    @Operation(operationId = "getCircleRound", summary = "A circle formation round and its outcome (admin)",
               description = "Status; each circle formed with its members, facilitator, fit and reasons (and why "
                             + "it was not opened, if it was not); each member left waiting with the reason; the "
                             + "total fit against the engine's upper bound; the duration.")
    @ApiResponse(responseCode = "200", description = "The round.")
    @ApiResponse(responseCode = "404", description = "No such round.")
    @GetMapping("/api/v1/admin/circle-rounds/{id}")
    CircleRoundView round(@PathVariable UUID id) {
        return rounds.round(id.toString()).orElseThrow(() -> new NotFoundException("no such circle round"));
    }
}
