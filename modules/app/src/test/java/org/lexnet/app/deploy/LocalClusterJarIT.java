package org.lexnet.app.deploy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;
import org.lexnet.app.support.People;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * deploy/local-cluster as an operator runs it — PostgreSQL, two nodes of the packaged jar, nginx with the
 * deploy/ proxy configuration — driven through the proxy: registration, sign-in and a live-feed
 * subscription over the proxied WebSocket; then a command sent to the other node directly, whose feed
 * entry must cross to the subscriber's node. Everything the script started is stopped afterwards, even
 * when the test fails, and checked gone.
 */
class LocalClusterJarIT {

    private static final Path NGINX = Path.of("/usr/sbin/nginx");
    private static final Duration START_WITHIN = Duration.ofMinutes(6);
    private static final Duration STOP_WITHIN = Duration.ofMinutes(3);
    private static final Duration FEED_WAIT = Duration.ofSeconds(30);
    private static final Pattern SESSIONS = Pattern.compile("^lexnet_feed_sessions\\{[^}]*} (\\S+)$", Pattern.MULTILINE);

    private static final Path WORK = Path.of("target", "local-cluster-it").toAbsolutePath();
    private static final int PROXY_PORT = JarProcess.freePort();
    private static final int[] NODE_PORTS = {JarProcess.freePort(), JarProcess.freePort()};
    private static final int DB_PORT = JarProcess.freePort();
    private static final List<ProcessHandle> started = new ArrayList<>();

    @BeforeAll
    static void startTheCluster() throws IOException {
        assertThat(NGINX).as("nginx (apt-get install -y nginx)").isExecutable();
        if (Files.isDirectory(WORK.resolve("pids"))) {
            // a run that was cut short may have left its cluster up
            script("stop", "--work", WORK.toString());
        }
        deleteRecursively(WORK);
        Files.createDirectories(WORK);
        try {
            int status = script("start", "--work", WORK.toString(), "--proxy-port", Integer.toString(PROXY_PORT),
                    "--node-ports", NODE_PORTS[0] + "," + NODE_PORTS[1], "--db-port", Integer.toString(DB_PORT),
                    "--jar", System.getProperty("lexnet.jar"));
            assertThat(status).as("deploy/local-cluster/start: " + tail(WORK.resolve("start.log"))).isZero();
        } finally {
            // whatever came up before a failure is stopped in stopTheCluster
            started.addAll(recordedProcesses());
        }
    }

    @AfterAll
    static void stopTheCluster() {
        script("stop", "--work", WORK.toString());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(started).as("processes the cluster left behind").noneMatch(ProcessHandle::isAlive));
    }

    @Test
    void anEntryCausedOnOneNodeReachesASubscriberOnTheOtherThroughTheProxy() {
        assertThat(started).as("PostgreSQL, two nodes, nginx").hasSize(4);
        Api proxy = new Api(PROXY_PORT);
        People people = new People(proxy);
        Api.Member mentor = people.mentor("Ada", 1);
        assertThat(proxy.signIn(mentor.email(), mentor.password())).isNotBlank();

        try (FeedClient feed = FeedClient.listening(PROXY_PORT, mentor.token())) {
            int subscriberNode = await().atMost(FEED_WAIT).until(LocalClusterJarIT::nodeWithASession, n -> n >= 0);
            int otherNode = 1 - subscriberNode;
            Api.Member mentee = people.mentee("Bo");
            String pairing = new People(new Api(NODE_PORTS[otherNode])).requestDirect(mentee, mentor);

            await().atMost(FEED_WAIT).until(() -> feed.received().stream()
                    .anyMatch(m -> m.body().at("/payload/mentorshipId").asText().equals(pairing)));
        }

        // the proxy serves health to the outside and keeps the scrape inside
        assertThat(proxy.get("/actuator/health/readiness", null).status()).isEqualTo(200);
        assertThat(proxy.get("/actuator/prometheus", metricsToken()).status()).isEqualTo(404);
        assertThat(new Api(NODE_PORTS[0]).get("/actuator/prometheus", metricsToken()).status()).isEqualTo(200);
    }

    /** The node (0 or 1) holding the one STOMP session, read from each node's metrics; -1 while none does. */
    private static int nodeWithASession() {
        for (int node = 0; node < 2; node++) {
            Api.Response scrape = new Api(NODE_PORTS[node]).get("/actuator/prometheus", metricsToken());
            assertThat(scrape.status()).isEqualTo(200);
            Matcher sessions = SESSIONS.matcher(scrape.body());
            if (sessions.find() && Double.parseDouble(sessions.group(1)) >= 1) {
                return node;
            }
        }
        return -1;
    }

    private static String metricsToken() {
        try {
            return Files.readString(WORK.resolve("secrets/metrics-token")).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs deploy/local-cluster/{name}, its output in the work directory; destroyed if it outlasts its time. */
    private static int script(String name, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(DeployFiles.deploy("local-cluster/" + name).toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(WORK.resolve(name + ".log").toFile())).start();
            Duration within = name.equals("start") ? START_WITHIN : STOP_WITHIN;
            if (!process.waitFor(within.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not finish within " + within);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The processes whose ids the script recorded in its pid files (nginx writes its own). */
    private static List<ProcessHandle> recordedProcesses() {
        Path pids = WORK.resolve("pids");
        if (!Files.isDirectory(pids)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(pids)) {
            return files.filter(f -> f.toString().endsWith(".pid")).map(LocalClusterJarIT::pidIn)
                    .flatMap(pid -> ProcessHandle.of(pid).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pidIn(Path file) {
        try {
            return Long.parseLong(Files.readString(file).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("unreadable pid file " + file, e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
