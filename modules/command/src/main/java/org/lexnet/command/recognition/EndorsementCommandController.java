package org.lexnet.command.recognition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.recognition.EndorsementCommands.AcceptEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.DeclineEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.GiveEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.HideEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.ShowEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementCommands.WithdrawEndorsementCommand;
import org.lexnet.coreapi.recognition.EndorsementId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * Endorsements over HTTP: giving one, and the endorsee's answers (accept with an audience, decline,
 * hide, show) and the endorser's withdrawal. Each answers once its event is stored. Someone who is not
 * one of the two gets 404; one of the two taking the other's step 403; a step the state does not allow 409.
 */
@RestController
class EndorsementCommandController {

    private final CommandGateway commands;

    EndorsementCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "endorseMember", summary = "Endorse a member for a competency",
               description = "Only where you know each other's work through lexnet: an accepted connection, a "
                             + "pairing that was active, or a circle you share. Shown on their profile only once "
                             + "they accept it, and only to the audience they choose. The text is yours, sealed: "
                             + "it is erased with either of you.")
    @ApiResponse(responseCode = "201", description = "Given: the endorsement's id; it waits for the member's answer.")
    @ApiResponse(responseCode = "400", description = "Unknown competency, empty or too long text, or yourself.")
    @ApiResponse(responseCode = "403", description = "No connection, active pairing or shared circle between you.")
    @ApiResponse(responseCode = "404", description = "No such member, or not one you may endorse.")
    @ApiResponse(responseCode = "409", description = "You already endorsed them for this competency, or blocked them.")
    @PostMapping("/api/v1/members/{id}/endorsements")
    ResponseEntity<Map<String, String>> endorse(Authentication auth, @PathVariable UUID id,
                                                @Valid @RequestBody EndorsementRequest body) {
        EndorsementId endorsementId = EndorsementId.random();
        commands.sendAndWait(new GiveEndorsementCommand(endorsementId, CurrentMember.of(auth), new MemberId(id),
                body.competency(), body.text()));
        return ResponseEntity.created(URI.create("/api/v1/endorsements/" + endorsementId))
                .body(Map.of("endorsementId", endorsementId.toString()));
    }

    @Operation(operationId = "acceptEndorsement", summary = "Accept an endorsement you received",
               description = "It appears on your profile for the audience you choose: PRIVATE (nobody), MENTORS "
                             + "(the other side of an active pairing), CIRCLE (and your circles' members) or NETWORK "
                             + "(and every signed-in member who may see your profile). Without a body: CIRCLE.")
    @ApiResponse(responseCode = "200", description = "Accepted.")
    @ApiResponse(responseCode = "409", description = "Not waiting for an answer.")
    @PostMapping("/api/v1/endorsements/{id}/accept")
    Map<String, String> accept(Authentication auth, @PathVariable UUID id,
                               @Valid @RequestBody(required = false) Audience body) {
        return done(id, new AcceptEndorsementCommand(new EndorsementId(id), CurrentMember.of(auth),
                body == null ? null : body.audience()));
    }

    @Operation(operationId = "declineEndorsement", summary = "Decline an endorsement you received",
               description = "It is never shown; the endorser may endorse you for this competency again.")
    @ApiResponse(responseCode = "200", description = "Declined.")
    @ApiResponse(responseCode = "409", description = "Not waiting for an answer.")
    @PostMapping("/api/v1/endorsements/{id}/decline")
    Map<String, String> decline(Authentication auth, @PathVariable UUID id) {
        return done(id, new DeclineEndorsementCommand(new EndorsementId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "withdrawEndorsement", summary = "Withdraw an endorsement you gave",
               description = "Only while the member has not answered it.")
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @ApiResponse(responseCode = "409", description = "Already answered.")
    @PostMapping("/api/v1/endorsements/{id}/withdraw")
    Map<String, String> withdraw(Authentication auth, @PathVariable UUID id) {
        return done(id, new WithdrawEndorsementCommand(new EndorsementId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "hideEndorsement", summary = "Take an accepted endorsement off your profile",
               description = "It still counts in your contribution record; show it again with /show.")
    @ApiResponse(responseCode = "200", description = "Hidden.")
    @ApiResponse(responseCode = "409", description = "Not shown now.")
    @PostMapping("/api/v1/endorsements/{id}/hide")
    Map<String, String> hide(Authentication auth, @PathVariable UUID id) {
        return done(id, new HideEndorsementCommand(new EndorsementId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "showEndorsement", summary = "Show an accepted endorsement to an audience",
               description = "Changes who sees it, or shows a hidden one again.")
    @ApiResponse(responseCode = "200", description = "Shown.")
    @ApiResponse(responseCode = "409", description = "Not accepted.")
    @PostMapping("/api/v1/endorsements/{id}/show")
    Map<String, String> show(Authentication auth, @PathVariable UUID id, @Valid @RequestBody ChosenAudience body) {
        return done(id, new ShowEndorsementCommand(new EndorsementId(id), CurrentMember.of(auth), body.audience()));
    }

    private Map<String, String> done(UUID id, Object command) {
        commands.sendAndWait(command);
        return Map.of("endorsementId", id.toString());
    }

    record EndorsementRequest(@NotBlank @Size(max = 64) String competency,
                              @NotBlank @Size(max = EndorsementPolicies.MAX_TEXT) String text) {
    }

    record Audience(Visibility audience) {
    }

    record ChosenAudience(@NotNull Visibility audience) {
    }
}
