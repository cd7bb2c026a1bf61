package org.lexnet.app.privacy;

import org.junit.jupiter.api.Test;
import org.lexnet.app.keys.MemberKeys;
import org.lexnet.app.keys.MemberKeys.MemberKey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The cipher on its own, with the members' keys in a map: values open after being opened before (the
 * kept values), a kept value obeys an erasure like a fresh one, and the one cipher per thread serves
 * alternating keys, modes and threads.
 */
class PersonalDataCipherTest {

    private final Map<UUID, MemberKey> stored = new ConcurrentHashMap<>();
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys());

    @Test
    void aValueOpensAgainAndAgainUntilItsMemberIsErased() {
        UUID member = keyed();
        String token = cipher.seal(bytes("Ada from Leeds"), List.of(member));

        assertThat(text(cipher.open(token))).isEqualTo("Ada from Leeds");
        assertThat(text(cipher.open(token))).isEqualTo("Ada from Leeds");

        stored.put(member, new MemberKey.Erased());
        assertThat(cipher.open(token)).isEmpty();
    }

    @Test
    void aValueSealedWithTwoKeysClosesWhenEitherMemberIsErased() {
        UUID mentor = keyed();
        UUID mentee = keyed();
        String token = cipher.seal(bytes("both of them"), List.of(mentor, mentee));
        assertThat(text(cipher.open(token))).isEqualTo("both of them");

        stored.put(mentor, new MemberKey.Erased());
        assertThat(cipher.open(token)).isEmpty();
    }

    @Test
    void whatTheCallerDoesWithTheBytesDoesNotChangeTheKeptValue() {
        UUID member = keyed();
        String token = cipher.seal(bytes("unchanged"), List.of(member));
        cipher.open(token).orElseThrow()[0] = 'X';
        cipher.open(token).orElseThrow()[1] = 'X';
        assertThat(text(cipher.open(token))).isEqualTo("unchanged");
    }

    @Test
    void aTamperedTokenIsRefusedEveryTime() {
        UUID member = keyed();
        String token = cipher.seal(bytes("genuine"), List.of(member));
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalStateException.class);
        assertThat(text(cipher.open(token))).isEqualTo("genuine");
    }

    @Test
    void manyThreadsSealAndOpenWithManyKeys() throws Exception {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(keyed());
        }
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        UUID owner = members.get((thread + i) % members.size());
                        UUID other = members.get((thread + 3 * i + 1) % members.size());
                        String value = "value " + thread + "/" + i;
                        String single = cipher.seal(bytes(value), List.of(owner));
                        String nested = cipher.seal(bytes(value), List.of(owner, other));
                        assertThat(text(cipher.open(single))).isEqualTo(value);
                        assertThat(text(cipher.open(nested))).isEqualTo(value);
                        assertThat(text(cipher.open(single))).isEqualTo(value);
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void moreValuesThanAreKeptStillOpen() {
        UUID member = keyed();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < PersonalDataCipher.MAX_OPENED + 10; i++) {
            tokens.add(cipher.seal(bytes("value " + i), List.of(member)));
        }
        for (int i = 0; i < tokens.size(); i++) {
            assertThat(text(cipher.open(tokens.get(i)))).isEqualTo("value " + i);
        }
        assertThat(text(cipher.open(tokens.get(0)))).isEqualTo("value 0");
    }

    private MemberKeys keys() {
        MemberKeys keys = mock(MemberKeys.class);
        when(keys.forReading(any())).thenAnswer(call -> Optional.ofNullable(stored.get(call.<UUID>getArgument(0))));
        when(keys.forWriting(any())).thenAnswer(call -> stored.get(call.<UUID>getArgument(0)));
        return keys;
    }

    private UUID keyed() {
        UUID member = UUID.randomUUID();
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            SecretKey key = generator.generateKey();
            stored.put(member, new MemberKey.Present(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return member;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(Optional<byte[]> opened) {
        return new String(opened.orElseThrow(), StandardCharsets.UTF_8);
    }
}
