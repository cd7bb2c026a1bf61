package org.lexnet.command.safety;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.command.web.Versions;
import org.lexnet.command.web.Versions.VersionedResult;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.safety.Bandwidth;
import org.lexnet.coreapi.safety.SafetyCommands.SetBandwidthCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** A member says how much they are willing to receive: a softer tool than pausing. */
@RestController
class BandwidthController {

    private final CommandGateway commands;

    BandwidthController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "setBandwidth", summary = "Set how many new proposals and connection requests I take",
               description = "maxNewPerMonth: new proposals (as mentor) and connection requests together per calendar "
                             + "month (UTC), 0 to 100; quietUntil: nothing new before this date. Either or both; "
                             + "none clears it. Someone at their limit is skipped by the matcher and never named; "
                             + "a requester is told only that they are not taking anything new.")
    @ApiResponse(responseCode = "200", description = "Set; shown as bandwidth in my profile.")
    @PutMapping("/api/v1/members/me/bandwidth")
    ResponseEntity<VersionedResult> set(Authentication auth, @Valid @RequestBody BandwidthRequest body) {
        MemberId me = CurrentMember.of(auth);
        return Versions.ok(me.toString(), commands.sendAndWait(
                new SetBandwidthCommand(me, body.maxNewPerMonth(), body.quietUntil())));
    }

    record BandwidthRequest(@Min(0) @Max(Bandwidth.MOST_PER_MONTH) Integer maxNewPerMonth, LocalDate quietUntil) {
    }
}
