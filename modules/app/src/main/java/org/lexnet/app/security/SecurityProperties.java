package org.lexnet.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the built-in token issuer and of sign-in protection ({@code lexnet.security.*}).
 *
 * @param jwt   the built-in issuer; unused when an external OIDC issuer is configured
 * @param login        limits on failed sign-ins within a sliding window (docs/security.md)
 * @param registration limits on registrations from one client address
 */
@ConfigurationProperties("lexnet.security")
public record SecurityProperties(@DefaultValue Jwt jwt, @DefaultValue Login login,
                                 @DefaultValue Registration registration) {

    /**
     * @param issuer     the {@code iss} of tokens this app issues and accepts
     * @param ttl        how long a token is valid
     * @param privateKey an RSA private key (PKCS#8 PEM, {@code LEXNET_JWT_PRIVATE_KEY}); when empty the
     *                   keys are kept in the database, made by the first node and shared by all
     * @param rotateAfter age at which a database-kept key is replaced by a new one (the old one verifies
     *                    its tokens until they expire)
     * @param statementValidFor how long a signed contribution statement is valid; a retired database-kept key
     *                          stays published at {@code /.well-known/jwks.json} this long
     */
    public record Jwt(@DefaultValue("lexnet") String issuer, @DefaultValue("PT30M") Duration ttl,
                      @DefaultValue("") String privateKey, @DefaultValue("P30D") Duration rotateAfter,
                      @DefaultValue("P90D") Duration statementValidFor) {
    }

    /**
     * Sign-in protection that never locks the innocent out: an account is refused only to the address
     * that failed on it; beyond that, guessing is slowed down, not refused.
     *
     * @param maxFailuresPerAccountAndAddress failures on one account from one address before that address
     *                                        is refused for that account (429) for the rest of the window
     * @param accountSlowdownAfter            failures on one account, from anywhere, before each attempt
     *                                        on it waits a growing delay
     * @param addressSlowdownAfter            failures from one address, on any accounts, before its
     *                                        attempts wait a growing delay and are spaced out
     * @param window                          how long a failure counts
     * @param maxDelay                        the longest single delay
     * @param longestWait                     how long an address's spaced attempts may queue up; beyond
     *                                        it, attempts on accounts with failures of their own (or on
     *                                        unknown addresses) are refused with 429
     */
    public record Login(@DefaultValue("5") int maxFailuresPerAccountAndAddress,
                        @DefaultValue("10") int accountSlowdownAfter,
                        @DefaultValue("20") int addressSlowdownAfter,
                        @DefaultValue("PT15M") Duration window,
                        @DefaultValue("PT15S") Duration maxDelay,
                        @DefaultValue("PT45S") Duration longestWait) {
    }

    /**
     * @param maxPerAddress registrations (each costs a password hash) from one address within the window
     * @param window        the sliding window
     */
    public record Registration(@DefaultValue("20") int maxPerAddress, @DefaultValue("PT10M") Duration window) {
    }
}
