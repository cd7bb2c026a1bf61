package org.lexnet.app.recognition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.lexnet.app.security.ProblemResponses;
import org.lexnet.app.security.SecurityProperties;
import org.lexnet.app.security.SigningKeys;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.member.MemberViews.OwnProfile;
import org.lexnet.query.member.OwnProfiles;
import org.lexnet.query.recognition.ContributionReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

/**
 * The member's contribution record as a signed statement, for a funder or an employer. Here in the
 * assembly because only it holds the signing keys; the record itself is the query side's.
 */
@RestController
class ContributionStatementController {

    private final ContributionReader contributions;
    private final OwnProfiles profiles;
    private final ObjectProvider<SigningKeys> keys;
    private final SecurityProperties properties;
    private final Clock clock;

    ContributionStatementController(ContributionReader contributions, OwnProfiles profiles,
                                    ObjectProvider<SigningKeys> keys, SecurityProperties properties, Clock clock) {
        this.contributions = contributions;
        this.profiles = profiles;
        this.keys = keys;
        this.properties = properties;
        this.clock = clock;
    }

    @Operation(operationId = "getMyContributionStatement", summary = "Your contribution record, signed",
               description = "A compact JWS (RS256) of the same figures as /contributions: iss, sub (your member id), "
                             + "iat, nbf, exp, jti, the figures under 'contributions', and your display name under "
                             + "'name' only with includeName=true. Verify it with the key named by its kid at "
                             + "/.well-known/jwks.json, and require its typ header, lexnet-contribution-statement+jwt "
                             + "(docs/recognition.md). It is not a sign-in token and is refused as one.")
    @ApiResponse(responseCode = "200", description = "The statement, with its typ, kid and validity.")
    @ApiResponse(responseCode = "404", description = "Tokens come from an external identity provider: this service "
                                                     + "holds no signing key.")
    @GetMapping("/api/v1/members/me/contributions/statement")
    ResponseEntity<?> statement(Authentication auth,
                                @Parameter(description = "Put your display name in the statement.")
                                @RequestParam(defaultValue = "false") boolean includeName) {
        SigningKeys signing = keys.getIfAvailable();
        if (signing == null) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemResponses.problem(HttpStatus.NOT_FOUND,
                    "tokens come from the configured external identity provider; this service holds no key to sign "
                    + "statements with"));
        }
        MemberId member = MemberId.of(auth.getName());
        String name = includeName ? profiles.of(member).map(OwnProfile::displayName).orElse(null) : null;
        ContributionStatements statements = new ContributionStatements(signing, properties.jwt(), clock);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(statements.sign(contributions.of(member), name));
    }
}
