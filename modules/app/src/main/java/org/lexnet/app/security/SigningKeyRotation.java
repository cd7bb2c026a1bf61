package org.lexnet.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Rotates the database-kept signing key when it is older than {@code lexnet.security.jwt.rotate-after}.
 * Every node checks hourly; the check runs under the keys' lock, so one of them rotates.
 */
@Component
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final ObjectProvider<SigningKeys> keys;
    private final SecurityProperties properties;

    SigningKeyRotation(ObjectProvider<SigningKeys> keys, SecurityProperties properties) {
        this.keys = keys;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    void rotateOldKey() {
        SigningKeys signing = keys.getIfAvailable();
        if (signing == null || signing.fromConfiguration()) {
            return;
        }
        try {
            signing.rotateIfOlderThan(properties.jwt().rotateAfter());
        } catch (RuntimeException e) {
            log.warn("Could not check the token signing key's age; will try again in an hour: {}", e.toString());
        }
    }
}
