package org.lexnet.query.member;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.circle.CirclePeers;
import org.lexnet.query.connection.NetworkReader;
import org.lexnet.query.member.MemberViews.MemberProfileView;
import org.lexnet.query.member.MemberViews.OwnProfile;
import org.lexnet.query.mentorship.ActivePairings;
import org.lexnet.query.recognition.EndorsementReader;
import org.lexnet.query.web.Viewer;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * Member profiles as read models: one's own in full, others' filtered by {@link ProfileDisclosure}
 * according to the viewer's relationship with the member (a running pairing widens it).
 */
@RestController
@RequestMapping("/api/v1/members")
class MemberQueryController {

    private final MemberDirectory directory;
    private final OwnProfiles ownProfiles;
    private final ActivePairings activePairings;
    private final NetworkReader network;
    private final CirclePeers circles;
    private final EndorsementReader endorsements;

    MemberQueryController(MemberDirectory directory, OwnProfiles ownProfiles, ActivePairings activePairings,
                          NetworkReader network, CirclePeers circles, EndorsementReader endorsements) {
        this.circles = circles;
        this.endorsements = endorsements;
        this.directory = directory;
        this.ownProfiles = ownProfiles;
        this.activePairings = activePairings;
        this.network = network;
    }

    @Operation(operationId = "getMyProfile", summary = "Your own profile, in full",
               description = "With the version as ETag. Right after registering, the profile may take a moment to "
                             + "appear (404 until then).")
    @ApiResponse(responseCode = "200", description = "The profile, with its version as ETag.")
    @ApiResponse(responseCode = "404",
                 description = "The profile is not in the directory yet; try again in a moment.")
    @GetMapping("/me")
    ResponseEntity<OwnProfile> me(Authentication auth) {
        OwnProfile me = ownProfiles.of(Viewer.of(auth).memberId())
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND,
                        "your profile is not in the directory yet; try again in a moment"));
        return ResponseEntity.ok().eTag("\"" + me.version() + "\"").body(me);
    }

    @Operation(operationId = "getMember", summary = "Another member's profile",
               description = "Filtered by the member's consent and by the relationship (connected, or in a running "
                             + "pairing); with the endorsements they accepted for an audience you belong to.")
    @GetMapping("/{id}")
    MemberProfileView member(Authentication auth, @PathVariable UUID id) {
        Viewer viewer = Viewer.of(auth);
        MemberId memberId = new MemberId(id);
        if (viewer.is(memberId)) {
            // one's own profile through the public path shows what others see; /me shows everything
            return directory.find(memberId)
                    .flatMap(row -> ProfileDisclosure.as(new Viewer(memberId, true), Relationship.NONE, row))
                    .map(view -> view.withEndorsements(endorsements.shownOnProfile(memberId,
                            Relationship.NONE.audience(), memberId)))
                    .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such member"));
        }
        Relationship relationship = network.blockedEitherWay(viewer.memberId(), memberId) ? Relationship.BLOCKED
                : activePairings.between(viewer.memberId(), memberId) ? Relationship.ACTIVE_PAIRING
                : circles.shareCircle(viewer.memberId(), memberId) ? Relationship.CIRCLE_PEER
                : network.connected(viewer.memberId(), memberId) ? Relationship.CONNECTED
                : Relationship.NONE;
        return directory.find(memberId).flatMap(row -> ProfileDisclosure.as(viewer, relationship, row))
                .map(view -> view.withEndorsements(endorsements.shownOnProfile(memberId, relationship.audience(),
                        viewer.memberId())))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such member"));
    }
}
