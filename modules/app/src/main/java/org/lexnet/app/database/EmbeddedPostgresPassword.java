package org.lexnet.app.database;

import org.lexnet.app.keys.SecretFiles;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;

/**
 * The password of the embedded PostgreSQL's superuser, which every connection to it needs: generated on
 * the first start, kept owner-readable only under the data directory's {@code keys/}, and required by a
 * {@code pg_hba.conf} of our own. Without it any local process could connect as the superuser.
 */
final class EmbeddedPostgresPassword {

    /** First line of the pg_hba.conf we write; its absence marks a directory from before passwords. */
    private static final String MARKER = "# lexnet: every connection needs the superuser's password";
    private static final List<String> CLIENT_AUTHENTICATION = List.of(
            MARKER,
            "# (kept in LEXNET_DATA_DIR/keys/postgres-password). Rewritten at every start.",
            "local   all   all                  scram-sha-256",
            "host    all   all   127.0.0.1/32   scram-sha-256",
            "host    all   all   ::1/128        scram-sha-256");

    private final Path file;
    private final String value;

    private EmbeddedPostgresPassword(Path file, String value) {
        this.file = file;
        this.value = value;
    }

    /** The password kept in this file; a new one, written there first, when there is none. */
    static EmbeddedPostgresPassword loadOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return new EmbeddedPostgresPassword(file, Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or write the embedded PostgreSQL's password in " + file, e);
        }
    }

    /** Whether this data directory already requires the password (false for a new or an older one). */
    static boolean isRequiredBy(Path dataDirectory) {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        try {
            return Files.exists(hba) && Files.readAllLines(hba).stream().findFirst().filter(MARKER::equals).isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + hba, e);
        }
    }

    Path file() {
        return file;
    }

    String value() {
        return value;
    }

    /** Makes the server in this directory ask every client for the password (loopback and socket only). */
    void requireIn(Path dataDirectory) {
        try {
            SecretFiles.writeAtomically(dataDirectory.resolve("pg_hba.conf"),
                    String.join("\n", CLIENT_AUTHENTICATION) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write pg_hba.conf in " + dataDirectory, e);
        }
    }

    /**
     * Gives the superuser this password over a connection that did not need one. The SCRAM verifier is
     * computed here, so the password itself never reaches the server's statement log.
     */
    void setOn(Connection superuser) throws SQLException {
        superuser.unwrap(PGConnection.class).alterUserPassword("postgres", value.toCharArray(), "scram-sha-256");
    }

    @Override
    public String toString() {
        return "the embedded PostgreSQL's password in " + file;
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        // URL-safe base64: nothing that initdb's --pwfile or a JDBC property could misread
        SecretFiles.writeAtomically(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret) + "\n");
    }
}
