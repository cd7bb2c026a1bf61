package org.lexnet.command.mentorship;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.IdGenerator;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipCommands.AcceptProposalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.CompleteMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.DeclineProposalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.EndMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.GiveFeedbackCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.LogSessionCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.PauseMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ProposeMentorCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.RequestMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ResumeMentorshipCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.SetGoalCommand;
import org.lexnet.coreapi.mentorship.MentorshipCommands.WithdrawRequestCommand;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.MentorshipPreferences;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.ProposalSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every step of a pairing's life over HTTP. Each answers once its events are stored; who may take
 * which step is the aggregate's decision (a stranger to the pairing gets 404, a participant taking
 * the other side's step 403, a step the state does not allow 409).
 */
@RestController
class MentorshipCommandController {

    private final CommandGateway commands;
    private final IdGenerator ids;

    MentorshipCommandController(CommandGateway commands, IdGenerator ids) {
        this.commands = commands;
        this.ids = ids;
    }

    @Operation(operationId = "requestMentor", summary = "Ask for a mentor",
               description = "Open (the matcher proposes the best mentor) or naming a mentor one may see. At most 3 "
                             + "open requests at a time.")
    @ApiResponse(responseCode = "201", description = "Requested: the new pairing's id.")
    @ApiResponse(responseCode = "404", description = "The named mentor is unknown, or not one you may name.")
    @PostMapping("/api/v1/mentorships")
    ResponseEntity<Map<String, String>> request(Authentication auth, @Valid @RequestBody MentorshipRequest body) {
        MentorshipId id = MentorshipId.random();
        Preferences p = body.preferences();
        MentorshipPreferences preferences = p == null ? MentorshipPreferences.none()
                : new MentorshipPreferences(p.sharedExperience() == null ? SharedExperience.PREFERRED
                        : p.sharedExperience(), Boolean.TRUE.equals(p.crossSector()), Boolean.TRUE.equals(p.remoteOnly()));
        commands.sendAndWait(new RequestMentorshipCommand(id, CurrentMember.of(auth),
                body.needs() == null ? List.of() : body.needs(), preferences,
                body.mentorId() == null ? null : new MemberId(body.mentorId())));
        return ResponseEntity.created(URI.create("/api/v1/mentorships/" + id)).body(Map.of("mentorshipId", id.toString()));
    }

    @Operation(operationId = "acceptProposal", summary = "Accept a proposal (the proposed mentor)",
               description = "Takes one of the mentor's slots; the pairing becomes ACTIVE.")
    @ApiResponse(responseCode = "200", description = "Accepted: the pairing is ACTIVE.")
    @ApiResponse(responseCode = "403", description = "Only the proposed mentor can answer a proposal.")
    @PostMapping("/api/v1/mentorships/{id}/accept")
    Map<String, String> accept(Authentication auth, @PathVariable UUID id) {
        return done(id, new AcceptProposalCommand(new MentorshipId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "declineProposal", summary = "Decline a proposal (the proposed mentor)",
               description = "The request waits for another mentor; the reason never reaches the mentee.")
    @ApiResponse(responseCode = "200", description = "Declined: the request waits for another mentor.")
    @ApiResponse(responseCode = "403", description = "Only the proposed mentor can answer a proposal.")
    @PostMapping("/api/v1/mentorships/{id}/decline")
    Map<String, String> decline(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return done(id, new DeclineProposalCommand(new MentorshipId(id), CurrentMember.of(auth), body.reason()));
    }

    @Operation(operationId = "withdrawRequest", summary = "Withdraw a request (the mentee)")
    @ApiResponse(responseCode = "200", description = "Withdrawn.")
    @ApiResponse(responseCode = "403", description = "Only the mentee can withdraw their request.")
    @PostMapping("/api/v1/mentorships/{id}/withdraw")
    Map<String, String> withdraw(Authentication auth, @PathVariable UUID id) {
        return done(id, new WithdrawRequestCommand(new MentorshipId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "setGoal", summary = "Set a goal of the pairing",
               description = "While the pairing is active.")
    @ApiResponse(responseCode = "200", description = "The goal is set.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/goals")
    Map<String, String> setGoal(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Goal body) {
        return done(id, new SetGoalCommand(new MentorshipId(id), CurrentMember.of(auth), ids.newId(), body.text()));
    }

    @Operation(operationId = "logSession", summary = "Log a session of the pairing",
               description = "While the pairing is active.")
    @ApiResponse(responseCode = "200", description = "Logged.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/sessions")
    Map<String, String> logSession(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Session body) {
        return done(id, new LogSessionCommand(new MentorshipId(id), CurrentMember.of(auth), ids.newId(),
                body.date(), body.minutes(), body.note()));
    }

    @Operation(operationId = "pauseMentorship", summary = "Pause the pairing",
               description = "Either side; the mentor keeps the slot.")
    @ApiResponse(responseCode = "200", description = "Paused.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/pause")
    Map<String, String> pause(Authentication auth, @PathVariable UUID id) {
        return done(id, new PauseMentorshipCommand(new MentorshipId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "resumeMentorship", summary = "Resume the pairing")
    @ApiResponse(responseCode = "200", description = "Resumed.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/resume")
    Map<String, String> resume(Authentication auth, @PathVariable UUID id) {
        return done(id, new ResumeMentorshipCommand(new MentorshipId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "completeMentorship", summary = "Complete the pairing",
               description = "Either side; frees the mentor's slot.")
    @ApiResponse(responseCode = "200", description = "Completed.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/complete")
    Map<String, String> complete(Authentication auth, @PathVariable UUID id) {
        return done(id, new CompleteMentorshipCommand(new MentorshipId(id), CurrentMember.of(auth)));
    }

    @Operation(operationId = "endMentorship", summary = "End the pairing early, with a reason",
               description = "Either side; frees the mentor's slot.")
    @ApiResponse(responseCode = "200", description = "Ended.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/end")
    Map<String, String> end(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Reason body) {
        return done(id, new EndMentorshipCommand(new MentorshipId(id), CurrentMember.of(auth), body.reason()));
    }

    @Operation(operationId = "giveFeedback", summary = "Give feedback on the pairing",
               description = "Once per side, after it was completed or ended.")
    @ApiResponse(responseCode = "200", description = "Recorded.")
    @ApiResponse(responseCode = "403", description = "Only the mentee and the mentor of the pairing can do this.")
    @PostMapping("/api/v1/mentorships/{id}/feedback")
    Map<String, String> feedback(Authentication auth, @PathVariable UUID id, @Valid @RequestBody Feedback body) {
        return done(id, new GiveFeedbackCommand(new MentorshipId(id), CurrentMember.of(auth), body.rating(),
                body.comment()));
    }

    /** The programme team proposes a mentor by hand (admin only, like everything under /admin). */
    @Operation(operationId = "proposeMentor", summary = "Propose a mentor for a waiting request (admin)",
               description = "The same rules as the matcher's: the mentor has an open offer and a free slot, and "
                             + "never declined this mentee.")
    @PostMapping("/api/v1/admin/mentorships/{id}/proposals")
    Map<String, String> propose(@PathVariable UUID id, @Valid @RequestBody Proposal body) {
        return done(id, new ProposeMentorCommand(new MentorshipId(id), new MemberId(body.mentorId()),
                ProposalSource.ADMIN, null, List.of()));
    }

    private Map<String, String> done(UUID id, Object command) {
        commands.sendAndWait(command);
        return Map.of("mentorshipId", id.toString());
    }

    record MentorshipRequest(@Size(max = 30) List<@NotBlank String> needs, @Valid Preferences preferences, UUID mentorId) {
    }

    record Preferences(SharedExperience sharedExperience, Boolean crossSector, Boolean remoteOnly) {
    }

    record Reason(@NotBlank @Size(max = Mentorship.MAX_TEXT) String reason) {
    }

    record Goal(@NotBlank @Size(max = Mentorship.MAX_TEXT) String text) {
    }

    record Session(@NotNull LocalDate date, @NotNull @Min(1) @Max(Mentorship.MAX_SESSION_MINUTES) Integer minutes,
                   @Size(max = Mentorship.MAX_TEXT) String note) {
    }

    record Feedback(@NotNull @Min(1) @Max(5) Integer rating, @Size(max = Mentorship.MAX_TEXT) String comment) {
    }

    record Proposal(@NotNull UUID mentorId) {
    }
}
