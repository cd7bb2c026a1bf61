package org.lexnet.app.keys;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that wraps every member's data key (and derives the other secrets that must be the same on
 * every node, such as the key of the sign-in counters' hashes). 256 bits, given as base64
 * ({@code LEXNET_MASTER_KEY}) or generated under the data directory for the embedded database
 * ({@link MasterKeyConfiguration}).
 */
public final class MasterKey {

    static final int BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    static MasterKey of(byte[] bytes) {
        return new MasterKey(bytes);
    }

    static MasterKey generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new MasterKey(bytes);
    }

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

    /**
     * Encrypts a secret (another key) under the master key with AES-GCM, bound to what it belongs to
     * ({@code boundTo}, e.g. a member's id): a sealed value copied to another row does not open.
     * The result is the 12-byte nonce followed by the ciphertext and its tag.
     */
    public byte[] seal(byte[] secret, String boundTo) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(secret);
            return ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal a key under the master key", e);
        }
    }

    /** The secret {@link #seal} sealed for the same {@code boundTo}; fails if it was sealed under another key. */
    public byte[] open(byte[] sealed, String boundTo) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            cipher.updateAAD(boundTo.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed key does not open with this master key", e);
        }
    }

    /** The key's bytes, to store it where no configuration gives it (see {@link MasterKeyConfiguration}). */
    byte[] bytes() {
        return key.getEncoded();
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
