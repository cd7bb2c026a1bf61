package org.lexnet.app.keys;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * Where the master key comes from, and the check that every node has the same one:
 * <ul>
 *   <li>{@code LEXNET_MASTER_KEY} (base64 of 32 bytes), when set: the way for several nodes and for an
 *       external database;</li>
 *   <li>otherwise, on the embedded database only, a key generated on first start under the data
 *       directory ({@code keys/master-key}), like the signing key;</li>
 *   <li>an external database without {@code LEXNET_MASTER_KEY} refuses to start: nodes that each made
 *       their own key could not read each other's data.</li>
 * </ul>
 * The first node to start records a check value of its key in the database; a node with another key
 * refuses to start and says so, rather than fail on the first encrypted value it reads.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyConfiguration.class);

    @Bean
    MasterKey masterKey(@Value("${lexnet.privacy.master-key:}") String configured,
                        @Value("${spring.datasource.url:}") String externalDatabase,
                        @Value("${lexnet.data-dir}") Path dataDir, JdbcTemplate jdbc) {
        MasterKey key = load(configured, !externalDatabase.isBlank(), dataDir.resolve("keys").resolve("master-key"));
        agree(key, jdbc);
        return key;
    }

    private static MasterKey load(String configured, boolean externalDatabase, Path file) {
        if (!configured.isBlank()) {
            return MasterKey.fromBase64(configured);
        }
        if (externalDatabase) {
            throw new IllegalStateException("LEXNET_MASTER_KEY is not set. With an external database every node must"
                    + " use the same master key, so it cannot be generated here: set LEXNET_MASTER_KEY on every node"
                    + " to the same base64 value of 32 random bytes (for example: openssl rand -base64 32), and keep"
                    + " it safe: without it no personal data can be read.");
        }
        try {
            if (!Files.exists(file)) {
                byte[] bytes = new byte[MasterKey.BYTES];
                new SecureRandom().nextBytes(bytes);
                SecretFiles.writeAtomically(file, Base64.getEncoder().encodeToString(bytes) + "\n");
                log.info("Generated a new master key in {}", file);
            }
            return MasterKey.fromBase64(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the master key " + file, e);
        }
    }

    private static void agree(MasterKey key, JdbcTemplate jdbc) {
        jdbc.update("insert into master_key_check (id, check_value) values (1, ?) on conflict (id) do nothing",
                (Object) key.checkValue());
        byte[] recorded = jdbc.queryForObject("select check_value from master_key_check where id = 1", byte[].class);
        if (!MessageDigest.isEqual(recorded, key.checkValue())) {
            throw new IllegalStateException("This node's master key is not the one this database's data was written"
                    + " with. Every node must start with the same LEXNET_MASTER_KEY (or, on the embedded database,"
                    + " the same keys/master-key file under its data directory).");
        }
        Arrays.fill(recorded, (byte) 0);
    }
}
