package org.lexnet.query.recognition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.query.recognition.EndorsementViews.MyEndorsements;
import org.lexnet.query.web.Viewer;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The member's own side of recognition: the endorsements they received and gave, and their contribution
 * record. The signed statement of the same record is the app's ({@code /contributions/statement}): only
 * the assembly holds the signing keys.
 */
@RestController
class RecognitionQueryController {

    private final EndorsementReader endorsements;
    private final ContributionReader contributions;

    RecognitionQueryController(EndorsementReader endorsements, ContributionReader contributions) {
        this.endorsements = endorsements;
        this.contributions = contributions;
    }

    @Operation(operationId = "getMyEndorsements", summary = "Endorsements you received and gave",
               description = "Every status, oldest first: PENDING ones wait for the endorsee's answer; the audience "
                             + "is the one the endorsee chose once they accepted.")
    @ApiResponse(responseCode = "200", description = "Received and given.")
    @GetMapping("/api/v1/members/me/endorsements")
    MyEndorsements mine(Authentication auth) {
        return endorsements.of(Viewer.of(auth).memberId());
    }

    @Operation(operationId = "getMyContributions", summary = "Your contribution record",
               description = "Summed from the events: mentoring given and received (minutes and hours of the sessions "
                             + "logged in your pairings), circles you facilitated that started, endorsements accepted, "
                             + "opportunities you shared. /contributions/statement gives the same signed.")
    @ApiResponse(responseCode = "200", description = "The record.")
    @GetMapping("/api/v1/members/me/contributions")
    ContributionRecord contributions(Authentication auth) {
        return contributions.of(Viewer.of(auth).memberId());
    }
}
