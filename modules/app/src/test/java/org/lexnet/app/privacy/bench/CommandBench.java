package org.lexnet.app.privacy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * Command throughput with personal data in the commands (run by {@code scripts/command-bench}, not by the
 * build): against a running app, C closed-loop clients each send one command at a time, cycling through
 * a mix of kinds, and the 2xx answers are counted per second. Three kinds carry personal values that
 * the app seals as it stores them (docs/privacy.md): a profile update (a new name and region each time),
 * a change of lived-experience areas, a connection request with a message; the fourth, the withdrawal
 * of a request made earlier, carries none but loads the request (and so opens its message). The default
 * mix is all four in turn; {@code --mix} picks some of them, to see what one kind costs.
 *
 * <p>Each client owns its own members ({@code index % clients}) and asks to connect only among them,
 * one request open at a time, so no two commands ever race for one aggregate or one pair: every answer
 * that is not 2xx is a finding, not a collision of the load with itself. The content is the same on
 * every run, so the same client measures any build of the app, the release before sealing included.
 *
 * <p>With {@code --server-pid} and {@code --postgres-pid} it also reads from /proc the CPU time the
 * server and its PostgreSQL used in the measured period, and what the rest of the machine used: on a
 * shared machine the throughput follows what the others leave over, the CPU time per command much less.
 */
public final class CommandBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "command bench passphrase";
    private static final List<String> VISIBILITIES = List.of("PRIVATE", "MATCHING", "MENTORS", "NETWORK");
    private static final long TICKS_PER_SECOND = 100;

    /** The command kinds, in the order every client cycles through them. */
    enum Kind {
        PROFILE("profile update"),
        LIVED_EXPERIENCE("lived-experience change"),
        CONNECTION_REQUEST("connection request"),
        WITHDRAWAL("withdrawal");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Kind of(String key) {
            for (Kind kind : values()) {
                if (kind.key().equals(key)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("no command kind '" + key + "'; the kinds: "
                                               + java.util.Arrays.stream(values()).map(Kind::key).toList());
        }
    }

    record Member(int index, String id, String token) {
    }

    record OpenRequest(String connectionId, Member requester) {
    }

    private final Options options;
    private final HttpClient http;
    private Taxonomy taxonomy;
    /** Events on each member's stream that the load added (profile updates and area changes). */
    private AtomicIntegerArray addedEvents = new AtomicIntegerArray(0);

    private CommandBench(Options options) {
        this.options = options;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    public static void main(String[] args) throws Exception {
        new CommandBench(Options.parse(args)).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "command-bench base=%s members=%d clients=%d warmup=%ds measure=%ds mix=%s "
                                       + "cores=%d%n", options.base, options.members, options.clients,
                options.warmupSeconds, options.seconds,
                options.mix.stream().map(Kind::key).collect(Collectors.joining(",")),
                Runtime.getRuntime().availableProcessors());
        long setupStart = System.nanoTime();
        List<Member> members = registerAll();
        addedEvents = new AtomicIntegerArray(members.size());
        System.out.printf(Locale.ROOT, "setup: %d members with profiles and areas in %.1f s%n", members.size(),
                (System.nanoTime() - setupStart) / 1e9);
        awaitGo();

        int buckets = options.seconds;
        Map<Kind, AtomicLongArray> perSecond = new EnumMap<>(Kind.class);
        Map<Kind, Latencies> latencies = new EnumMap<>(Kind.class);
        Map<Kind, AtomicInteger> failures = new EnumMap<>(Kind.class);
        for (Kind kind : Kind.values()) {
            perSecond.put(kind, new AtomicLongArray(buckets));
            latencies.put(kind, new Latencies());
            failures.put(kind, new AtomicInteger());
        }
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();

        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(options.seconds);
        ExecutorService clients = Executors.newFixedThreadPool(options.clients, daemon("bench-client"));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (int c = 0; c < options.clients; c++) {
            List<Member> own = new ArrayList<>();
            for (Member m : members) {
                if (m.index() % options.clients == c) {
                    own.add(m);
                }
            }
            Client client = new Client(c, own);
            running.add(CompletableFuture.runAsync(() -> client.loop(end, (kind, sent, answered, status, body) -> {
                if (answered < measureFrom || answered >= end) {
                    return;
                }
                if (status / 100 == 2) {
                    perSecond.get(kind).incrementAndGet((int) ((answered - measureFrom) / 1_000_000_000L));
                    latencies.get(kind).add(answered - sent);
                } else {
                    failures.get(kind).incrementAndGet();
                    if (failed.size() < 5) {
                        failed.add(kind.key() + " " + status + " " + body);
                    }
                }
            }), clients));
        }

        sleepUntil(measureFrom);
        CpuSample before = CpuSample.take(options.serverPid, options.postgresPid);
        String loadBefore = loadAverage();
        sleepUntil(end);
        CpuSample after = CpuSample.take(options.serverPid, options.postgresPid);
        String loadAfter = loadAverage();
        for (CompletableFuture<Void> client : running) {
            client.get(2, TimeUnit.MINUTES);
        }
        clients.shutdown();

        report(perSecond, latencies, failures, failed, before, after, loadBefore, loadAfter);
    }

    /** Side by side with another client: says it is ready, and starts its load when told to. */
    private void awaitGo() throws IOException, InterruptedException {
        if (options.readyFile == null) {
            return;
        }
        Files.writeString(Path.of(options.readyFile), "ready\n");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!Files.exists(Path.of(options.goFile))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no go after 10 minutes: " + options.goFile);
            }
            Thread.sleep(20);
        }
    }

    // --- one client: its own members, one command at a time

    interface Outcome {
        void record(Kind kind, long sent, long answered, int status, String body);
    }

    private final class Client {

        private final int number;
        private final List<Member> own;
        private final List<int[]> pairs = new ArrayList<>();
        private final ArrayDeque<OpenRequest> open = new ArrayDeque<>();
        private int step;
        private int nextPair;

        Client(int number, List<Member> own) {
            this.number = number;
            this.own = own;
            for (int a = 0; a < own.size(); a++) {
                for (int b = a + 1; b < own.size(); b++) {
                    pairs.add(new int[]{a, b});
                    pairs.add(new int[]{b, a});
                }
            }
        }

        void loop(long end, Outcome outcome) {
            while (System.nanoTime() < end) {
                Kind kind = options.mix.get(step % options.mix.size());
                Member member = own.get((step / options.mix.size()) % own.size());
                step++;
                long sent = System.nanoTime();
                HttpResponse<String> response;
                try {
                    response = send(kind, member);
                } catch (RuntimeException e) {
                    outcome.record(kind, sent, System.nanoTime(), 0, e.toString());
                    continue;
                }
                if (response == null) {
                    continue;
                }
                outcome.record(kind, sent, System.nanoTime(), response.statusCode(), response.body());
                if ((kind == Kind.PROFILE || kind == Kind.LIVED_EXPERIENCE) && response.statusCode() == 200) {
                    addedEvents.incrementAndGet(member.index());
                }
            }
        }

        /** The next command of this kind; null when there is nothing to withdraw. */
        private HttpResponse<String> send(Kind kind, Member member) {
            int n = step;
            return switch (kind) {
                case PROFILE -> call("PUT", "/api/v1/members/me/profile", member.token(), profile(member, n));
                case LIVED_EXPERIENCE -> call("PUT", "/api/v1/members/me/lived-experience", member.token(),
                        Map.of("areas", areas(member.index() + n)));
                case CONNECTION_REQUEST -> {
                    int[] pair = pairs.get(nextPair++ % pairs.size());
                    Member from = own.get(pair[0]);
                    Member to = own.get(pair[1]);
                    HttpResponse<String> response = call("POST", "/api/v1/connections", from.token(),
                            Map.of("to", to.id(), "message", message(from, to, n)));
                    if (response.statusCode() == 201) {
                        open.add(new OpenRequest(json(response.body()).get("connectionId").asText(), from));
                    }
                    yield response;
                }
                case WITHDRAWAL -> {
                    OpenRequest request = open.poll();
                    yield request == null ? null : call("POST", "/api/v1/connections/" + request.connectionId()
                                                                + "/withdraw", request.requester().token(), null);
                }
            };
        }

        private String message(Member from, Member to, int n) {
            return "Hello from bench member " + from.index() + " to " + to.index() + " (client " + number
                   + ", step " + n + "): I run a small peer-support group and would like to compare notes "
                   + "on funding applications and on keeping volunteers well. Would you have half an hour?";
        }
    }

    // --- content

    private Map<String, Object> profile(Member member, int n) {
        Map<String, Object> profile = new LinkedHashMap<>();
        profile.put("displayName", "Bench Member " + member.index() + " v" + n);
        profile.put("region", pick(taxonomy.regions, member.index() + n));
        profile.put("remote", n % 2 == 0);
        profile.put("stage", pick(taxonomy.stages, member.index()));
        profile.put("managementYears", pick(taxonomy.managementYears, n));
        profile.put("roles", List.of(pick(taxonomy.roles, n)));
        profile.put("sectors", List.of(pick(taxonomy.sectors, member.index())));
        profile.put("needs", List.of(pick(taxonomy.competencies, n), pick(taxonomy.competencies, n + 5)));
        profile.put("strengths", List.of(pick(taxonomy.competencies, n + 1)));
        profile.put("learningPreferences", List.of(pick(taxonomy.learningPreferences, n)));
        // the addressee of a connection request must be visible in the network
        profile.put("visibleInNetwork", true);
        return profile;
    }

    /** One to four distinct areas, each with some visibility. */
    private List<Map<String, String>> areas(int n) {
        List<Map<String, String>> areas = new ArrayList<>();
        int count = 1 + Math.floorMod(n, 4);
        for (int i = 0; i < count; i++) {
            areas.add(Map.of("code", pick(taxonomy.areas, n + 3 * i),
                    "visibility", pick(VISIBILITIES, n + i)));
        }
        return areas;
    }

    private static String pick(List<String> codes, int n) {
        return codes.get(Math.floorMod(n, codes.size()));
    }

    // --- members

    private List<Member> registerAll() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8, daemon("bench-setup"));
        List<CompletableFuture<Member>> registering = new ArrayList<>();
        for (int i = 0; i < options.members; i++) {
            int index = i;
            registering.add(CompletableFuture.supplyAsync(() -> register(index), pool));
        }
        List<Member> members = new ArrayList<>();
        for (CompletableFuture<Member> m : registering) {
            members.add(m.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return members;
    }

    private Member register(int index) {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> created = call("POST", "/api/v1/accounts", null, Map.of("email", email,
                "password", PASSWORD, "displayName", "Bench Member " + index));
        expect(created, 201);
        String id = json(created.body()).get("memberId").asText();
        HttpResponse<String> signedIn = call("POST", "/api/v1/auth/token", null,
                Map.of("email", email, "password", PASSWORD));
        expect(signedIn, 200);
        String token = json(signedIn.body()).get("accessToken").asText();
        synchronized (this) {
            if (taxonomy == null) {
                HttpResponse<String> terms = call("GET", "/api/v1/taxonomy", token, null);
                expect(terms, 200);
                taxonomy = Taxonomy.of(json(terms.body()));
            }
        }
        Member member = new Member(index, id, token);
        expect(call("PUT", "/api/v1/members/me/profile", token, profile(member, 0)), 200);
        expect(call("PUT", "/api/v1/members/me/lived-experience", token, Map.of("areas", areas(index))), 200);
        return member;
    }

    record Taxonomy(List<String> stages, List<String> areas, List<String> roles, List<String> sectors,
                    List<String> regions, List<String> competencies, List<String> learningPreferences,
                    List<String> managementYears) {

        static Taxonomy of(JsonNode terms) {
            return new Taxonomy(codes(terms, "stages"), codes(terms, "areas"), codes(terms, "roles"),
                    codes(terms, "sectors"), codes(terms, "regions"), codes(terms, "competencies"),
                    codes(terms, "learningPreferences"), codes(terms, "managementYears"));
        }

        private static List<String> codes(JsonNode terms, String kind) {
            List<String> codes = new ArrayList<>();
            terms.path(kind).forEach(term -> codes.add(term.path("code").asText()));
            if (codes.isEmpty()) {
                throw new IllegalStateException("the taxonomy has no " + kind);
            }
            return codes;
        }
    }

    // --- HTTP

    private HttpResponse<String> call(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(options.base + path))
                    .timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " → "
                                            + response.statusCode() + " " + response.body());
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
        }
    }

    // --- results

    /** Latencies of one kind, in nanoseconds. */
    private static final class Latencies {
        private final ConcurrentLinkedQueue<Long> values = new ConcurrentLinkedQueue<>();

        void add(long nanos) {
            values.add(nanos);
        }

        double percentileMillis(int percentile) {
            List<Long> sorted = new ArrayList<>(values);
            if (sorted.isEmpty()) {
                return Double.NaN;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
        }
    }

    private void report(Map<Kind, AtomicLongArray> perSecond, Map<Kind, Latencies> latencies,
                        Map<Kind, AtomicInteger> failures, ConcurrentLinkedQueue<String> failed, CpuSample before,
                        CpuSample after, String loadBefore, String loadAfter) {
        int seconds = options.seconds;
        long[] overallPerSecond = new long[seconds];
        long total = 0;
        int totalFailures = 0;
        Map<Kind, Double> rates = new EnumMap<>(Kind.class);
        for (Kind kind : options.mix) {
            AtomicLongArray counts = perSecond.get(kind);
            long count = 0;
            for (int s = 0; s < seconds; s++) {
                count += counts.get(s);
                overallPerSecond[s] += counts.get(s);
            }
            total += count;
            totalFailures += failures.get(kind).get();
            rates.put(kind, count / (double) seconds);
            System.out.printf(Locale.ROOT, "%-24s %7.1f/s  (%d in %d s, failed %d)  latency p50 %.1f ms, p99 %.1f ms%n",
                    kind.label, count / (double) seconds, count, seconds, failures.get(kind).get(),
                    latencies.get(kind).percentileMillis(50), latencies.get(kind).percentileMillis(99));
        }
        long[] sortedSeconds = overallPerSecond.clone();
        java.util.Arrays.sort(sortedSeconds);
        double overall = total / (double) seconds;
        System.out.printf(Locale.ROOT, "%-24s %7.1f/s  (%d in %d s, failed %d)  per second: min %d, median %d, max %d%n",
                "all commands", overall, total, seconds, totalFailures, sortedSeconds[0],
                sortedSeconds[seconds / 2], sortedSeconds[seconds - 1]);
        failed.forEach(f -> System.out.println("  failed: " + f));
        long added = 0;
        int longest = 0;
        for (int i = 0; i < addedEvents.length(); i++) {
            added += addedEvents.get(i);
            longest = Math.max(longest, addedEvents.get(i));
        }
        // a member's stream also holds their registration and the first profile and areas
        System.out.printf(Locale.ROOT, "member streams at the end: %.1f events on average, %d the longest (every "
                                       + "member command and every connection request loads one whole)%n",
                3 + added / (double) Math.max(1, addedEvents.length()), 3 + longest);
        System.out.println("load average: " + loadBefore + " at the start of the measured period, " + loadAfter
                           + " at its end");

        Map<String, String> result = new LinkedHashMap<>();
        result.put("overall", String.format(Locale.ROOT, "%.1f", overall));
        for (Kind kind : options.mix) {
            result.put(kind.key(), String.format(Locale.ROOT, "%.1f", rates.get(kind)));
        }
        for (Kind kind : options.mix) {
            result.put("p50-" + kind.key(), String.format(Locale.ROOT, "%.1f", latencies.get(kind).percentileMillis(50)));
        }
        result.put("failed", Integer.toString(totalFailures));
        if (before != null && after != null) {
            CpuSample used = after.minus(before);
            double wall = seconds;
            double serverSeconds = (used.server + used.postgres) / (double) TICKS_PER_SECOND;
            System.out.printf(Locale.ROOT, "server CPU: %.1f s app + %.1f s PostgreSQL in %d s (%.2f of %d cores); "
                                           + "%.2f ms per command (%.2f app + %.2f PostgreSQL)%n",
                    used.server / (double) TICKS_PER_SECOND, used.postgres / (double) TICKS_PER_SECOND, seconds,
                    serverSeconds / wall, Runtime.getRuntime().availableProcessors(),
                    total == 0 ? Double.NaN : serverSeconds * 1000 / total,
                    total == 0 ? Double.NaN : used.server * 1000.0 / TICKS_PER_SECOND / total,
                    total == 0 ? Double.NaN : used.postgres * 1000.0 / TICKS_PER_SECOND / total);
            System.out.printf(Locale.ROOT, "machine CPU: %.2f cores busy: %.2f server, %.2f this client, %.2f everything "
                                           + "else%n", used.busy / (double) TICKS_PER_SECOND / wall,
                    serverSeconds / wall, used.client / (double) TICKS_PER_SECOND / wall,
                    (used.busy - used.server - used.postgres - used.client) / (double) TICKS_PER_SECOND / wall);
            result.put("cpu-ms-per-command", String.format(Locale.ROOT, "%.3f",
                    total == 0 ? Double.NaN : serverSeconds * 1000 / total));
            result.put("others-cores", String.format(Locale.ROOT, "%.2f",
                    (used.busy - used.server - used.postgres - used.client) / (double) TICKS_PER_SECOND / wall));
        }
        result.put("load", loadAfter.split(" ")[0]);
        System.out.println("result " + result.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** CPU ticks from /proc: the server, its PostgreSQL (the postmaster and every backend), this client, all. */
    record CpuSample(long server, long postgres, long client, long busy) {

        static CpuSample take(long serverPid, long postgresPid) {
            if (serverPid <= 0 || !Files.isReadable(Path.of("/proc/stat"))) {
                return null;
            }
            long postgres = 0;
            if (postgresPid > 0) {
                // the postmaster's own time with that of its children already gone, plus the living ones
                postgres = ticks(postgresPid, true);
                postgres += ProcessHandle.of(postgresPid).stream().flatMap(ProcessHandle::descendants)
                        .mapToLong(p -> ticks(p.pid(), false)).sum();
            }
            return new CpuSample(ticks(serverPid, false), postgres, ticks(ProcessHandle.current().pid(), false),
                    busyTicks());
        }

        CpuSample minus(CpuSample earlier) {
            return new CpuSample(server - earlier.server, postgres - earlier.postgres, client - earlier.client,
                    busy - earlier.busy);
        }

        private static long ticks(long pid, boolean withReapedChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // fields 14 and 15 of proc(5) (utime, stime), then 16 and 17 (cutime, cstime)
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                return withReapedChildren ? ticks + Long.parseLong(f[13]) + Long.parseLong(f[14]) : ticks;
            } catch (IOException | RuntimeException gone) {
                return 0;
            }
        }

        private static long busyTicks() {
            try {
                String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // cpu user nice system idle iowait irq softirq steal
                return Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                       + Long.parseLong(f[7]) + Long.parseLong(f[8]);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * @param mix       the kinds every client cycles through, in order
     * @param readyFile written once the members are registered (null: the load starts at once)
     * @param goFile    the load starts once this file exists
     */
    record Options(String base, int members, int clients, int warmupSeconds, int seconds, List<Kind> mix,
                   long serverPid, long postgresPid, String readyFile, String goFile) {

        static Options parse(String[] args) {
            Map<String, String> given = new LinkedHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            Options options = new Options(given.getOrDefault("base", "http://localhost:8080"),
                    Integer.parseInt(given.getOrDefault("members", "64")),
                    Integer.parseInt(given.getOrDefault("clients", "8")),
                    Integer.parseInt(given.getOrDefault("warmup", "10")),
                    Integer.parseInt(given.getOrDefault("seconds", "20")),
                    java.util.Arrays.stream(given.getOrDefault("mix",
                                    "profile,lived-experience,connection-request,withdrawal").split(","))
                            .map(String::strip).map(Kind::of).toList(),
                    Long.parseLong(given.getOrDefault("server-pid", "0")),
                    Long.parseLong(given.getOrDefault("postgres-pid", "0")),
                    given.get("ready-file"), given.get("go-file"));
            if ((options.readyFile == null) != (options.goFile == null)) {
                throw new IllegalArgumentException("--ready-file and --go-file go together");
            }
            if (options.members < 2 * options.clients) {
                throw new IllegalArgumentException("--members must be at least twice --clients: each client asks "
                                                   + "to connect among its own members");
            }
            if (options.mix.contains(Kind.CONNECTION_REQUEST) != options.mix.contains(Kind.WITHDRAWAL)) {
                throw new IllegalArgumentException("--mix: connection-request and withdrawal go together (a pair "
                                                   + "can be asked again only once its request is withdrawn)");
            }
            return options;
        }
    }
}
