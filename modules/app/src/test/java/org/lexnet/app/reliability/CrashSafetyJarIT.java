package org.lexnet.app.reliability;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar keeps every write it acknowledged when it dies together with its embedded PostgreSQL
 * (SIGKILL to both at a random moment, as when their container is killed): eight clients
 * write profile updates and connection requests while the app is killed and restarted on the same data,
 * cycle after cycle; then every acknowledged write must be in the event store, none twice, no ETag
 * version handed out twice, and every read model must agree with the event store once caught up.
 * Writes in flight at the kill may or may not have been kept; only what was acknowledged is owed.
 * <p>
 * {@code -Dlexnet.crash.cycles} (3 by default, 20 with {@code -Pcrash-test}); {@code -Dlexnet.crash.seed}
 * repeats the moments of the kills and each client's mix of writes (not the server's timing).
 */
class CrashSafetyJarIT {

    private static final int CYCLES = Integer.getInteger("lexnet.crash.cycles", 3);
    private static final long SEED = Long.getLong("lexnet.crash.seed", System.nanoTime());
    private static final int WRITERS = 8;
    private static final int TARGETS = 16;
    /** Acknowledged writes a cycle waits for before its random moment, so that every kill meets load. */
    private static final int ACKS_BEFORE_KILL = 20;
    private static final int MAX_KILL_DELAY_MILLIS = 2_000;
    private static final Duration CATCH_UP = Duration.ofSeconds(120);
    private static final String PASSWORD = "crash test passphrase";
    private static final String REGISTERED = "MemberRegisteredEvent";
    private static final String PROFILE_UPDATED = "MemberProfileUpdatedEvent";
    private static final String CONNECTION_REQUESTED = "ConnectionRequestedEvent";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private JarProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesSigkillOfTheAppAndItsDatabase() throws Exception {
        Random moments = new Random(SEED);
        System.out.printf("crash test: %d cycles, seed %d (-Dlexnet.crash.seed=%d repeats it), data in %s%n",
                CYCLES, SEED, SEED, work);
        Instant began = Instant.now();
        Path dataDir = work.resolve("data");
        int port = JarProcess.freePort();
        app = start(dataDir, port);
        Api api = app.api();

        List<Account> targets = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            Account target = Account.register(api, "Target " + i);
            assertThat(api.put("/api/v1/members/me/profile", target.token, profile("Target " + i, true)).status())
                    .isEqualTo(200);
            targets.add(target);
        }
        List<Writer> writers = IntStream.range(0, WRITERS)
                .mapToObj(i -> new Writer(i, api, targets, new Random(SEED + 1 + i))).toList();

        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            long acksBefore = acks(writers);
            AtomicBoolean stopped = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(WRITERS);
            writers.forEach(writer -> clients.submit(() -> writer.writeUntil(stopped)));
            int delay = moments.nextInt(MAX_KILL_DELAY_MILLIS);
            try {
                await().atMost(Duration.ofSeconds(60)).until(() -> acks(writers) >= acksBefore + ACKS_BEFORE_KILL);
                Thread.sleep(delay);
                app.kill();
            } finally {
                stopped.set(true);
                clients.shutdown();
            }
            assertThat(JarProcess.databaseProcesses(dataDir)).as("database processes after the kill").isEmpty();
            assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).as("clients stopped").isTrue();
            System.out.printf("cycle %d: killed %d ms after the %dth acknowledgement of the cycle; "
                              + "%d writes acknowledged so far%n", cycle, delay, ACKS_BEFORE_KILL, acks(writers));
            app = start(dataDir, port);
        }

        Verdict verdict;
        List<String> disagreements;
        try (Connection db = app.openDatabase()) {
            verdict = checkEventStore(db, writers, targets);
            disagreements = awaitReadModelsAgree(db);
        }
        List<String> readBack = checkProfilesReadBack(api, writers, verdict.lastVersions);

        Map<String, Integer> failures = new TreeMap<>();
        writers.forEach(w -> w.failures.forEach((k, v) -> failures.merge(k, v, Integer::sum)));
        System.out.printf("crash test: %d cycles in %d s, seed %d; acknowledged writes checked: %d "
                          + "(%d registrations, %d profile updates, %d connection requests); unacknowledged "
                          + "attempts: %d %s; lost: %d; duplicates: %d%n",
                CYCLES, Duration.between(began, Instant.now()).toSeconds(), SEED, verdict.checked,
                verdict.registrations, verdict.profileUpdates, verdict.connections,
                writers.stream().mapToInt(Writer::unacknowledged).sum(), failures, verdict.lost.size(),
                verdict.duplicates.size());

        assertSoftly(softly -> {
            softly.assertThat(verdict.lost).as("acknowledged writes missing from the event store").isEmpty();
            softly.assertThat(verdict.duplicates).as("writes stored twice or versions handed out twice").isEmpty();
            softly.assertThat(disagreements).as("read models against the event store, " + CATCH_UP + " after the start")
                    .isEmpty();
            softly.assertThat(readBack).as("profiles read back through the API").isEmpty();
            softly.assertThat(failures.keySet()).as("answers other than 2xx: only a dying server's are expected")
                    .noneMatch(kind -> kind.startsWith("4"));
            softly.assertThat(verdict.profileUpdates).as("acknowledged profile updates").isPositive();
            softly.assertThat(verdict.connections).as("acknowledged connection requests").isPositive();
        });
    }

    private JarProcess start(Path dataDir, int port) {
        // every writer registers from this one machine: lift the per-address registration limit
        return JarProcess.on(dataDir, port).log(work.resolve("app.log"))
                .env("LEXNET_SECURITY_REGISTRATION_MAX_PER_ADDRESS", "100000").start().awaitReady();
    }

    private static long acks(List<Writer> writers) {
        return writers.stream().mapToLong(w -> w.acks.get()).sum();
    }

    // --- the event store against what the clients were told

    private record Verdict(long checked, long registrations, long profileUpdates, long connections,
                           List<String> lost, List<String> duplicates, Map<String, Long> lastVersions) {
    }

    private static Verdict checkEventStore(Connection db, List<Writer> writers, List<Account> targets)
            throws SQLException {
        Map<String, Map<Long, String>> streams = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        Set<String> eventIds = new HashSet<>();
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(
                "select aggregate_identifier, sequence_number, payload_type, event_identifier from domain_event_entry")) {
            while (rows.next()) {
                String type = rows.getString(3);
                String previous = streams.computeIfAbsent(rows.getString(1), id -> new HashMap<>())
                        .put(rows.getLong(2), type.substring(type.lastIndexOf('$') + 1));
                if (previous != null) {
                    duplicates.add("two events at " + rows.getString(1) + "/" + rows.getLong(2));
                }
                if (!eventIds.add(rows.getString(4))) {
                    duplicates.add("event " + rows.getString(4) + " stored twice");
                }
            }
        }
        List<String> lost = new ArrayList<>();
        long registrations = 0;
        long profileUpdates = 0;
        long connections = 0;

        List<String> registered = new ArrayList<>(targets.stream().map(t -> t.id).toList());
        writers.forEach(w -> {
            registered.add(w.member.id);
            registered.addAll(w.acknowledgedRegistrations);
        });
        for (String member : registered) {
            registrations++;
            if (!REGISTERED.equals(typeAt(streams, member, 0))) {
                lost.add("registration of " + member);
            }
        }
        long registrationAttempts = registered.size()
                + writers.stream().mapToLong(w -> w.unacknowledgedRegistrations).sum();
        long membersStored = streams.values().stream().filter(s -> REGISTERED.equals(s.get(0L))).count();
        if (membersStored > registrationAttempts) {
            duplicates.add(membersStored + " members stored for " + registrationAttempts + " registration attempts");
        }

        Map<String, Long> lastVersions = new HashMap<>();
        for (Writer writer : writers) {
            String member = writer.member.id;
            long previous = 0;
            for (ProfileWrite write : writer.profileWrites) {
                if (write.acknowledgedVersion == null) {
                    continue;
                }
                profileUpdates++;
                long version = write.acknowledgedVersion;
                if (version <= previous) {
                    duplicates.add("version " + version + " of " + member + " acknowledged after " + previous);
                }
                previous = version;
                if (!PROFILE_UPDATED.equals(typeAt(streams, member, version))) {
                    lost.add("profile update " + member + "/" + version);
                }
            }
            Map<Long, String> stream = streams.getOrDefault(member, Map.of());
            long stored = stream.values().stream().filter(PROFILE_UPDATED::equals).count();
            if (stored > writer.profileWrites.size()) {
                duplicates.add(stored + " profile updates of " + member + " stored for "
                               + writer.profileWrites.size() + " attempts");
            }
            lastVersions.put(member, stream.keySet().stream().max(Long::compare).orElse(-1L));
        }

        long connectionAttempts = 0;
        for (Writer writer : writers) {
            connectionAttempts += writer.acknowledgedConnections.size() + writer.unacknowledgedConnections;
            for (String connection : writer.acknowledgedConnections) {
                connections++;
                if (!CONNECTION_REQUESTED.equals(typeAt(streams, connection, 0))) {
                    lost.add("connection request " + connection);
                }
            }
        }
        List<Map<Long, String>> connectionStreams = streams.values().stream()
                .filter(s -> CONNECTION_REQUESTED.equals(s.get(0L))).toList();
        if (connectionStreams.size() > connectionAttempts) {
            duplicates.add(connectionStreams.size() + " connections stored for " + connectionAttempts + " attempts");
        }
        if (connectionStreams.stream().anyMatch(s -> s.size() != 1)) {
            duplicates.add("a connection with more than its request: nothing else was asked of connections");
        }
        return new Verdict(registrations + profileUpdates + connections, registrations, profileUpdates, connections,
                lost, duplicates, lastVersions);
    }

    private static String typeAt(Map<String, Map<Long, String>> streams, String aggregate, long sequence) {
        return streams.getOrDefault(aggregate, Map.of()).get(sequence);
    }

    // --- read models against the event store

    /** Member streams and connection streams as they are in the event store, with their last sequence. */
    private static final String STREAMS = """
            with streams as (
                select aggregate_identifier as id, max(sequence_number) as version,
                       bool_or(sequence_number = 0 and payload_type like '%$MemberRegisteredEvent') as member,
                       bool_or(sequence_number = 0 and payload_type like '%$ConnectionRequestedEvent') as connection
                from domain_event_entry group by aggregate_identifier),
            members as (select id, version from streams where member),
            connections as (select id, version from streams where connection)
            """;

    /** Each query lists what disagrees; every one must come back empty. */
    private static final Map<String, String> AGREEMENT = Map.of(
            "member_profile", STREAMS + """
                    select coalesce(s.id, r.member_id::text), s.version, r.version
                    from members s full join member_profile r on r.member_id::text = s.id
                    where s.version is distinct from r.version""",
            "matching_member", STREAMS + """
                    select coalesce(s.id, r.member_id::text), s.version, r.version
                    from members s full join matching_member r on r.member_id::text = s.id
                    where s.version is distinct from r.version""",
            "feed_member", STREAMS + """
                    select coalesce(s.id, r.member_id::text), s.version, r.version
                    from members s full join feed_member r on r.member_id::text = s.id
                    where s.version is distinct from r.version""",
            "account", STREAMS + """
                    select coalesce(s.id, r.member_id::text), s.id is null, r.member_id is null
                    from members s full join account r on r.member_id::text = s.id
                    where s.id is null or r.member_id is null""",
            "connection_view", STREAMS + """
                    select coalesce(s.id, r.connection_id::text), s.version, r.version
                    from connections s full join connection_view r on r.connection_id::text = s.id
                    where s.version is distinct from r.version""",
            "connection_lookup", STREAMS + """
                    select coalesce(s.id, r.connection_id::text), s.id is null, r.connection_id is null
                    from connections s full join connection_lookup r on r.connection_id::text = s.id
                    where s.id is null or r.connection_id is null""",
            "connection_view pairs", """
                    select requester_id, addressee_id, count(*) from connection_view
                    group by requester_id, addressee_id having count(*) > 1""",
            "feed_entry without its event", """
                    select f.event_id, f.part, f.kind from feed_entry f
                    where not exists (select 1 from domain_event_entry e where e.event_identifier = f.event_id)""",
            "connection requests without their feed entry", """
                    select e.event_identifier from domain_event_entry e
                    where e.payload_type like '%$ConnectionRequestedEvent'
                      and not exists (select 1 from feed_entry f where f.event_id = e.event_identifier)""",
            "dead_letter_entry", "select processing_group, event_identifier, cause_message from dead_letter_entry");

    /** Empty once every read model agrees; what still disagrees when they have not within {@link #CATCH_UP}. */
    private static List<String> awaitReadModelsAgree(Connection db) throws SQLException {
        AtomicReference<List<String>> last = new AtomicReference<>(List.of());
        try {
            await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> {
                last.set(readModelDisagreements(db));
                return last.get().isEmpty();
            });
        } catch (ConditionTimeoutException stillDisagreeing) {
            // the caller asserts on what still disagrees, which says more than the timeout
        }
        return last.get();
    }

    private static List<String> readModelDisagreements(Connection db) throws SQLException {
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, String> check : new TreeMap<>(AGREEMENT).entrySet()) {
            try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery(check.getValue())) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next() && disagreements.size() < 50) {
                    List<String> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(rows.getString(c));
                    }
                    disagreements.add(check.getKey() + ": " + row);
                }
            }
        }
        return disagreements;
    }

    /**
     * Each writer's own profile as the API shows it: at the version the event store holds; and if that
     * is the last acknowledged version, with the name that update wrote, otherwise with the name of an
     * update sent after it and never answered (the only writes that may have been kept unacknowledged).
     */
    private static List<String> checkProfilesReadBack(Api api, List<Writer> writers, Map<String, Long> lastVersions) {
        List<String> wrong = new ArrayList<>();
        for (Writer writer : writers) {
            Api.Response me = api.get("/api/v1/members/me", writer.member.token(api));
            long version = me.json().get("version").asLong();
            String name = me.json().get("displayName").asText();
            long stored = lastVersions.get(writer.member.id);
            int lastAcknowledged = -1;
            for (int i = 0; i < writer.profileWrites.size(); i++) {
                if (writer.profileWrites.get(i).acknowledgedVersion != null) {
                    lastAcknowledged = i;
                }
            }
            Set<String> allowed = new HashSet<>();
            if (writer.profileWrites.isEmpty()) {
                // a writer whose every turn was a connection request still has the name it registered with
                allowed.add(writer.registeredName);
            } else if (lastAcknowledged >= 0
                       && writer.profileWrites.get(lastAcknowledged).acknowledgedVersion == version) {
                allowed.add(writer.profileWrites.get(lastAcknowledged).displayName);
            } else {
                writer.profileWrites.subList(lastAcknowledged + 1, writer.profileWrites.size())
                        .forEach(w -> allowed.add(w.displayName));
            }
            if (version != stored || !allowed.contains(name)) {
                wrong.add(writer.member.id + " shows " + name + " at version " + version + "; store at " + stored
                          + ", expected one of " + allowed);
            }
        }
        return wrong;
    }

    // --- the clients

    private static Map<String, Object> profile(String displayName, boolean visibleInNetwork) {
        return Map.of("displayName", displayName, "region", "LONDON", "remote", true, "stage", "EMERGING",
                "roles", List.of("PRACTITIONER"), "sectors", List.of("CHARITY"),
                "needs", List.of("FUNDRAISING_AND_FINANCE"), "strengths", List.of("STRATEGIC_THINKING"),
                "visibleInNetwork", visibleInNetwork);
    }

    /** A member the test can sign in as again: tokens expire, and a long run outlives them. */
    private static final class Account {
        private static final Duration TOKEN_KEPT = Duration.ofMinutes(10);

        final String id;
        final String email;
        private String token;
        private Instant signedInAt;

        private Account(String id, String email) {
            this.id = id;
            this.email = email;
        }

        static Account register(Api api, String displayName) {
            String email = newEmail();
            Api.Response created = api.post("/api/v1/accounts", null, registration(email, displayName));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            Account account = new Account(created.json().get("memberId").asText(), email);
            account.token(api);
            return account;
        }

        static String newEmail() {
            return "crash-" + UUID.randomUUID() + "@example.org";
        }

        static Map<String, Object> registration(String email, String displayName) {
            return Map.of("email", email, "password", PASSWORD, "displayName", displayName);
        }

        String token(Api api) {
            if (token == null || signedInAt.plus(TOKEN_KEPT).isBefore(Instant.now())) {
                token = api.signIn(email, PASSWORD);
                signedInAt = Instant.now();
            }
            return token;
        }
    }

    private static final class ProfileWrite {
        final String displayName;
        Long acknowledgedVersion;

        ProfileWrite(String displayName) {
            this.displayName = displayName;
        }
    }

    /**
     * One client: updates its own member's profile and sends connection requests from a member of its
     * own to the targets, each pair once (a pair may have only one open connection), registering a new
     * requester when one has asked every target. One request at a time, so at most one write of each
     * client is in flight when the app dies. Everything it was told is recorded.
     */
    private static final class Writer {
        final int index;
        final Api api;
        final List<Account> targets;
        final Random random;
        final Account member;
        final List<ProfileWrite> profileWrites = new ArrayList<>();
        final String registeredName;
        final List<String> acknowledgedConnections = new ArrayList<>();
        final List<String> acknowledgedRegistrations = new ArrayList<>();
        final Map<String, Integer> failures = new TreeMap<>();
        final AtomicLong acks = new AtomicLong();
        int unacknowledgedConnections;
        int unacknowledgedRegistrations;
        private Account requester;
        private int nextTarget;

        Writer(int index, Api api, List<Account> targets, Random random) {
            this.index = index;
            this.api = api;
            this.targets = targets;
            this.random = random;
            this.registeredName = "Writer " + index;
            this.member = Account.register(api, registeredName);
            this.requester = member;
        }

        /**
         * Writes until the app stops answering (it was killed), then waits for the end of the cycle: a
         * client hammering a dead port would only add attempts that never reached the app.
         */
        void writeUntil(AtomicBoolean stopped) {
            boolean answered = true;
            while (answered && !stopped.get()) {
                try {
                    answered = random.nextBoolean() ? updateProfile() : requestConnection();
                } catch (RuntimeException signInFailed) {
                    failures.merge(signInFailed.getClass().getSimpleName(), 1, Integer::sum);
                    answered = false;
                }
            }
            while (!stopped.get()) {
                LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
            }
        }

        int unacknowledged() {
            return (int) profileWrites.stream().filter(w -> w.acknowledgedVersion == null).count()
                   + unacknowledgedConnections + unacknowledgedRegistrations;
        }

        /** @return whether the app answered */
        private boolean updateProfile() {
            String token = member.token(api);
            ProfileWrite write = new ProfileWrite("Writer " + index + " #" + profileWrites.size());
            profileWrites.add(write);
            Api.Response answer = answer(() -> api.put("/api/v1/members/me/profile", token,
                    profile(write.displayName, false)));
            if (answer != null && answer.status() == 200) {
                write.acknowledgedVersion = Long.parseLong(answer.header("ETag").replaceAll("[W/\"]", ""));
                acks.incrementAndGet();
            }
            return answer != null;
        }

        /** @return whether the app answered */
        private boolean requestConnection() {
            if (nextTarget == targets.size()) {
                return registerRequester();
            }
            String token = requester.token(api);
            String to = targets.get(nextTarget++).id;
            Api.Response answer = answer(() -> api.post("/api/v1/connections", token, Map.of("to", to)));
            if (answer != null && answer.status() == 201) {
                acknowledgedConnections.add(answer.json().get("connectionId").asText());
                acks.incrementAndGet();
            } else {
                unacknowledgedConnections++;
            }
            return answer != null;
        }

        /** A new requester once this one has asked every target. */
        private boolean registerRequester() {
            String email = Account.newEmail();
            Api.Response answer = answer(() -> api.post("/api/v1/accounts", null,
                    Account.registration(email, "Requester " + index)));
            if (answer != null && answer.status() == 201) {
                acknowledgedRegistrations.add(answer.json().get("memberId").asText());
                acks.incrementAndGet();
                requester = new Account(answer.json().get("memberId").asText(), email);
                nextTarget = 0;
            } else {
                unacknowledgedRegistrations++;
            }
            return answer != null;
        }

        /** The answer, or null when there was none (the app died with the request in flight). */
        private Api.Response answer(Supplier<Api.Response> request) {
            try {
                Api.Response answer = request.get();
                if (answer.status() / 100 != 2) {
                    failures.merge(Integer.toString(answer.status()), 1, Integer::sum);
                }
                return answer;
            } catch (RuntimeException noAnswer) {
                failures.merge(noAnswer.getClass().getSimpleName(), 1, Integer::sum);
                return null;
            }
        }
    }
}
