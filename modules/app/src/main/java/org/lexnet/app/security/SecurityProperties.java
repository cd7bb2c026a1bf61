package org.lexnet.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the built-in token issuer and of sign-in protection ({@code lexnet.security.*}).
 *
 * @param jwt   the built-in issuer; unused when an external OIDC issuer is configured
 * @param login limits on failed sign-ins, per account and per client address, within a sliding window
 */
@ConfigurationProperties("lexnet.security")
public record SecurityProperties(@DefaultValue Jwt jwt, @DefaultValue Login login) {

    /**
     * @param issuer     the {@code iss} of tokens this app issues and accepts
     * @param ttl        how long a token is valid
     * @param privateKey an RSA private key (PKCS#8 PEM); when empty one is generated on first start and
     *                   kept under the data directory, so tokens survive restarts
     */
    public record Jwt(@DefaultValue("lexnet") String issuer, @DefaultValue("PT30M") Duration ttl,
                      @DefaultValue("") String privateKey) {
    }

    public record Login(@DefaultValue("5") int maxFailuresPerAccount, @DefaultValue("20") int maxFailuresPerAddress,
                        @DefaultValue("PT15M") Duration window) {
    }
}
