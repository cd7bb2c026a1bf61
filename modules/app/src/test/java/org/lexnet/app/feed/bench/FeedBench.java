package org.lexnet.app.feed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The live-feed benchmark (run by {@code scripts/feed-bench}, not by the build): against a running app,
 * N STOMP subscribers and a steady command rate; measures the time from a command's HTTP response to
 * the delivery of its feed entry at the subscriber. Two phases in one run, on one server: first 1
 * subscriber (the baseline), then N.
 *
 * <p>The load: other members ask subscribers to connect ({@code POST /api/v1/connections {to}} →
 * CONNECTION_REQUESTED on that subscriber's queue, the measured entry) and withdraw the request again
 * (CONNECTION_WITHDRAWN, delivered but not measured); a separate member opens and closes a mentor offer a
 * few times a second (MENTOR_OFFER_OPENED on /topic/network, to every subscriber: the fan-out figure).
 * Commands are sent open-loop at a fixed rate (a slow response does not slow the load). With
 * {@code --subscribe-base} the subscribers connect to another node than the one the commands go to, and
 * the figures are those of delivery across nodes ({@code scripts/feed-bench --nodes 2}).
 *
 * <p>Both phases send the same command stream: requests go to a member drawn at random from all N
 * (so the server's work does not depend on who listens), except a fixed share ({@code --probe-percent})
 * that goes to member 0, the one subscriber of the first phase, so the baseline has enough samples
 * without making member 0 a hot spot (the command side loads the addressee's Member aggregate for
 * every request, which serialises requests to one member).
 */
public final class FeedBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "feed bench passphrase";
    private static final String TOGGLER_STAGE = "ASPIRING";
    private static final String BARRIER_STAGE = "EXPERIENCED";

    private final String base;
    /** Where the subscribers connect: another node than the commands' to measure delivery across nodes. */
    private final String subscribeBase;
    private final Options options;
    private final HttpClient http;
    private final WebSocketStompClient stomp;

    private final Map<String, Long> requestArrivals = new ConcurrentHashMap<>();
    private final Queue<long[]> publicArrivals = new ConcurrentLinkedQueue<>();
    private volatile AtomicLongArray barrierSeen = new AtomicLongArray(0);
    private volatile int[] offerCounters = new int[0];

    private FeedBench(Options options) {
        this.options = options;
        this.base = options.base;
        this.subscribeBase = options.subscribeBase;
        ExecutorService httpThreads = Executors.newFixedThreadPool(16, daemon("bench-http"));
        this.http = HttpClient.newBuilder().executor(httpThreads).connectTimeout(Duration.ofSeconds(5)).build();
        ThreadPoolTaskScheduler heartbeats = new ThreadPoolTaskScheduler();
        heartbeats.setPoolSize(2);
        heartbeats.setDaemon(true);
        heartbeats.initialize();
        this.stomp = new WebSocketStompClient(new StandardWebSocketClient());
        this.stomp.setMessageConverter(new MappingJackson2MessageConverter());
        this.stomp.setTaskScheduler(heartbeats);
        this.stomp.setInboundMessageSizeLimit(64 * 1024);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        new FeedBench(options).run();
        System.exit(0);
    }

    record Member(int index, String id, String token) {
    }

    private void run() throws Exception {
        System.out.printf(Locale.ROOT, "feed-bench base=%s subscribeBase=%s subscribers=%d rate=%d/s publicPerSecond=%d"
                        + " warmup=%ds measure=%ds askers=%d probePercent=%d cores=%d%n", base, subscribeBase,
                options.subscribers, options.rate,
                options.publicPerSecond, options.warmupSeconds, options.seconds, options.askers, options.probePercent,
                Runtime.getRuntime().availableProcessors());
        long setupStart = System.nanoTime();
        List<Member> subscribers = registerAll("Subscriber", options.subscribers, "EMERGING");
        List<Member> askers = registerAll("Asker", options.askers, "EMERGING");
        Member toggler = registerAll("Toggler", 1, TOGGLER_STAGE).get(0);
        Member barrier = registerAll("Barrier", 1, BARRIER_STAGE).get(0);
        System.out.printf(Locale.ROOT, "setup: %d members with profiles in %.1f s%n",
                subscribers.size() + askers.size() + 2, (System.nanoTime() - setupStart) / 1e9);

        offerCounters = new int[subscribers.size()];
        barrierSeen = new AtomicLongArray(subscribers.size());
        List<StompSession> sessions = new ArrayList<>();
        sessions.add(connect(subscribers.get(0)));
        Phase baseline = phase("1 subscriber", subscribers, 1, askers, toggler, barrier);

        long connectStart = System.nanoTime();
        for (int from = 1; from < subscribers.size(); from += 50) {
            List<CompletableFuture<StompSession>> batch = new ArrayList<>();
            for (int i = from; i < Math.min(from + 50, subscribers.size()); i++) {
                batch.add(connectAsync(subscribers.get(i)));
            }
            for (CompletableFuture<StompSession> session : batch) {
                sessions.add(session.get(30, TimeUnit.SECONDS));
            }
        }
        System.out.printf(Locale.ROOT, "connected %d STOMP sessions in %.1f s%n", sessions.size(),
                (System.nanoTime() - connectStart) / 1e9);
        Phase loaded = phase(subscribers.size() + " subscribers", subscribers, subscribers.size(), askers, toggler,
                barrier);

        System.out.println();
        System.out.println("| subscribers | commands/s sent | private deliveries p50 / p99 / max (ms) | public deliveries p50 / p99 / max (ms) | HTTP response p50 / p99 (ms) |");
        System.out.println("|---|---|---|---|---|");
        System.out.println(baseline.row());
        System.out.println(loaded.row());
        sessions.forEach(s -> {
            if (s.isConnected()) {
                s.disconnect();
            }
        });
    }

    // --- one measured phase

    /** The first {@code listening} of the members are connected; requests go to all of them. */
    private Phase phase(String name, List<Member> members, int listening, List<Member> askers, Member toggler,
                        Member barrier) throws Exception {
        List<Member> subscribers = members.subList(0, listening);
        awaitBarrier(subscribers, barrier);
        requestArrivals.clear();
        publicArrivals.clear();
        offerCounters = new int[offerCounters.length];

        int publicCommandsPerSecond = 2 * options.publicPerSecond;
        int privateRate = options.rate - publicCommandsPerSecond;
        long durationNanos = TimeUnit.SECONDS.toNanos(options.warmupSeconds + options.seconds);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(options.warmupSeconds);
        long end = start + durationNanos;

        Map<String, long[]> requestResponses = new ConcurrentHashMap<>();
        Queue<String> failed = new ConcurrentLinkedQueue<>();
        List<Long> opens = Collections.synchronizedList(new ArrayList<>());
        List<Double> httpMillis = new CopyOnWriteArrayList<>();
        AtomicLong commands = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        Queue<String[]> toWithdraw = new ConcurrentLinkedQueue<>();
        AtomicInteger tick = new AtomicInteger();
        AtomicInteger nextAsker = new AtomicInteger();
        java.util.Random random = new java.util.Random(42);

        ScheduledExecutorService load = Executors.newScheduledThreadPool(2, daemon("bench-load"));
        long periodNanos = TimeUnit.SECONDS.toNanos(1) / privateRate;
        load.scheduleAtFixedRate(() -> {
            if (System.nanoTime() >= end) {
                return;
            }
            String[] withdraw = tick.getAndIncrement() % 2 == 1 ? toWithdraw.poll() : null;
            long sent = System.nanoTime();
            commands.incrementAndGet();
            if (withdraw != null) {
                post("/api/v1/connections/" + withdraw[0] + "/withdraw", withdraw[1], null).whenComplete((r, e) -> {
                    httpMillis.add((System.nanoTime() - sent) / 1e6);
                    if (e != null || r.statusCode() != 200) {
                        failures.incrementAndGet();
                        failed.add("withdraw " + (e != null ? e : r.statusCode() + " " + r.body()));
                    }
                });
                return;
            }
            Member asker = askers.get(nextAsker.getAndIncrement() % askers.size());
            int to = random.nextInt(100) < options.probePercent ? 0 : random.nextInt(members.size());
            post("/api/v1/connections", asker.token(), Map.of("to", members.get(to).id())).whenComplete((r, e) -> {
                long answered = System.nanoTime();
                httpMillis.add((answered - sent) / 1e6);
                if (e != null || r.statusCode() != 201) {
                    failures.incrementAndGet();
                    failed.add("request " + (e != null ? e : r.statusCode() + " " + r.body()));
                    return;
                }
                String id = json(r.body()).get("connectionId").asText();
                if (sent >= measureFrom && to < listening) {
                    requestResponses.put(id, new long[]{answered, to});
                }
                toWithdraw.add(new String[]{id, asker.token()});
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);

        if (options.publicPerSecond > 0) {
            long togglePeriod = TimeUnit.SECONDS.toNanos(1) / options.publicPerSecond;
            load.scheduleAtFixedRate(() -> {
                if (System.nanoTime() >= end) {
                    return;
                }
                try {
                    long sent = System.nanoTime();
                    HttpResponse<String> open = offer(toggler, true).get(30, TimeUnit.SECONDS);
                    long answered = System.nanoTime();
                    opens.add(sent >= measureFrom ? answered : -answered);
                    HttpResponse<String> close = offer(toggler, false).get(30, TimeUnit.SECONDS);
                    commands.addAndGet(2);
                    if (open.statusCode() != 200 || close.statusCode() != 200) {
                        failures.incrementAndGet();
                    }
                } catch (Exception e) {
                    failures.incrementAndGet();
                }
            }, 0, togglePeriod, TimeUnit.NANOSECONDS);
        }

        while (System.nanoTime() < end) {
            Thread.sleep(200);
        }
        load.shutdown();
        load.awaitTermination(60, TimeUnit.SECONDS);
        // let the last entries arrive before counting what is missing
        Thread.sleep(TimeUnit.SECONDS.toMillis(options.drainSeconds));
        for (String[] left; (left = toWithdraw.poll()) != null; ) {
            post("/api/v1/connections/" + left[0] + "/withdraw", left[1], null).join();
        }

        List<Double> privateMillis = new ArrayList<>();
        List<Double> memberZeroMillis = new ArrayList<>();
        int beforeResponse = 0;
        int privateLost = 0;
        for (Map.Entry<String, long[]> response : requestResponses.entrySet()) {
            Long arrived = requestArrivals.get(response.getKey());
            if (arrived == null) {
                privateLost++;
                continue;
            }
            double millis = (arrived - response.getValue()[0]) / 1e6;
            if (millis < 0) {
                beforeResponse++;
            }
            privateMillis.add(Math.max(0, millis));
            if (response.getValue()[1] == 0) {
                memberZeroMillis.add(Math.max(0, millis));
            }
        }
        List<Double> publicMillis = new ArrayList<>();
        List<Long> openTimes = new ArrayList<>(opens);
        for (long[] arrival : publicArrivals) {
            int k = (int) arrival[1];
            if (k < openTimes.size() && openTimes.get(k) > 0) {
                publicMillis.add(Math.max(0, (arrival[2] - openTimes.get(k)) / 1e6));
            }
        }
        long measuredOpens = openTimes.stream().filter(t -> t > 0).count();
        long publicExpected = measuredOpens * subscribers.size();
        double seconds = durationNanos / 1e9;
        Phase phase = new Phase(name, subscribers.size(), commands.get() / seconds, failures.get(), privateMillis,
                memberZeroMillis, privateLost, beforeResponse, publicMillis, publicExpected - publicMillis.size(),
                httpMillis);
        System.out.println(phase.details());
        failed.stream().limit(3).forEach(f -> System.out.println("  failed command: " + f));
        return phase;
    }

    /**
     * Opens and closes an offer at a stage nobody else uses until every subscriber has seen one such
     * entry: then all of them are listening (a subscription may reach the server a little after its
     * connection).
     */
    private void awaitBarrier(List<Member> subscribers, Member barrier) throws Exception {
        for (int i = 0; i < barrierSeen.length(); i++) {
            barrierSeen.set(i, 0);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        int seen = 0;
        while (seen < subscribers.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + seen + " of " + subscribers.size() + " subscribers listen");
            }
            offer(barrier, true).get(30, TimeUnit.SECONDS);
            long roundEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            do {
                Thread.sleep(50);
                seen = 0;
                for (Member s : subscribers) {
                    seen += barrierSeen.get(s.index()) > 0 ? 1 : 0;
                }
            } while (seen < subscribers.size() && System.nanoTime() < roundEnd);
            offer(barrier, false).get(30, TimeUnit.SECONDS);
        }
        Thread.sleep(1000);
    }

    // --- members

    private List<Member> registerAll(String prefix, int count, String stage) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8, daemon("bench-setup"));
        List<CompletableFuture<Member>> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            members.add(CompletableFuture.supplyAsync(() -> register(index, prefix + " " + index, stage), pool));
        }
        List<Member> result = new ArrayList<>();
        for (CompletableFuture<Member> m : members) {
            result.add(m.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        return result;
    }

    private Member register(int index, String name, String stage) {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> created = post("/api/v1/accounts", null,
                Map.of("email", email, "password", PASSWORD, "displayName", name)).join();
        expect(created, 201);
        String id = json(created.body()).get("memberId").asText();
        HttpResponse<String> signedIn = post("/api/v1/auth/token", null, Map.of("email", email, "password", PASSWORD))
                .join();
        expect(signedIn, 200);
        Member member = new Member(index, id, json(signedIn.body()).get("accessToken").asText());
        expect(send("PUT", "/api/v1/members/me/profile", member.token(), Map.ofEntries(
                Map.entry("displayName", name), Map.entry("region", "LONDON"), Map.entry("remote", true),
                Map.entry("stage", stage), Map.entry("roles", List.of("PRACTITIONER")),
                Map.entry("sectors", List.of("CHARITY")), Map.entry("needs", List.of("FUNDRAISING_AND_FINANCE")),
                Map.entry("strengths", List.of("STRATEGIC_THINKING")), Map.entry("visibleInNetwork", true))).join(), 200);
        return member;
    }

    private CompletableFuture<HttpResponse<String>> offer(Member member, boolean open) {
        return send("PUT", "/api/v1/members/me/mentor-offer", member.token(), Map.of("capacity", 1,
                "stages", List.of("EMERGING"), "open", open));
    }

    // --- STOMP

    private StompSession connect(Member member) throws Exception {
        return connectAsync(member).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<StompSession> connectAsync(Member member) {
        StompHeaders headers = new StompHeaders();
        headers.add("Authorization", "Bearer " + member.token());
        String ws = subscribeBase.replaceFirst("^http", "ws") + "/ws";
        return stomp.connectAsync(URI.create(ws), new WebSocketHttpHeaders(), headers, new StompSessionHandlerAdapter() {
        }).thenApply(session -> {
            StompFrameHandler handler = new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders headers) {
                    return JsonNode.class;
                }

                @Override
                public void handleFrame(StompHeaders headers, Object payload) {
                    received(member.index(), (JsonNode) payload, System.nanoTime());
                }
            };
            session.subscribe("/user/queue/notifications", handler);
            session.subscribe("/topic/network", handler);
            return session;
        });
    }

    private void received(int subscriber, JsonNode entry, long at) {
        String kind = entry.path("kind").asText();
        JsonNode payload = entry.path("payload");
        if ("CONNECTION_REQUESTED".equals(kind)) {
            requestArrivals.putIfAbsent(payload.path("connectionId").asText(), at);
        } else if ("MENTOR_OFFER_OPENED".equals(kind)) {
            String stage = payload.path("stage").asText();
            if (TOGGLER_STAGE.equals(stage)) {
                int k;
                synchronized (this) {
                    k = offerCounters[subscriber]++;
                }
                publicArrivals.add(new long[]{subscriber, k, at});
            } else if (BARRIER_STAGE.equals(stage)) {
                barrierSeen.set(subscriber, at);
            }
        }
    }

    // --- HTTP

    private CompletableFuture<HttpResponse<String>> post(String path, String token, Object body) {
        return send("POST", path, token, body);
    }

    private CompletableFuture<HttpResponse<String>> send(String method, String path, String token, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpRequest built = request.build();
            // the server closes keep-alive connections idle for its connection timeout; a request sent on
            // one as it closes never reached the application (no byte came back), so it is sent again once
            return http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                    .exceptionallyCompose(failure -> closedBeforeAnswering(failure)
                            ? http.sendAsync(built, HttpResponse.BodyHandlers.ofString())
                            : CompletableFuture.failedFuture(failure));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static boolean closedBeforeAnswering(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        return cause instanceof java.io.IOException && String.valueOf(cause.getMessage()).contains("received no bytes");
    }

    private static void expect(HttpResponse<String> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().uri() + " → " + response.statusCode() + " "
                    + response.body());
        }
    }

    private static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
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

    // --- results

    record Phase(String name, int subscribers, double commandsPerSecond, int failures, List<Double> privateMillis,
                 List<Double> memberZeroMillis, int privateLost, int beforeResponse, List<Double> publicMillis,
                 long publicLost, List<Double> httpMillis) {

        String details() {
            return String.format(Locale.ROOT, "phase %s: commands/s=%.1f failedCommands=%d | private deliveries=%d "
                            + "lost=%d beforeResponse=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms (member 0: "
                            + "n=%d p50=%.1fms p99=%.1fms) | public "
                            + "deliveries=%d lost=%d p50=%.1fms p90=%.1fms p99=%.1fms max=%.1fms | http p50=%.1fms "
                            + "p99=%.1fms",
                    name, commandsPerSecond, failures, privateMillis.size(), privateLost, beforeResponse,
                    pct(privateMillis, 50), pct(privateMillis, 90), pct(privateMillis, 99), pct(privateMillis, 100),
                    memberZeroMillis.size(), pct(memberZeroMillis, 50), pct(memberZeroMillis, 99),
                    publicMillis.size(), publicLost, pct(publicMillis, 50), pct(publicMillis, 90),
                    pct(publicMillis, 99), pct(publicMillis, 100), pct(httpMillis, 50), pct(httpMillis, 99));
        }

        String row() {
            return String.format(Locale.ROOT, "| %d | %.0f | %.1f / %.1f / %.1f (n=%d, lost %d) | %.1f / %.1f / %.1f "
                            + "(n=%d, lost %d) | %.1f / %.1f |", subscribers, commandsPerSecond,
                    pct(privateMillis, 50), pct(privateMillis, 99), pct(privateMillis, 100), privateMillis.size(),
                    privateLost, pct(publicMillis, 50), pct(publicMillis, 99), pct(publicMillis, 100),
                    publicMillis.size(), publicLost, pct(httpMillis, 50), pct(httpMillis, 99));
        }

        private static double pct(List<Double> values, int percentile) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            List<Double> sorted = new ArrayList<>(values);
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
        }
    }

    record Options(String base, String subscribeBase, int subscribers, int rate, int publicPerSecond, int warmupSeconds, int seconds,
                   int drainSeconds, int askers, int probePercent) {

        static Options parse(String[] args) {
            Map<String, String> given = new ConcurrentHashMap<>();
            for (int i = 0; i + 1 < args.length; i += 2) {
                if (!args[i].startsWith("--")) {
                    throw new IllegalArgumentException("expected --name value, got " + args[i]);
                }
                given.put(args[i].substring(2), args[i + 1]);
            }
            String base = given.getOrDefault("base", "http://localhost:8080");
            Options options = new Options(base, given.getOrDefault("subscribe-base", base),
                    Integer.parseInt(given.getOrDefault("subscribers", "1000")),
                    Integer.parseInt(given.getOrDefault("rate", "200")),
                    Integer.parseInt(given.getOrDefault("public-per-second", "5")),
                    Integer.parseInt(given.getOrDefault("warmup", "10")),
                    Integer.parseInt(given.getOrDefault("seconds", "30")),
                    Integer.parseInt(given.getOrDefault("drain", "5")),
                    Integer.parseInt(given.getOrDefault("askers", "300")),
                    Integer.parseInt(given.getOrDefault("probe-percent", "5")));
            if (options.rate <= 2 * options.publicPerSecond) {
                throw new IllegalArgumentException("--rate must exceed twice --public-per-second");
            }
            return options;
        }
    }
}
