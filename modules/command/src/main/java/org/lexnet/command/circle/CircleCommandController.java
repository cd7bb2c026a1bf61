package org.lexnet.command.circle;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.IdGenerator;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.circle.CircleCommands.CloseCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.CreateCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.DeclineCircleInvitationCommand;
import org.lexnet.coreapi.circle.CircleCommands.InviteToCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.JoinCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.LeaveCircleCommand;
import org.lexnet.coreapi.circle.CircleCommands.LogCircleSessionCommand;
import org.lexnet.coreapi.circle.CircleCommands.SetCirclePreferencesCommand;
import org.lexnet.coreapi.circle.CircleCommands.ShareCircleGoalCommand;
import org.lexnet.coreapi.circle.CircleCommands.StartCircleCommand;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.circle.CirclePreferences;
import org.lexnet.coreapi.circle.MeetingSlot;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every step of a circle's life over HTTP, and a member's circle preferences. Each answers once its
 * events are stored; who may take which step is the circle's decision (a stranger to a private circle
 * gets 404, a member taking the facilitator's step 403, a step the state does not allow 409).
 */
@RestController
class CircleCommandController {

    private final CommandGateway commands;
    private final IdGenerator ids;

    CircleCommandController(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Operation(operationId = "openCircle", summary = "Open a circle (a facilitator, or an admin)",
               description = "The caller facilitates (EXPERIENCED or SENIOR, agreed in their circle preferences, at or "
                             + "above the band); an admin may name another facilitator. 4 to 8 seats; one stage or two "
                             + "adjacent ones; remote or a region. Open circles are listed to the members who may "
                             + "join them; the others are by invitation only.")
    @ApiResponse(responseCode = "201", description = "Opened: the new circle's id.")
    @ApiResponse(responseCode = "409", description = "The facilitator may not lead this circle.")
    @PostMapping("/api/v1/circles")
    ResponseEntity<Map<String, String>> open(Authentication auth, @Valid @RequestBody OpenCircleRequest body) {
        CircleId id = CircleId.random();
        commands.sendAndWait(new CreateCircleCommand(id, CurrentMember.of(auth), admin(auth),
                body.facilitatorId() == null ? null : new MemberId(body.facilitatorId()), body.focus(), body.areas(),
                body.stages(), Boolean.TRUE.equals(body.remote()), body.region(), body.slot(), body.seats(),
                !Boolean.FALSE.equals(body.open()), null));
        return ResponseEntity.created(URI.create("/api/v1/circles/" + id)).body(Map.of("circleId", id.toString()));
    }

    @Operation(operationId = "inviteToCircle", summary = "Invite a member (the facilitator, or an admin)",
               description = "The member's stage must be in the circle's band; they accept by joining.")
    @ApiResponse(responseCode = "200", description = "Invited.")
    @PostMapping("/api/v1/circles/{id}/invitations")
    Map<String, String> invite(Authentication auth, @PathVariable UUID id,
                               @Valid @RequestBody CircleInvitationRequest body) {
        return done(id, new InviteToCircleCommand(new CircleId(id), CurrentMember.of(auth), admin(auth),
                new MemberId(body.memberId()), null));
    }

    @Operation(operationId = "joinCircle", summary = "Join a circle, accepting its ground rules",
               description = "By invitation, or on request for an open circle. Your stage is in its band, a seat "
                             + "is free, and you sit in fewer than 2 circles that are not closed.")
    @ApiResponse(responseCode = "200", description = "Joined.")
    @ApiResponse(responseCode = "409", description = "Full, closed, outside your stage, or you sit in 2 circles.")
    @PostMapping("/api/v1/circles/{id}/join")
    Map<String, String> join(Authentication auth, @PathVariable UUID id, @Valid @RequestBody JoinCircleRequest body) {
        return done(id, new JoinCircleCommand(new CircleId(id), CurrentMember.of(auth),
                Boolean.TRUE.equals(body.acceptGroundRules())));
    }

    @Operation(operationId = "declineCircleInvitation", summary = "Decline an invitation to a circle")
    @ApiResponse(responseCode = "200", description = "Declined.")
    @PostMapping("/api/v1/circles/{id}/decline")
    Map<String, String> decline(Authentication auth, @PathVariable UUID id) {
        return done(id, new DeclineCircleInvitationCommand(new CircleId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "leaveCircle", summary = "Give up one's seat in a circle")
    @ApiResponse(responseCode = "200", description = "Left.")
    @PostMapping("/api/v1/circles/{id}/leave")
    Map<String, String> leave(Authentication auth, @PathVariable UUID id) {
        return done(id, new LeaveCircleCommand(new CircleId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "startCircle", summary = "Start a circle (the facilitator, or an admin)",
               description = "Once at least 4 members have joined.")
    @ApiResponse(responseCode = "200", description = "Started: the circle is ACTIVE.")
    @PostMapping("/api/v1/circles/{id}/start")
    Map<String, String> start(Authentication auth, @PathVariable UUID id) {
        return done(id, new StartCircleCommand(new CircleId(id), CurrentMember.of(auth), admin(auth)));
    }

    @Operation(operationId = "closeCircle", summary = "Close a circle for good (the facilitator, or an admin)")
    @ApiResponse(responseCode = "200", description = "Closed.")
    @PostMapping("/api/v1/circles/{id}/close")
    Map<String, String> close(Authentication auth, @PathVariable UUID id) {
        return done(id, new CloseCircleCommand(new CircleId(id), CurrentMember.of(auth), admin(auth)));
    }

    @Operation(operationId = "logCircleSession", summary = "Log a session with its attendance (the facilitator)",
               description = "While the circle is ACTIVE; attendees are its members (and the facilitator).")
    @ApiResponse(responseCode = "200", description = "Logged.")
    @PostMapping("/api/v1/circles/{id}/sessions")
    Map<String, String> logSession(Authentication auth, @PathVariable UUID id,
                                   @Valid @RequestBody CircleSessionRequest body) {
        return done(id, new LogCircleSessionCommand(new CircleId(id), CurrentMember.of(auth), ids.newId(),
                body.date(), body.minutes(), body.attendees() == null ? List.of()
                        : body.attendees().stream().map(MemberId::new).toList(), body.note()));
    }

    @Operation(operationId = "shareCircleGoal", summary = "Share a goal with the circle (its members)")
    @ApiResponse(responseCode = "200", description = "Shared.")
    @PostMapping("/api/v1/circles/{id}/goals")
    Map<String, String> shareGoal(Authentication auth, @PathVariable UUID id,
                                  @Valid @RequestBody CircleGoalRequest body) {
        return done(id, new ShareCircleGoalCommand(new CircleId(id), CurrentMember.of(auth), ids.newId(), body.text()));
    }

    @Operation(operationId = "setCirclePreferences", summary = "Say what circle you want",
               description = "1 to 3 competency codes to focus on, remote or a region, the slots you can meet in, "
                             + "and (EXPERIENCED and SENIOR members) how many circles you agree to facilitate.")
    @ApiResponse(responseCode = "200", description = "Saved.")
    @PutMapping("/api/v1/members/me/circle-preferences")
    Map<String, String> preferences(Authentication auth, @Valid @RequestBody CirclePreferencesRequest body) {
        MemberId me = CurrentMember.of(auth);
        commands.sendAndWait(new SetCirclePreferencesCommand(me, new CirclePreferences(body.focus(),
                Boolean.TRUE.equals(body.remote()), body.region(), body.slots(),
                body.facilitate() == null ? 0 : body.facilitate())));
        return Map.of("memberId", me.toString());
    }

    private Map<String, String> done(UUID id, Object command) {
        commands.sendAndWait(command);
        return Map.of("circleId", id.toString());
    }

    private static boolean admin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

    record OpenCircleRequest(@NotNull @Size(max = 10) List<@NotBlank String> focus,
                         @Size(max = 30) List<@NotBlank String> areas,
                         @NotNull @Size(max = 10) List<@NotBlank String> stages, Boolean remote,
                         @Size(max = 64) String region, MeetingSlot slot, @NotNull Integer seats, Boolean open,
                         UUID facilitatorId) {
    }

    record CircleInvitationRequest(@NotNull UUID memberId) {
    }

    record JoinCircleRequest(Boolean acceptGroundRules) {
    }

    record CircleSessionRequest(@NotNull LocalDate date, @NotNull Integer minutes,
                                @Size(max = 20) List<@NotNull UUID> attendees,
                                @Size(max = Circle.MAX_TEXT) String note) {
    }

    record CircleGoalRequest(@NotBlank @Size(max = Circle.MAX_TEXT) String text) {
    }

    record CirclePreferencesRequest(@NotNull @Size(max = 10) List<@NotBlank String> focus, Boolean remote,
                       @Size(max = 64) String region, @NotNull @Size(max = 3) List<@NotNull MeetingSlot> slots,
                       Integer facilitate) {
    }
}
