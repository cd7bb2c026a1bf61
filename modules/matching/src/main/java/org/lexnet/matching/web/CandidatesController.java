package org.lexnet.matching.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.matching.MatchingSettings;
import org.lexnet.matching.model.Candidate;
import org.lexnet.matching.model.Explanations;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.Score;
import org.lexnet.matching.pool.MatchingPool;
import org.lexnet.matching.pool.WarmCandidates;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The best candidate mentors for one open request, each with its score broken down by criterion and a
 * reason for every part — for the mentee (who may see a mentor's areas only where the mentor shares
 * them with the network, and a hidden mentor only anonymously) and for admins.
 */
@RestController
class CandidatesController {

    static final String PRIVATE_MENTOR = "a mentor who keeps their profile private";
    /** The breakdown adds up to the score: every allowed pairing starts from the base point. */
    private static final PartView BASE = new PartView("BASE", Score.BASE,
            "every mentor who passes the hard filters starts from " + Score.BASE + " point");

    private final MatchingPool pool;
    private final WarmCandidates candidates;
    private final MatchingSettings settings;

    CandidatesController(MatchingPool pool, WarmCandidates candidates, MatchingSettings settings) {
        this.pool = pool;
        this.candidates = candidates;
        this.settings = settings;
    }

    @Operation(operationId = "listCandidates", summary = "The best candidate mentors for a waiting request",
               description = "For the mentee and admins: each with the score broken down by criterion and a reason "
                             + "for every part; a hidden mentor is anonymous to the mentee.")
    @ApiResponse(responseCode = "200", description = "The candidates, best first.")
    @ApiResponse(responseCode = "409", description = "Only a request still waiting for a mentor has candidates.")
    @GetMapping("/api/v1/mentorships/{id}/candidates")
    CandidatesView candidates(Authentication auth, @PathVariable UUID id) {
        MentorshipId mentorshipId = new MentorshipId(id);
        boolean admin = auth.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
        MemberId viewer = MemberId.of(auth.getName());
        // the open request says whose it is; only a request that is not open needs the second look
        Optional<MenteeRequest> open = pool.openRequest(mentorshipId);
        MemberId mentee = open.map(r -> MemberId.of(r.menteeId())).or(() -> pool.menteeOf(mentorshipId))
                .filter(m -> admin || m.equals(viewer))
                .orElseThrow(() -> new ResponseStatusException(NOT_FOUND, "no such mentorship"));
        MenteeRequest request = open.orElseThrow(() -> new ResponseStatusException(CONFLICT,
                "only a request still waiting for a mentor has candidates"));
        List<Candidate> top = candidates.topK(request, settings.candidatesShown());
        Map<String, String> named = pool.namesOf(top.stream().map(c -> c.mentor().mentorId()).toList(), admin);
        Explanations.Audience audience = admin && !mentee.equals(viewer)
                ? Explanations.Audience.RECORD : Explanations.Audience.MENTEE;
        return new CandidatesView(mentorshipId.toString(), top.stream().map(c -> {
            String mentorId = c.mentor().mentorId();
            boolean nameable = named.containsKey(mentorId);
            List<PartView> parts = new java.util.ArrayList<>();
            parts.add(BASE);
            Explanations.reasons(c.score(), audience)
                    .forEach(r -> parts.add(new PartView(r.criterion().name(), r.points(), r.text())));
            return new CandidateView(nameable ? mentorId : null, nameable ? named.get(mentorId) : PRIVATE_MENTOR,
                    c.score().total(), parts);
        }).toList());
    }

    record CandidatesView(String mentorshipId, List<CandidateView> candidates) {
    }

    /** {@code mentorId} is null for a mentor hidden from the network (unless an admin is asking). */
    record CandidateView(String mentorId, String displayName, int score, List<PartView> breakdown) {
    }

    record PartView(String criterion, int points, String reason) {
    }
}
