package org.lexnet.app.privacy;

import org.lexnet.app.keys.MemberKeys;
import org.lexnet.app.keys.MemberKeys.MemberKey;
import org.springframework.stereotype.Component;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Seals personal values with members' data keys (AES-256-GCM, a fresh IV per value, the member's id as
 * associated data) into a token that names the key it needs: {@code pd1:<member id>:<base64url(iv ‖
 * ciphertext ‖ tag)>}. A value protected by several members is sealed once per member, each around the
 * last, and opens only while every one of them keeps their key. A value for a member already erased
 * is stored as an empty token: it was never readable.
 */
@Component
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final MemberKeys keys;
    private final SecureRandom random = new SecureRandom();

    PersonalDataCipher(MemberKeys keys) {
        this.keys = keys;
    }

    /** True for a stored token (as opposed to plaintext written before personal data was encrypted). */
    public static boolean isSealed(String text) {
        return text != null && text.startsWith(PREFIX);
    }

    /** @param owners the members whose keys protect the value, innermost first */
    public String seal(byte[] plaintext, List<UUID> owners) {
        byte[] value = plaintext;
        String token = null;
        for (UUID owner : owners) {
            token = sealOnce(value, owner);
            value = token.getBytes(StandardCharsets.US_ASCII);
        }
        if (token == null) {
            throw new IllegalArgumentException("personal data needs at least one member's key");
        }
        return token;
    }

    /** The plaintext, or empty when a key it needs was destroyed (the member was erased). */
    public Optional<byte[]> open(String token) {
        String current = token;
        while (true) {
            Optional<byte[]> opened = openOnce(current);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            String inner = new String(opened.get(), StandardCharsets.UTF_8);
            if (!isSealed(inner)) {
                return opened;
            }
            current = inner;
        }
    }

    private String sealOnce(byte[] plaintext, UUID owner) {
        MemberKey key = keys.forWriting(owner);
        if (!(key instanceof MemberKey.Present present)) {
            return PREFIX + owner + ":";
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, present.key(), iv, owner);
            byte[] sealed = cipher.doFinal(plaintext);
            byte[] body = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return PREFIX + owner + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not seal personal data", e);
        }
    }

    private Optional<byte[]> openOnce(String token) {
        int colon = token.indexOf(':', PREFIX.length());
        if (!isSealed(token) || colon < 0) {
            throw new IllegalArgumentException("not a personal-data token");
        }
        UUID owner = UUID.fromString(token.substring(PREFIX.length(), colon));
        String body = token.substring(colon + 1);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        Optional<MemberKey> key = keys.forReading(owner);
        if (key.isEmpty() || !(key.get() instanceof MemberKey.Present present)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(body);
            byte[] iv = new byte[IV_BYTES];
            System.arraycopy(bytes, 0, iv, 0, IV_BYTES);
            return Optional.of(cipher(Cipher.DECRYPT_MODE, present.key(), iv, owner)
                    .doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("personal data does not open with its member's key", e);
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] iv, UUID owner) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }
}
