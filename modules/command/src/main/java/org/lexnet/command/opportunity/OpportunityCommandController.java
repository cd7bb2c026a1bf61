package org.lexnet.command.opportunity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityCommands.HideOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.PostOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.RegisterInterestCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.SetOpportunityPreferencesCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.WithdrawInterestCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.WithdrawOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.coreapi.opportunity.OpportunityTags;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Posting, withdrawing and hiding opportunities, registering interest, and a member's notification
 * preferences for them, over HTTP. Each answers once its events are stored.
 */
@RestController
class OpportunityCommandController {

    private final CommandGateway commands;

    OpportunityCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "postOpportunity", summary = "Post an opportunity (any member, or an admin)",
               description = "Funding, training, an event, a role, a placement or a bursary: a title, a description, "
                             + "an http(s) link, taxonomy codes as tags (competencies, stages, sectors, areas as "
                             + "topics), remote or a region, an optional deadline in the future and optional seats.")
    @ApiResponse(responseCode = "201", description = "Posted: the new opportunity's id.")
    @PostMapping("/api/v1/opportunities")
    ResponseEntity<Map<String, String>> post(Authentication auth, @Valid @RequestBody PostOpportunityRequest body) {
        OpportunityId id = OpportunityId.random();
        commands.sendAndWait(new PostOpportunityCommand(id, CurrentMember.of(auth), admin(auth), body.kind(),
                body.title(), body.description(), body.link(),
                new OpportunityTags(body.competencies(), body.stages(), body.sectors(), body.areas()),
                Boolean.TRUE.equals(body.remote()), body.region(), body.deadline(), body.seats()));
        return ResponseEntity.created(URI.create("/api/v1/opportunities/" + id))
                .body(Map.of("opportunityId", id.toString()));
    }

    @Operation(operationId = "withdrawOpportunity", summary = "Withdraw an opportunity you posted")
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @PostMapping("/api/v1/opportunities/{id}/withdraw")
    Map<String, String> withdraw(Authentication auth, @PathVariable UUID id) {
        return done(id, new WithdrawOpportunityCommand(new OpportunityId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "hideOpportunity", summary = "Hide an opportunity, saying why (admin)",
               description = "It is no longer listed nor open to interest; the reason is kept for the audit.")
    @ApiResponse(responseCode = "200", description = "Hidden.")
    @PostMapping("/api/v1/admin/opportunities/{id}/hide")
    Map<String, String> hide(Authentication auth, @PathVariable UUID id, @Valid @RequestBody HideRequest body) {
        return done(id, new HideOpportunityCommand(new OpportunityId(id), CurrentMember.of(auth), body.reason()));
    }

    @Operation(operationId = "registerInterest", summary = "Register interest in an open opportunity",
               description = "Refused (409) once every seat is taken, after the deadline, or twice.")
    @ApiResponse(responseCode = "200", description = "Registered.")
    @ApiResponse(responseCode = "409", description = "No seat left, not open, or registered already.")
    @PostMapping("/api/v1/opportunities/{id}/interest")
    Map<String, String> register(Authentication auth, @PathVariable UUID id) {
        return done(id, new RegisterInterestCommand(new OpportunityId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "withdrawInterest", summary = "Withdraw your interest (frees your seat)")
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @DeleteMapping("/api/v1/opportunities/{id}/interest")
    Map<String, String> unregister(Authentication auth, @PathVariable UUID id) {
        return done(id, new WithdrawInterestCommand(new OpportunityId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "setOpportunityPreferences", summary = "Say which opportunities you want to hear about",
               description = "The kinds you opt out of, and at most how many notifications in any 7 days (0 to "
                             + OpportunityPreferences.MOST_PER_WEEK + "; " + OpportunityPreferences.DEFAULT_WEEKLY_CAP
                             + " until you say).")
    @ApiResponse(responseCode = "200", description = "Saved.")
    @PutMapping("/api/v1/members/me/opportunity-preferences")
    Map<String, Object> preferences(Authentication auth, @Valid @RequestBody PreferencesRequest body) {
        MemberId me = CurrentMember.of(auth);
        long version = commands.sendAndWait(new SetOpportunityPreferencesCommand(me, new OpportunityPreferences(
                body.optedOutKinds(), body.weeklyCap())));
        return Map.of("memberId", me.toString(), "version", version);
    }

    private Map<String, String> done(UUID id, Object command) {
        commands.sendAndWait(command);
        return Map.of("opportunityId", id.toString());
    }

    private static boolean admin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    record PostOpportunityRequest(@NotNull OpportunityKind kind,
                                  @NotBlank @Size(max = OpportunityPolicies.MAX_TITLE) String title,
                                  @NotBlank @Size(max = OpportunityPolicies.MAX_DESCRIPTION) String description,
                                  @NotBlank @Size(max = OpportunityPolicies.MAX_LINK) String link,
                                  @Size(max = OpportunityPolicies.MAX_TAGS) List<@NotBlank String> competencies,
                                  @Size(max = OpportunityPolicies.MAX_TAGS) List<@NotBlank String> stages,
                                  @Size(max = OpportunityPolicies.MAX_TAGS) List<@NotBlank String> sectors,
                                  @Size(max = OpportunityPolicies.MAX_TAGS) List<@NotBlank String> areas,
                                  @Size(max = 64) String region, Boolean remote, Instant deadline, Integer seats) {
    }

    record HideRequest(@NotBlank @Size(max = OpportunityPolicies.MAX_REASON) String reason) {
    }

    record PreferencesRequest(@Size(max = 6) List<@NotNull OpportunityKind> optedOutKinds,
                              @NotNull Integer weeklyCap) {
    }
}
