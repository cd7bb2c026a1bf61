package org.lexnet.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server's password on the data directories it meets: one made by an earlier version
 * (trusting every local connection) is upgraded in place with its data, and a directory that requires
 * a password never starts with a new one.
 */
class EmbeddedPostgresPasswordTest {

    @TempDir
    Path dataDir;

    @Test
    void aDataDirectoryThatTrustedEveryLocalConnectionRequiresThePasswordFromItsNextStartAndKeepsItsData()
            throws Exception {
        Path databaseDir = dataDir.resolve("postgres");
        Path passwordFile = dataDir.resolve("keys").resolve("postgres-password");
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder().setDataDirectory(databaseDir)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection trusted = earlier.getPostgresDatabase().getConnection();
             Statement statement = trusted.createStatement()) {
            statement.execute("create table kept (value text); insert into kept values ('from before')");
        }
        assertThat(passwordFile).doesNotExist();

        for (int start = 1; start <= 2; start++) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.acquire(databaseDir, passwordFile, false);
            try {
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), "postgres", null).close())
                        .as("start %d, no password", start).isInstanceOf(SQLException.class);
                try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "postgres",
                        Files.readString(passwordFile).strip());
                     Statement statement = connection.createStatement()) {
                    var kept = statement.executeQuery("select value from kept");
                    assertThat(kept.next()).isTrue();
                    assertThat(kept.getString(1)).isEqualTo("from before");
                }
            } finally {
                server.release();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
    }

    @Test
    void aDataDirectoryThatRequiresAPasswordDoesNotStartWithoutTheFileThatKeepsIt() throws Exception {
        Path databaseDir = dataDir.resolve("postgres");
        Path passwordFile = dataDir.resolve("keys").resolve("postgres-password");
        EmbeddedPostgresServer.acquire(databaseDir, passwordFile, false).release();
        Files.delete(passwordFile);

        assertThatThrownBy(() -> EmbeddedPostgresServer.acquire(databaseDir, passwordFile, false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("requires the password kept in " + passwordFile.toAbsolutePath());
        assertThat(passwordFile).doesNotExist();
    }
}
