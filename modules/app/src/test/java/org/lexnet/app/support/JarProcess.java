package org.lexnet.app.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar ({@code lexnet-app.jar}, path in the {@code lexnet.jar} system property that failsafe
 * sets) running as an operator runs it, in a process group of its own, so that a test can stop it
 * politely (SIGTERM) or kill it and its embedded PostgreSQL at once, the way a killed container dies.
 */
public final class JarProcess implements AutoCloseable {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final Duration STOPPED_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final long processGroupId;
    private final Path dataDir;
    private final Path logFile;
    private final int port;
    private final Api api;

    private JarProcess(Process process, long processGroupId, Path dataDir, Path logFile, int port) {
        this.process = process;
        this.processGroupId = processGroupId;
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.port = port;
        this.api = new Api(port);
    }

    /** A start of the jar on this data directory (LEXNET_DATA_DIR) and HTTP port (SERVER_PORT). */
    public static Launch on(Path dataDir, int port) {
        return new Launch(dataDir, port);
    }

    public int port() {
        return port;
    }

    public Api api() {
        return api;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where the app's standard output and error go; restarts with the same file append to it. */
    public Path logFile() {
        return logFile;
    }

    public long pid() {
        return process.pid();
    }

    /** The process group the app leads (checked with the kernel at start). */
    public long processGroupId() {
        return processGroupId;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until readiness is UP; fails at once, with the end of the log, should the app exit first. */
    public JarProcess awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with status " + process.exitValue()
                        + " before it was ready; end of " + logFile + ":\n" + logTail(60));
            }
            try {
                if (api.get("/actuator/health/readiness", null).status() == 200) {
                    return this;
                }
            } catch (RuntimeException notListeningYet) {
                // connection refused until the web server is up
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException("the app was not ready within " + READY_WITHIN + "; end of " + logFile
                + ":\n" + logTail(60));
    }

    /**
     * SIGTERM to the app alone (what an orchestrator sends first); waits for the exit.
     *
     * @return the exit status
     */
    public int sigterm() {
        process.destroy();
        return awaitExit();
    }

    /**
     * SIGKILL to the app's whole process group and to every process of its embedded PostgreSQL, in one
     * kill(1) call; returns once none of them is left. PostgreSQL is not in the app's group: pg_ctl
     * detaches the server with setsid, and every server process leads a session of its own, so killing
     * the app's group alone would leave the database running to finish (and keep) what was in flight.
     */
    public void kill() {
        List<String> command = new ArrayList<>(List.of("kill", "-KILL", "--", "-" + processGroupId));
        databaseProcesses(dataDir).forEach(p -> command.add(Long.toString(p.pid())));
        // the status is not checked: a backend may exit between the listing and the signal
        run(command);
        awaitExit();
        Instant deadline = Instant.now().plus(STOPPED_WITHIN);
        for (List<ProcessHandle> left = databaseProcesses(dataDir); !left.isEmpty();
             left = databaseProcesses(dataDir)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("database processes survived SIGKILL: " + left);
            }
            // a backend forked after the listing: it goes by itself once it sees the server gone
            left.forEach(ProcessHandle::destroyForcibly);
            sleep(Duration.ofMillis(100));
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    /**
     * The live processes of the embedded PostgreSQL on this data directory: the server and every
     * backend and helper it started. PostgreSQL changes into its data directory, and only its processes
     * work there; their command lines do not name the directory, so that is how to find all of them.
     */
    public static List<ProcessHandle> databaseProcesses(Path dataDir) {
        Path databaseDir = dataDir.resolve("postgres").toAbsolutePath().normalize();
        return ProcessHandle.allProcesses()
                .filter(p -> workingDirectoryOf(p.pid()).filter(databaseDir::equals).isPresent())
                .toList();
    }

    /**
     * A connection to the embedded PostgreSQL of the running app, as its superuser: the port from the
     * server's postmaster.pid (fourth line), the password from the file the app generated.
     */
    public Connection openDatabase() throws SQLException {
        try {
            List<String> pidFile = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
            int databasePort = Integer.parseInt(pidFile.get(3).strip());
            String password = Files.readString(dataDir.resolve("keys").resolve("postgres-password")).strip();
            return DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
                    "postgres", password);
        } catch (IOException e) {
            throw new UncheckedIOException("the embedded PostgreSQL is not running on " + dataDir, e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of the log, for failure messages. */
    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    private int awaitExit() {
        try {
            if (!process.waitFor(STOPPED_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("the app did not stop within " + STOPPED_WITHIN);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Optional<Path> workingDirectoryOf(long pid) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")));
        } catch (IOException | UnsupportedOperationException | SecurityException goneOrNotOurs) {
            return Optional.empty();
        }
    }

    private static long processGroupOf(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // "pid (command) state ppid pgrp ...": the command may hold spaces and parentheses
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[2]);
        } catch (IOException gone) {
            return -1;
        }
    }

    private static void run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(command + " did not return");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Until setsid has made the process a group leader; a kill of the group must never reach the test JVM. */
    private static void awaitOwnProcessGroup(Process process) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (process.isAlive() && processGroupOf(process.pid()) != process.pid()) {
            if (Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IllegalStateException("the app did not become the leader of its own process group");
            }
            sleep(Duration.ofMillis(10));
        }
    }

    /** What to start: data directory, port, environment, log file, heap. */
    public static final class Launch {

        private final Path dataDir;
        private final int port;
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path logFile;
        private String maxHeap = "512m";

        private Launch(Path dataDir, int port) {
            this.dataDir = dataDir.toAbsolutePath().normalize();
            this.port = port;
            this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + "-app.log");
        }

        /** An environment variable for the app (on top of the test JVM's own, less SPRING_DATASOURCE_*). */
        public Launch env(String name, String value) {
            env.put(name, value);
            return this;
        }

        public Launch log(Path file) {
            this.logFile = file.toAbsolutePath().normalize();
            return this;
        }

        public Launch maxHeap(String size) {
            this.maxHeap = size;
            return this;
        }

        public JarProcess start() {
            String jar = System.getProperty("lexnet.jar");
            if (jar == null || !Files.isRegularFile(Path.of(jar))) {
                throw new IllegalStateException("no packaged jar at lexnet.jar=" + jar + " (run through failsafe)");
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // setsid makes the app the leader of a new session and process group: a group to kill as one,
            // apart from the test JVM's. It execs in place (no fork), so the pid is the JVM's.
            ProcessBuilder builder = new ProcessBuilder("setsid", java, "-Xmx" + maxHeap, "-jar", jar)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            builder.environment().keySet().removeIf(name -> name.startsWith("SPRING_DATASOURCE_"));
            builder.environment().put("LEXNET_DATA_DIR", dataDir.toString());
            builder.environment().put("SERVER_PORT", Integer.toString(port));
            builder.environment().putAll(env);
            try {
                Files.createDirectories(logFile.getParent());
                Process process = builder.start();
                awaitOwnProcessGroup(process);
                return new JarProcess(process, process.pid(), dataDir, logFile, port);
            } catch (IOException e) {
                throw new UncheckedIOException("could not start " + builder.command()
                        + " (setsid comes with util-linux)", e);
            }
        }
    }
}
