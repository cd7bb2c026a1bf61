package org.lexnet.app.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

/**
 * Where the master key comes from, so that every node has the same one without being told:
 * <ul>
 *   <li>{@code LEXNET_MASTER_KEY} (base64 of 32 bytes), when set. Then the key lives only in the nodes'
 *       configuration, and a copy of the database alone (a backup) cannot read any personal data: the
 *       recommended setting for production;</li>
 *   <li>otherwise the key kept in the database ({@code stored_master_key}): the first node to start
 *       makes it, under a lock, and every other node reads it. (A key that an earlier version generated
 *       under the embedded database's data directory, {@code keys/master-key}, is moved there.)</li>
 * </ul>
 * The first node to start records a check value of its key; a node with another key refuses to start
 * and says so, rather than fail on the first encrypted value it reads.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    static final String VARIABLE = "LEXNET_MASTER_KEY";
    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);
    /** Serialises the first start of several nodes: one of them makes the key, the others read it. */
    private static final long CREATION_LOCK = 0x6c65786e65744d4bL;

    @Bean
    MasterKey masterKey(@Value("${lexnet.privacy.master-key:}") String configured,
                        @Value("${lexnet.data-dir}") Path dataDir, JdbcTemplate jdbc, TransactionTemplate transaction,
                        Clock clock) {
        Path legacyFile = dataDir.resolve("keys").resolve("master-key");
        if (!configured.isBlank()) {
            MasterKey key = parse(configured);
            transaction.executeWithoutResult(status -> agree(key, jdbc));
            return key;
        }
        MasterKey key = transaction.execute(status -> storedOrNew(jdbc, legacyFile, clock));
        forget(legacyFile);
        return key;
    }

    static MasterKey parse(String configured) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured.strip());
        } catch (IllegalArgumentException notBase64) {
            throw new MisconfiguredSecret(VARIABLE, "is not base64.", remedy());
        }
        if (bytes.length != MasterKey.BYTES) {
            throw new MisconfiguredSecret(VARIABLE, "holds " + bytes.length + " bytes; a master key is "
                    + MasterKey.BYTES + " bytes (256 bits).", remedy());
        }
        return MasterKey.of(bytes);
    }

    private static String remedy() {
        return "Set " + VARIABLE + " to the base64 of 32 random bytes (for example: openssl rand -base64 32), the"
                + " same on every node, or leave it unset to use the key kept in the database. If data was"
                + " already written with a key, that key is the only one that reads it.";
    }

    private static MasterKey storedOrNew(JdbcTemplate jdbc, Path legacyFile, Clock clock) {
        jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, CREATION_LOCK);
        List<byte[]> stored = jdbc.queryForList("select key from stored_master_key where id = 1", byte[].class);
        if (!stored.isEmpty()) {
            MasterKey key = MasterKey.of(stored.get(0));
            agree(key, jdbc);
            return key;
        }
        boolean dataWritten = !jdbc.queryForList("select 1 from master_key_check", Integer.class).isEmpty();
        MasterKey key;
        if (Files.exists(legacyFile)) {
            key = readLegacy(legacyFile);
            log.info("Moving the master key from {} into the database", legacyFile);
        } else if (dataWritten) {
            throw new MisconfiguredSecret(VARIABLE, "is not set, and this database's data was written with a master"
                    + " key that was given in configuration.", "Start every node with the same " + VARIABLE
                    + " as before: without that key no personal data can be read.");
        } else {
            key = MasterKey.generate();
            log.info("Made a new master key and kept it in the database; set {} on every node to keep it out of"
                     + " the database and its backups (docs/privacy.md)", VARIABLE);
        }
        agree(key, jdbc);
        jdbc.update("insert into stored_master_key (id, key, created_at) values (1, ?, ?)", key.bytes(),
                Timestamp.from(clock.instant()));
        return key;
    }

    private static MasterKey readLegacy(Path file) {
        try {
            return MasterKey.of(Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the master key " + file, e);
        }
    }

    /** Once the key is committed to the database, the copy under the data directory goes. */
    private static void forget(Path legacyFile) {
        try {
            Files.deleteIfExists(legacyFile);
        } catch (IOException e) {
            log.warn("Could not delete {} (its key is now kept in the database): {}", legacyFile, e.toString());
        }
    }

    private static void agree(MasterKey key, JdbcTemplate jdbc) {
        jdbc.update("insert into master_key_check (id, check_value) values (1, ?) on conflict (id) do nothing",
                (Object) key.checkValue());
        byte[] recorded = jdbc.queryForObject("select check_value from master_key_check where id = 1", byte[].class);
        if (!MessageDigest.isEqual(recorded, key.checkValue())) {
            throw new MisconfiguredSecret(VARIABLE, "is not the master key this database's data was written with.",
                    "Every node must start with the same " + VARIABLE + " (or none, to use the key kept in the"
                    + " database); the one the data was written with is the only one that reads it.");
        }
    }
}
