package org.lexnet.app.keys;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * The key that wraps every member's data key (and derives the other secrets that must be the same on
 * every node, such as the key of the sign-in counters' hashes). 256 bits, given as base64
 * ({@code LEXNET_MASTER_KEY}) or generated under the data directory for the embedded database
 * ({@link MasterKeyConfiguration}).
 */
public final class MasterKey {

    static final int BYTES = 32;

    private final SecretKey key;

    private MasterKey(byte[] bytes) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("the master key must be " + BYTES + " bytes (256 bits), base64-encoded;"
                                               + " it has " + bytes.length);
        }
        this.key = new SecretKeySpec(bytes, "AES");
    }

    static MasterKey fromBase64(String base64) {
        try {
            return new MasterKey(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("the master key is not base64 (make one with: openssl rand -base64 32)",
                    notBase64);
        }
    }

    SecretKey wrappingKey() {
        return key;
    }

    /**
     * A secret of its own for one purpose, derived from the master key (HMAC-SHA256 of the purpose), so
     * that one key never serves two ends.
     */
    public SecretKey derive(String purpose) {
        return new SecretKeySpec(hmac(purpose), "HmacSHA256");
    }

    /** Identifies this key without revealing it: stored in the database to catch nodes that disagree. */
    byte[] checkValue() {
        return hmac("lexnet master key check");
    }

    private byte[] hmac(String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[hidden]";
    }
}
