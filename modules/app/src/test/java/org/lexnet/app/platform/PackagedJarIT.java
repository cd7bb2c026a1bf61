package org.lexnet.app.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executable jar as an operator runs it: {@code java -jar lexnet-app.jar} starts on its embedded
 * PostgreSQL, a second start keeps the data, and SIGTERM stops the database too (no orphan process).
 */
class PackagedJarIT {

    @TempDir
    Path dataDir;

    private JarProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJarRunsOnItsEmbeddedDatabaseKeepsDataAcrossRestartsAndLeavesNoOrphanOnSigterm() {
        int port = JarProcess.freePort();
        String email = "operator-" + UUID.randomUUID() + "@example.org";

        app = JarProcess.on(dataDir, port).start().awaitReady();
        Api api = app.api();
        assertThat(api.post("/api/v1/accounts", null, Map.of("email", email, "password", "a long enough password",
                "displayName", "Operator")).status()).isEqualTo(201);
        assertThat(JarProcess.databaseProcesses(dataDir)).isNotEmpty();

        // SIGTERM: 143 if the JVM reports the signal, 0 after a graceful shutdown
        assertThat(app.sigterm()).as("exit status after SIGTERM").isIn(0, 143);
        awaitNoDatabaseProcess();

        app = JarProcess.on(dataDir, port).start().awaitReady();
        assertThat(app.api().signIn(email, "a long enough password")).isNotBlank();
        app.sigterm();
        awaitNoDatabaseProcess();
    }

    private void awaitNoDatabaseProcess() {
        await().atMost(Duration.ofSeconds(30)).until(() -> JarProcess.databaseProcesses(dataDir).isEmpty());
    }
}
