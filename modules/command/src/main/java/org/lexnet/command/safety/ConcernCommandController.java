package org.lexnet.command.safety;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.safety.ConcernAction;
import org.lexnet.coreapi.safety.ConcernCategory;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.ConcernSubjectType;
import org.lexnet.coreapi.safety.SafetyCommands.AssignConcernCommand;
import org.lexnet.coreapi.safety.SafetyCommands.NoteConcernCommand;
import org.lexnet.coreapi.safety.SafetyCommands.RaiseConcernCommand;
import org.lexnet.coreapi.safety.SafetyCommands.ReinstateMemberCommand;
import org.lexnet.coreapi.safety.SafetyCommands.ResolveConcernCommand;
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
 * Raising a concern (any member) and the admins' work on it: assign, note, resolve, and lifting a
 * suspension. Each answers once its events are stored.
 */
@RestController
class ConcernCommandController {

    private final CommandGateway commands;

    ConcernCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "raiseConcern", summary = "Raise a concern about a member, pairing, connection or "
                                                       + "feed entry",
               description = "The subject is never told who raised it; the reporter sees the concern's status at "
                             + "/api/v1/concerns/mine, never the action taken. subjectId is a member, pairing or "
                             + "connection id, or a feed entry's cursor. A few concerns per day at most.")
    @ApiResponse(responseCode = "201", description = "Raised: the concern's id.")
    @ApiResponse(responseCode = "404", description = "No such subject, or not one you may see.")
    @ApiResponse(responseCode = "429", description = "Too many concerns raised recently; nothing was stored.")
    @PostMapping("/api/v1/concerns")
    ResponseEntity<Map<String, String>> raise(Authentication auth, @Valid @RequestBody ConcernRequest body) {
        ConcernId id = ConcernId.random();
        commands.sendAndWait(new RaiseConcernCommand(id, CurrentMember.of(auth), body.subjectType(),
                body.subjectId(), body.category(), body.text()));
        return ResponseEntity.created(URI.create("/api/v1/concerns/" + id)).body(Map.of("concernId", id.toString()));
    }

    @Operation(operationId = "assignConcern", summary = "Take a concern (admin)",
               description = "The calling admin becomes the concern's assignee; it is IN_REVIEW from now on.")
    @ApiResponse(responseCode = "200", description = "Assigned: the concern is IN_REVIEW.")
    @ApiResponse(responseCode = "409", description = "The concern is resolved.")
    @PostMapping("/api/v1/admin/concerns/{id}/assign")
    Map<String, String> assign(Authentication auth, @PathVariable UUID id) {
        return done(id, new AssignConcernCommand(new ConcernId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "noteConcern", summary = "Add a note to a concern (admin)",
               description = "Kept in the concern's audit, sealed with the admin's key.")
    @ApiResponse(responseCode = "200", description = "Noted.")
    @PostMapping("/api/v1/admin/concerns/{id}/note")
    Map<String, String> note(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Note body) {
        return done(id, new NoteConcernCommand(new ConcernId(id), CurrentMember.of(auth), body.text()));
    }

    @Operation(operationId = "resolveConcern", summary = "Resolve a concern with an action (admin)",
               description = "SUSPENDED also suspends the member the concern is about: out of the matching pool, "
                             + "suggestions and the feed, open requests and proposals ended, tokens refused, until "
                             + "reinstated.")
    @ApiResponse(responseCode = "200", description = "Resolved.")
    @ApiResponse(responseCode = "409", description = "Already resolved, or nobody to suspend.")
    @PostMapping("/api/v1/admin/concerns/{id}/resolve")
    Map<String, String> resolve(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Resolution body) {
        return done(id, new ResolveConcernCommand(new ConcernId(id), CurrentMember.of(auth), body.action(),
                body.note()));
    }

    @Operation(operationId = "reinstateMember", summary = "Lift a member's suspension (admin)",
               description = "The member is back in the pool, suggestions and feed, and may sign in again. "
                             + "Requests and proposals that the suspension ended stay ended.")
    @ApiResponse(responseCode = "204", description = "Reinstated.")
    @ApiResponse(responseCode = "409", description = "The member is not suspended.")
    @PostMapping("/api/v1/admin/members/{id}/reinstate")
    ResponseEntity<Void> reinstate(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Reinstatement body) {
        commands.sendAndWait(new ReinstateMemberCommand(new MemberId(id), CurrentMember.of(auth), body.reason()));
        return ResponseEntity.noContent().build();
    }

    private Map<String, String> done(UUID id, Object command) {
        commands.sendAndWait(command);
        return Map.of("concernId", id.toString());
    }

    record ConcernRequest(@NotNull ConcernSubjectType subjectType, @NotBlank @Size(max = 64) String subjectId,
                          @NotNull ConcernCategory category,
                          @NotBlank @Size(max = SafetyPolicies.MAX_TEXT) String text) {
    }

    record Note(@NotBlank @Size(max = SafetyPolicies.MAX_TEXT) String text) {
    }

    record Resolution(@NotNull ConcernAction action, @Size(max = SafetyPolicies.MAX_TEXT) String note) {
    }

    record Reinstatement(@NotBlank @Size(max = SafetyPolicies.MAX_TEXT) String reason) {
    }
}
