package org.lexnet.app.privacy;

import org.lexnet.app.keys.MemberKeys;
import org.lexnet.app.keys.MemberKeys.MemberKey;
import org.springframework.stereotype.Component;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals personal values with members' data keys (AES-256-GCM, a fresh IV per value, the member's id as
 * associated data) into a token that names the key it needs: {@code pd1:<member id>:<base64url(iv ‖
 * ciphertext ‖ tag)>}. A value protected by several members is sealed once per member, each around the
 * last, and opens only while every one of them keeps their key. A value for a member already erased
 * is stored as an empty token: it was never readable.
 *
 * <p>Every command loads its aggregates from their events and every projection reads them too, so the
 * same stored values are opened again and again: opened values are kept by token ({@link #MAX_OPENED}
 * at most), and one cipher is kept per thread ({@code Cipher.getInstance} cost more than the decryption
 * itself). A kept value is given out only while every key it was sealed with is still there, so an
 * erasure wins over it exactly as it wins over the cache of keys.
 */
@Component
public class PersonalDataCipher {

    static final String PREFIX = "pd1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int MAX_OPENED = 20_000;
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    });

    private final MemberKeys keys;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Opened> opened = new ConcurrentHashMap<>();

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
        Opened known = opened.get(token);
        if (known != null) {
            if (everyKeyPresent(known.owners())) {
                return Optional.of(known.plaintext().clone());
            }
            opened.remove(token);
            return Optional.empty();
        }
        List<UUID> owners = new ArrayList<>();
        String current = token;
        while (true) {
            owners.add(owner(current));
            Optional<byte[]> layer = openOnce(current);
            if (layer.isEmpty()) {
                return Optional.empty();
            }
            String inner = new String(layer.get(), StandardCharsets.UTF_8);
            if (!isSealed(inner)) {
                remember(token, new Opened(layer.get().clone(), List.copyOf(owners)));
                return layer;
            }
            current = inner;
        }
    }

    private boolean everyKeyPresent(List<UUID> owners) {
        for (UUID owner : owners) {
            if (!(keys.forReading(owner).orElse(null) instanceof MemberKey.Present)) {
                return false;
            }
        }
        return true;
    }

    private void remember(String token, Opened value) {
        if (opened.size() >= MAX_OPENED) {
            opened.clear();
        }
        opened.put(token, value);
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

    private static UUID owner(String token) {
        int colon = token.indexOf(':', PREFIX.length());
        if (!isSealed(token) || colon < 0) {
            throw new IllegalArgumentException("not a personal-data token");
        }
        return UUID.fromString(token.substring(PREFIX.length(), colon));
    }

    private Optional<byte[]> openOnce(String token) {
        UUID owner = owner(token);
        String body = token.substring(token.indexOf(':', PREFIX.length()) + 1);
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

    /** This thread's cipher, initialised afresh (a new IV every time, so GCM's rule against reuse holds). */
    private static Cipher cipher(int mode, SecretKey key, byte[] iv, UUID owner) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(owner.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** A value opened before, with the members whose keys it needs, outermost first. */
    private record Opened(byte[] plaintext, List<UUID> owners) {
    }
}
