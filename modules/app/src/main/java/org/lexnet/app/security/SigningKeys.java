package org.lexnet.app.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.lexnet.app.keys.MasterKey;
import org.lexnet.app.keys.MisconfiguredSecret;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The built-in issuer's RS256 keys: the one that signs, and every one whose tokens may still be valid.
 * Each key is named by its {@code kid} (the RFC 7638 thumbprint), which every token carries.
 *
 * <p>From configuration ({@code LEXNET_JWT_PRIVATE_KEY}) there is one fixed key. Otherwise the keys are
 * kept in the database ({@code signing_key}, the private half sealed under the master key): the first
 * node to start makes one under a lock and every node reads it, so nodes agree without being told.
 * {@link #rotate()} makes a new key active; the old one keeps verifying until the last token it can have
 * signed has expired ({@link #stillVerifies}), so a rotation signs nobody out. Access tokens live minutes,
 * signed contribution statements months: a retired key stays published (and verifies statements) for the
 * longer of the two, but verifies access tokens only for the shorter ({@link #accessTokenKeys()}), so
 * keeping it longer for statements lets no one sign in with it. Each node re-reads the
 * keys every {@link #REREAD_EVERY}, and at once (at most every {@link #UNKNOWN_KID_PAUSE}) when a token
 * names a key it does not know, so another node's rotation is seen within seconds.
 */
public final class SigningKeys implements JWKSource<SecurityContext> {

    static final String VARIABLE = "LEXNET_JWT_PRIVATE_KEY";
    static final Duration REREAD_EVERY = Duration.ofSeconds(30);
    static final Duration UNKNOWN_KID_PAUSE = Duration.ofSeconds(5);
    /** Clock differences between nodes that a retired key's validity allows for. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    private static final long KEYS_LOCK = 0x6c65786e65744a57L;
    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private final Store store;
    private final Clock clock;
    private volatile Loaded loaded;
    private volatile Instant lastUnknownKidReread = Instant.MIN;

    private SigningKeys(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.loaded = new Loaded(store.load(), clock.instant());
    }

    /** The one key given in configuration. */
    static SigningKeys configured(String pem, Clock clock) {
        RSAKey key = withPrivateHalf(parseConfigured(pem));
        Description description = new Description(key.getKeyID(), Instant.EPOCH, null, null, true, null);
        return new SigningKeys(new Store() {
            @Override
            public List<StoredKey> load() {
                return List.of(new StoredKey(key, description, true));
            }

            @Override
            public boolean fromConfiguration() {
                return true;
            }
        }, clock);
    }

    /**
     * The keys kept in the database; makes the first one (or moves in a key file an earlier version made).
     *
     * @param tokenTtl         how long an access token is valid: a retired key verifies access tokens this
     *                         long after its retirement
     * @param statementValidity how long a signed statement is valid: a retired key stays published this long
     *                          (when longer), so every statement it signed verifies until it expires
     */
    static SigningKeys stored(JdbcTemplate jdbc, TransactionTemplate transaction, MasterKey master, Clock clock,
                              Duration tokenTtl, Duration statementValidity, Path legacyFile) {
        DatabaseStore store = new DatabaseStore(jdbc, transaction, master, clock, tokenTtl,
                tokenTtl.compareTo(statementValidity) >= 0 ? tokenTtl : statementValidity);
        store.ensureActiveKey(legacyFile);
        return new SigningKeys(store, clock);
    }

    /** The active key, with its private half: what new tokens are signed with. */
    public RSAKey signing() {
        return current().keys().stream().filter(k -> k.description().active()).map(StoredKey::key).findFirst()
                .orElseThrow(() -> new IllegalStateException("no active signing key"));
    }

    /**
     * The public halves of every key whose tokens or statements may still be valid, for
     * {@code /.well-known/jwks.json}.
     */
    public JWKSet publicKeys() {
        return current().publicKeys();
    }

    /** The public halves of the keys whose access tokens may still be valid: what sign-ins are checked against. */
    JWKSet accessTokenKeys() {
        return current().accessTokenKeys();
    }

    public List<Description> describe() {
        return current().keys().stream().map(StoredKey::description).toList();
    }

    public boolean fromConfiguration() {
        return store.fromConfiguration();
    }

    /** Makes a new key active and retires the current one; every node signs with the new one within seconds. */
    public Description rotate() {
        Description made = store.rotate(Optional.empty());
        reread();
        return made;
    }

    /**
     * Rotates if the active key is older than this; checked under the lock, so that when every node asks
     * at once, one rotates and the others find the new key young.
     */
    public Optional<Description> rotateIfOlderThan(Duration age) {
        Optional<Description> made = Optional.ofNullable(store.rotate(Optional.of(age)));
        made.ifPresent(rotated -> reread());
        return made;
    }

    /**
     * For verifying access tokens: the keys the selector asks for among those whose access tokens may still
     * be valid, re-reading once if a token names an unknown one.
     */
    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        List<JWK> found = selector.select(accessTokenKeys());
        Instant now = clock.instant();
        if (found.isEmpty() && lastUnknownKidReread.plus(UNKNOWN_KID_PAUSE).isBefore(now)) {
            lastUnknownKidReread = now;
            reread();
            found = selector.select(accessTokenKeys());
        }
        return found;
    }

    private Loaded current() {
        Loaded now = loaded;
        if (now.readAt().plus(REREAD_EVERY).isBefore(clock.instant())) {
            reread();
            now = loaded;
        }
        return now;
    }

    private void reread() {
        loaded = new Loaded(store.load(), clock.instant());
    }

    /**
     * One key as an operator sees it.
     *
     * @param verifiesUntil null while active: then its tokens verify as long as they are valid; once retired,
     *                      until when it verifies access tokens
     * @param publishedUntil null while active; once retired, until when {@code /.well-known/jwks.json} keeps it
     *                       (and the contribution statements it signed verify)
     */
    public record Description(String kid, Instant createdAt, Instant retiredAt, Instant verifiesUntil,
                              boolean active, Instant publishedUntil) {
    }

    /** @param accessTokens whether access tokens it signed may still be valid (statements may be, longer) */
    record StoredKey(RSAKey key, Description description, boolean accessTokens) {
    }

    /** The keys as last read, with their public halves made once: every request's token is checked against them. */
    private record Loaded(List<StoredKey> keys, Instant readAt, JWKSet publicKeys, JWKSet accessTokenKeys) {

        Loaded(List<StoredKey> keys, Instant readAt) {
            this(keys, readAt, new JWKSet(keys.stream().map(k -> (JWK) k.key().toPublicJWK()).toList()),
                    new JWKSet(keys.stream().filter(StoredKey::accessTokens).map(k -> (JWK) k.key().toPublicJWK())
                            .toList()));
        }
    }

    interface Store {
        List<StoredKey> load();

        default boolean fromConfiguration() {
            return false;
        }

        default Description rotate(Optional<Duration> ifOlderThan) {
            throw new KeysFromConfiguration();
        }
    }

    /** Rotation is refused when the key comes from configuration: it changes with the configuration. */
    public static class KeysFromConfiguration extends IllegalStateException {
        KeysFromConfiguration() {
            super("the signing key comes from " + VARIABLE + ": rotate it by giving every node a new one");
        }
    }

    /** Whether a key retired at this time can still have tokens out that are valid. */
    static boolean stillVerifies(Instant retiredAt, Instant now, Duration tokenTtl) {
        return retiredAt == null || verifiesUntil(retiredAt, tokenTtl).isAfter(now);
    }

    /**
     * A node may go on signing with a retired key until it re-reads the keys; its last such token
     * expires one token lifetime after that, give or take the nodes' clocks.
     */
    static Instant verifiesUntil(Instant retiredAt, Duration tokenTtl) {
        return retiredAt.plus(REREAD_EVERY).plus(tokenTtl).plus(CLOCK_SKEW);
    }

    private static final class DatabaseStore implements Store {

        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;
        private final MasterKey master;
        private final Clock clock;
        private final Duration tokenTtl;
        private final Duration publishedFor;

        DatabaseStore(JdbcTemplate jdbc, TransactionTemplate transaction, MasterKey master, Clock clock,
                      Duration tokenTtl, Duration publishedFor) {
            this.jdbc = jdbc;
            this.transaction = transaction;
            this.master = master;
            this.clock = clock;
            this.tokenTtl = tokenTtl;
            this.publishedFor = publishedFor;
        }

        void ensureActiveKey(Path legacyFile) {
            transaction.executeWithoutResult(status -> {
                lock();
                if (activeKid().isPresent()) {
                    return;
                }
                if (Files.exists(legacyFile)) {
                    log.info("Moving the token signing key from {} into the database", legacyFile);
                    insert(withPrivateHalf(parsePem(read(legacyFile))));
                } else {
                    insert(generate());
                    log.info("Made a new token signing key and kept it in the database");
                }
            });
            try {
                Files.deleteIfExists(legacyFile);
            } catch (IOException e) {
                log.warn("Could not delete {} (its key is now kept in the database): {}", legacyFile, e.toString());
            }
        }

        @Override
        public List<StoredKey> load() {
            Instant now = clock.instant();
            List<StoredKey> keys = new ArrayList<>();
            jdbc.query("select kid, public_key, sealed_private_key, created_at, retired_at from signing_key"
                       + " order by created_at desc", rs -> {
                String kid = rs.getString(1);
                Instant retiredAt = rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant();
                if (!stillVerifies(retiredAt, now, publishedFor)) {
                    return;
                }
                byte[] sealed = rs.getBytes(3);
                RSAKey key = rsaKey(rs.getBytes(2), sealed == null ? null : master.open(sealed, boundTo(kid)));
                keys.add(new StoredKey(key, new Description(kid, rs.getTimestamp(4).toInstant(), retiredAt,
                        retiredAt == null ? null : verifiesUntil(retiredAt, tokenTtl), retiredAt == null,
                        retiredAt == null ? null : verifiesUntil(retiredAt, publishedFor)),
                        stillVerifies(retiredAt, now, tokenTtl)));
            });
            return keys;
        }

        @Override
        public Description rotate(Optional<Duration> ifOlderThan) {
            return transaction.execute(status -> {
                lock();
                Instant now = clock.instant();
                if (ifOlderThan.isPresent()) {
                    Timestamp created = jdbc.queryForObject(
                            "select created_at from signing_key where retired_at is null", Timestamp.class);
                    if (created != null && created.toInstant().plus(ifOlderThan.get()).isAfter(now)) {
                        return null;
                    }
                }
                jdbc.update("update signing_key set retired_at = ?, sealed_private_key = null where retired_at is null",
                        Timestamp.from(now));
                RSAKey key = generate();
                insert(key);
                log.info("Rotated the token signing key: {} is now active", key.getKeyID());
                return new Description(key.getKeyID(), now, null, null, true, null);
            });
        }

        private void lock() {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, KEYS_LOCK);
        }

        private Optional<String> activeKid() {
            return jdbc.queryForList("select kid from signing_key where retired_at is null", String.class).stream()
                    .findFirst();
        }

        private void insert(RSAKey key) {
            try {
                byte[] pkcs8 = key.toRSAPrivateKey().getEncoded();
                jdbc.update("insert into signing_key (kid, public_key, sealed_private_key, created_at)"
                            + " values (?, ?, ?, ?)", key.getKeyID(), key.toRSAPublicKey().getEncoded(),
                        master.seal(pkcs8, boundTo(key.getKeyID())), Timestamp.from(clock.instant()));
            } catch (JOSEException e) {
                throw new IllegalStateException("an RSA key without its halves", e);
            }
        }

        private static String boundTo(String kid) {
            return "token signing key " + kid;
        }

        private static String read(Path file) {
            try {
                return Files.readString(file);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read the token signing key " + file, e);
            }
        }
    }

    // --- keys and their encodings

    private static RSAKey generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return withPrivateHalf((RSAPrivateCrtKey) pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static RSAPrivateCrtKey parseConfigured(String pem) {
        try {
            return parsePem(pem);
        } catch (IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new MisconfiguredSecret(VARIABLE, "is not an RSA private key in PKCS#8 PEM.",
                    "Give a PEM that starts with -----BEGIN PRIVATE KEY----- (for example: openssl genpkey"
                    + " -algorithm RSA -pkeyopt rsa_keygen_bits:2048), the same on every node, or leave " + VARIABLE
                    + " unset to use the keys kept in the database.");
        }
    }

    private static RSAPrivateCrtKey parsePem(String pem) {
        try {
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not an RSA PKCS#8 key", e);
        }
    }

    private static RSAKey withPrivateHalf(RSAPrivateCrtKey privateKey) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(
                    new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
            return named(new RSAKey.Builder(publicKey).privateKey(privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is part of every JDK", e);
        }
    }

    private static RSAKey rsaKey(byte[] x509PublicKey, byte[] pkcs8PrivateKey) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAKey.Builder builder = new RSAKey.Builder(
                    (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(x509PublicKey)));
            if (pkcs8PrivateKey != null) {
                builder.privateKey(rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8PrivateKey)));
            }
            return named(builder);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored signing key does not decode", e);
        }
    }

    private static RSAKey named(RSAKey.Builder builder) {
        try {
            return builder.keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
