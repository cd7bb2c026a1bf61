package org.lexnet.command.member;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.command.web.CurrentMember;
import org.lexnet.command.web.Versions;
import org.lexnet.command.web.Versions.VersionedResult;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberCommands.PauseParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.RecordLivedExperienceCommand;
import org.lexnet.coreapi.member.MemberCommands.ResumeParticipationCommand;
import org.lexnet.coreapi.member.MemberCommands.SetMentorOfferCommand;
import org.lexnet.coreapi.member.MemberCommands.UpdateMemberProfileCommand;
import org.lexnet.coreapi.member.MemberCommands.WithdrawMentorOfferCommand;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The signed-in member's own changes. Each answers once the event is stored, with the new version as
 * the ETag; reads go through the query side and may lag by a moment.
 */
@RestController
@RequestMapping("/api/v1/members/me")
class MemberCommandController {

    private static final int MAX_LIST = 30;

    private final CommandGateway commands;

    MemberCommandController(CommandGateway commands) {
        this.commands = commands;
    }

    @Operation(operationId = "updateProfile", summary = "Describe yourself",
               description = "Codes from GET /api/v1/taxonomy. visibleInNetwork is off until the member turns it "
                             + "on. Answers with the new version as ETag; send it back as If-Match to be told (409) "
                             + "of a change made elsewhere.")
    @PutMapping("/profile")
    ResponseEntity<VersionedResult> updateProfile(Authentication auth, @Valid @RequestBody ProfileRequest body,
                                                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MemberId me = CurrentMember.of(auth);
        MemberProfile profile = new MemberProfile(body.displayName().strip(), body.region(),
                Boolean.TRUE.equals(body.remote()), body.stage(), body.managementYears(), orEmpty(body.roles()),
                orEmpty(body.sectors()), orEmpty(body.needs()), orEmpty(body.strengths()),
                orEmpty(body.learningPreferences()), Boolean.TRUE.equals(body.visibleInNetwork()));
        return Versions.ok(me.toString(), commands.sendAndWait(
                new UpdateMemberProfileCommand(me, Versions.expected(ifMatch), profile)));
    }

    @Operation(operationId = "recordLivedExperience",
               summary = "Record your lived experience, each area with its audience",
               description = "Replaces the list. Each area's visibility: PRIVATE (nobody), MATCHING (the matcher "
                             + "only, never shown), MENTORS (also mentors in a running pairing), CIRCLE (also "
                             + "the members of your circles), NETWORK (every member). Every change is kept in the consent history.")
    @PutMapping("/lived-experience")
    ResponseEntity<VersionedResult> recordLivedExperience(Authentication auth,
                                                          @Valid @RequestBody LivedExperienceRequest body,
                                                          @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MemberId me = CurrentMember.of(auth);
        List<AreaConsent> areas = body.areas().stream().map(a -> new AreaConsent(a.code(), a.visibility())).toList();
        return Versions.ok(me.toString(), commands.sendAndWait(
                new RecordLivedExperienceCommand(me, Versions.expected(ifMatch), areas)));
    }

    @Operation(operationId = "pauseParticipation", summary = "Pause participation",
               description = "No new proposals or suggestions while paused; running pairings continue.")
    @PostMapping("/pause")
    ResponseEntity<VersionedResult> pause(Authentication auth) {
        MemberId me = CurrentMember.of(auth);
        return Versions.ok(me.toString(), commands.sendAndWait(new PauseParticipationCommand(me)));
    }

    @Operation(operationId = "resumeParticipation", summary = "Resume participation")
    @PostMapping("/resume")
    ResponseEntity<VersionedResult> resume(Authentication auth) {
        MemberId me = CurrentMember.of(auth);
        return Versions.ok(me.toString(), commands.sendAndWait(new ResumeParticipationCommand(me)));
    }

    @Operation(operationId = "setMentorOffer", summary = "Offer to mentor, or change the offer",
               description = "How many mentees at a time (1 to 10), at which stages, in which areas and strengths; "
                             + "open: whether new proposals may come.")
    @PutMapping("/mentor-offer")
    ResponseEntity<VersionedResult> setMentorOffer(Authentication auth, @Valid @RequestBody MentorOfferRequest body,
                                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        MemberId me = CurrentMember.of(auth);
        MentorOffer offer = new MentorOffer(body.capacity(), orEmpty(body.stages()), orEmpty(body.areas()),
                orEmpty(body.strengths()), body.open() == null || body.open());
        return Versions.ok(me.toString(), commands.sendAndWait(
                new SetMentorOfferCommand(me, Versions.expected(ifMatch), offer)));
    }

    @Operation(operationId = "withdrawMentorOffer", summary = "Withdraw the mentor offer",
               description = "No new proposals; running pairings continue.")
    @DeleteMapping("/mentor-offer")
    ResponseEntity<VersionedResult> withdrawMentorOffer(Authentication auth) {
        MemberId me = CurrentMember.of(auth);
        return Versions.ok(me.toString(), commands.sendAndWait(new WithdrawMentorOfferCommand(me)));
    }

    private static List<String> orEmpty(List<String> codes) {
        return codes == null ? List.of() : codes;
    }

    record ProfileRequest(@NotBlank @Size(max = MemberPolicies.MAX_DISPLAY_NAME) String displayName,
                          @Size(max = 64) String region,
                          Boolean remote,
                          @NotBlank @Size(max = 64) String stage,
                          @Size(max = 64) String managementYears,
                          @Size(max = MAX_LIST) List<@NotBlank String> roles,
                          @Size(max = MAX_LIST) List<@NotBlank String> sectors,
                          @Size(max = MAX_LIST) List<@NotBlank String> needs,
                          @Size(max = MAX_LIST) List<@NotBlank String> strengths,
                          @Size(max = MAX_LIST) List<@NotBlank String> learningPreferences,
                          Boolean visibleInNetwork) {
    }

    record LivedExperienceRequest(@NotNull @Size(max = 50) List<@Valid @NotNull AreaRequest> areas) {
    }

    record AreaRequest(@NotBlank @Size(max = 64) String code, @NotNull Visibility visibility) {
    }

    record MentorOfferRequest(@NotNull @Min(MentorOffer.MIN_CAPACITY) @Max(MentorOffer.MAX_CAPACITY) Integer capacity,
                              @Size(max = MAX_LIST) List<@NotBlank String> stages,
                              @Size(max = MAX_LIST) List<@NotBlank String> areas,
                              @Size(max = MAX_LIST) List<@NotBlank String> strengths,
                              Boolean open) {
    }
}
