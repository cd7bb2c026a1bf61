package org.lexnet.app.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/**
 * The built-in issuer's keys: their public halves for anyone who verifies tokens
 * ({@code /.well-known/jwks.json}, RFC 7517), and, for admins, the list and a rotation. With an external
 * identity provider there are none here: it publishes its own.
 */
@RestController
class SigningKeyController {

    private static final String EXTERNAL = "tokens come from the configured external identity provider, which"
                                           + " publishes its own keys";

    private final ObjectProvider<SigningKeys> keys;

    SigningKeyController(ObjectProvider<SigningKeys> keys) {
        this.keys = keys;
    }

    /** Cached briefly: a verifier that meets an unknown {@code kid} fetches again. */
    @Operation(operationId = "getSigningKeys", summary = "The public keys tokens are signed with (JWKS)",
               description = "RFC 7517: every key whose tokens may still be valid, each with its kid. Cached for a "
                             + "minute; a verifier that meets an unknown kid fetches again.")
    @ApiResponse(responseCode = "200", description = "The JSON Web Key Set.")
    @ApiResponse(responseCode = "404", description = "Tokens come from the configured external identity provider, "
                                                     + "which publishes its own keys.")
    @GetMapping(value = "/.well-known/jwks.json", produces = {"application/jwk-set+json", "application/json"})
    ResponseEntity<?> jwks() {
        SigningKeys signing = keys.getIfAvailable();
        if (signing == null) {
            return notHere();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(signing.publicKeys().toJSONObject(true));
    }

    @Operation(operationId = "listSigningKeys", summary = "The token signing keys and their state (admin)",
               description = "Where the keys come from (database or configuration) and, per key: kid, when it was "
                             + "made and retired, until when it verifies, whether it signs. Never a private key.")
    @ApiResponse(responseCode = "200", description = "The keys.")
    @ApiResponse(responseCode = "404", description = "Tokens come from the configured external identity provider.")
    @GetMapping("/api/v1/admin/signing-keys")
    ResponseEntity<?> list() {
        SigningKeys signing = keys.getIfAvailable();
        if (signing == null) {
            return notHere();
        }
        return ResponseEntity.ok(new KeyList(signing.fromConfiguration() ? "configuration" : "database",
                signing.describe()));
    }

    /** A new active key; the old one verifies the tokens it signed until they have expired. */
    @Operation(operationId = "rotateSigningKey", summary = "Rotate the token signing key (admin)",
               description = "A new key signs from now on; the old one verifies the tokens it signed until they "
                             + "have expired, so nobody is signed out.")
    @ApiResponse(responseCode = "200", description = "The new active key.")
    @ApiResponse(responseCode = "404", description = "Tokens come from the configured external identity provider.")
    @ApiResponse(responseCode = "409", description = "The key comes from LEXNET_JWT_PRIVATE_KEY: rotate it by giving "
                                                     + "every node a new one.")
    @PostMapping("/api/v1/admin/signing-keys/rotate")
    ResponseEntity<?> rotate() {
        SigningKeys signing = keys.getIfAvailable();
        if (signing == null) {
            return notHere();
        }
        if (signing.fromConfiguration()) {
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(ProblemResponses.problem(HttpStatus.CONFLICT, new SigningKeys.KeysFromConfiguration()
                            .getMessage()));
        }
        return ResponseEntity.ok(signing.rotate());
    }

    private static ResponseEntity<?> notHere() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ProblemResponses.problem(HttpStatus.NOT_FOUND, EXTERNAL));
    }

    /** @param source where the keys come from: {@code database} (rotated here) or {@code configuration} */
    record KeyList(String source, List<SigningKeys.Description> keys) {
    }
}
