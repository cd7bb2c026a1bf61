package org.lexnet.app.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.support.Api;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The executable jar as an operator runs it: {@code java -jar lexnet-app.jar} starts on its embedded
 * PostgreSQL, a second start keeps the data, and SIGTERM stops the database too (no orphan process).
 */
class PackagedJarIT {

    @TempDir
    Path dataDir;

    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void theJarRunsOnItsEmbeddedDatabaseKeepsDataAcrossRestartsAndLeavesNoOrphanOnSigterm() throws Exception {
        int port = freePort();
        Api api = new Api(port);
        String email = "operator-" + UUID.randomUUID() + "@example.org";

        app = start(port);
        awaitReady(api);
        assertThat(api.post("/api/v1/accounts", null, Map.of("email", email, "password", "a long enough password",
                "displayName", "Operator")).status()).isEqualTo(201);
        assertThat(postgresProcessesOn(dataDir)).isPositive();

        sigterm(app);
        assertThat(app.exitValue()).as("exit status after SIGTERM").isIn(0, 143);
        await().atMost(Duration.ofSeconds(30)).until(() -> postgresProcessesOn(dataDir) == 0);

        app = start(port);
        awaitReady(api);
        assertThat(api.signIn(email, "a long enough password")).isNotBlank();
        sigterm(app);
        await().atMost(Duration.ofSeconds(30)).until(() -> postgresProcessesOn(dataDir) == 0);
    }

    private Process start(int port) throws IOException {
        String jar = System.getProperty("lexnet.jar");
        assertThat(new File(jar)).exists();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-app.log").toFile());
        builder.environment().put("LEXNET_DATA_DIR", dataDir.toString());
        builder.environment().put("SERVER_PORT", Integer.toString(port));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        return builder.start();
    }

    private static void awaitReady(Api api) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
    }

    /** Process.destroy() sends SIGTERM on Linux: the signal an orchestrator sends. */
    private static void sigterm(Process process) throws InterruptedException {
        process.destroy();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s").isTrue();
    }

    private static long postgresProcessesOn(Path dataDir) {
        String dir = dataDir.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
