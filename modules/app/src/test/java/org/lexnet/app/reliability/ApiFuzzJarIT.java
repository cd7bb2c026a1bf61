package org.lexnet.app.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.reliability.OpenApiFuzzRequests.Operation;
import org.lexnet.app.reliability.OpenApiFuzzRequests.Request;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;
import org.lexnet.app.support.People;
import org.lexnet.app.support.RawHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar against thousands of requests generated from its own OpenAPI document
 * ({@link OpenApiFuzzRequests}): every operation of every path, with real and malformed ids, hostile
 * query values, tokens, headers and bodies. Every answer must be below 500, every error problem+json
 * with the HTTP status in its body, no body may show a stack trace, a package name or Tomcat's page;
 * what the schema, the taxonomy or the token rules forbid must be refused (4xx), a body over 64 KB
 * refused with 413. Afterwards every event processor runs with no dead letter (nothing sent may have
 * poisoned a projection), the app is ready and its log holds no ERROR. All violations are collected and
 * reported together, grouped by operation and kind; every exchange is in {@code requests.log} beside
 * the app's log, both kept when the test fails.
 * <p>
 * {@code -Dlexnet.fuzz.seed} repeats a run's requests (not the server's timing, nor their interleaving
 * across the {@code -Dlexnet.fuzz.clients} that send them, 4 by default).
 */
class ApiFuzzJarIT {

    private static final long SEED = Long.getLong("lexnet.fuzz.seed", System.nanoTime());
    private static final int CLIENTS = Integer.getInteger("lexnet.fuzz.clients", 4);
    private static final String ADMIN_EMAIL = "fuzz-admin@example.org";
    private static final String ADMIN_PASSWORD = "fuzz admin passphrase";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s+ERROR\\b");
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "org.springframework", "org.lexnet",
            "<html", "<HTML", "Apache Tomcat");
    private static final ObjectMapper JSON = new ObjectMapper();

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
    void everyGeneratedRequestIsAnsweredBelow500AsProblemJsonAndPoisonsNoProjection() throws Exception {
        System.out.printf("api fuzz: seed %d (-Dlexnet.fuzz.seed=%d repeats it), %d clients, data in %s%n", SEED, SEED,
                CLIENTS, work);
        app = JarProcess.on(work.resolve("data"), JarProcess.freePort()).log(work.resolve("app.log"))
                .env("LEXNET_ADMIN_EMAIL", ADMIN_EMAIL).env("LEXNET_ADMIN_PASSWORD", ADMIN_PASSWORD)
                // every request comes from this one machine: lift the per-address registration limit
                .env("LEXNET_SECURITY_REGISTRATION_MAX_PER_ADDRESS", "100000")
                .start().awaitReady();
        Api api = app.api();

        JsonNode document = api.get("/v3/api-docs", null).json();
        OpenApiFuzzRequests generator = new OpenApiFuzzRequests(document, fixtures(api), SEED);
        List<Operation> operations = generator.operations();
        List<Request> requests = new ArrayList<>();
        operations.forEach(op -> requests.addAll(generator.requestsFor(op)));
        operations.stream().collect(Collectors.groupingBy(Operation::template, LinkedHashMap::new, Collectors.toList()))
                .forEach((template, ofPath) -> requests.addAll(generator.otherMethods(ofPath.get(0),
                        ofPath.stream().map(Operation::method).collect(Collectors.toSet()))));
        // interleaved, so that state changes (a pairing ended, a member blocked) meet every other request
        Collections.shuffle(requests, new Random(SEED));
        Map<OpenApiFuzzRequests.Expect, Long> expected = requests.stream()
                .collect(Collectors.groupingBy(Request::expect, TreeMap::new, Collectors.counting()));

        Instant began = Instant.now();
        Outcome outcome = send(requests);
        Duration took = Duration.between(began, Instant.now());
        Files.write(work.resolve("requests.log"), outcome.exchanges);
        System.out.printf("api fuzz: %d requests over %d operations in %d s (seed %d); must get %s; statuses %s; "
                          + "%d violations; every exchange in %s%n", outcome.sent.get(), outcome.operationsCovered.size(),
                took.toSeconds(), SEED, expected, new TreeMap<>(outcome.statuses), outcome.violations.size(),
                work.resolve("requests.log"));

        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        awaitProcessorsCaughtUp();
        JsonNode processors = api.get("/api/v1/admin/event-processors", admin).json();
        Api.Response readiness = api.get("/actuator/health/readiness", null);
        List<String> errorLines = errorLines(app.logFile());

        List<String> report = report(outcome.violations);
        if (!report.isEmpty()) {
            System.out.println(String.join("\n", report));
        }
        if (!errorLines.isEmpty()) {
            System.out.println("ERROR lines in the app's log:\n" + String.join("\n", errorLines));
        }
        for (JsonNode processor : processors) {
            if (processor.get("deadLetters").asLong() > 0) {
                System.out.println("dead letters of " + processor.get("name").asText() + ": " + api.get(
                        "/api/v1/admin/dead-letters?processor=" + processor.get("name").asText(), admin).body());
            }
        }
        assertSoftly(softly -> {
            softly.assertThat(operationCount(document)).as("operations in the document").isGreaterThan(40);
            softly.assertThat(outcome.operationsCovered).as("operations fuzzed")
                    .hasSize(operationCount(document));
            softly.assertThat(outcome.sent.get()).as("requests sent").isGreaterThan(2_500);
            softly.assertThat(outcome.violations.size()).as("violations (listed above, grouped)").isZero();
            for (JsonNode processor : processors) {
                softly.assertThat(processor.get("running").asBoolean()).as(processor.get("name") + " running")
                        .isTrue();
                softly.assertThat(processor.get("error").asBoolean()).as(processor.get("name") + " in error")
                        .isFalse();
                softly.assertThat(processor.get("deadLetters").asLong()).as(processor.get("name") + " dead letters")
                        .isZero();
            }
            softly.assertThat(processors.size()).as("event processors listed").isPositive();
            softly.assertThat(readiness.status()).as("readiness " + readiness.body()).isEqualTo(200);
            softly.assertThat(readiness.body()).contains("\"UP\"");
            softly.assertThat(errorLines).as("ERROR lines in the app's log").isEmpty();
        });
    }

    /** Members, a pairing of each kind, connections and a match round to aim real ids at. */
    private OpenApiFuzzRequests.Fixtures fixtures(Api api) {
        People people = new People(api);
        Api.Member fuzzer = people.mentee("Fuzzer");
        Api.Member mentor = people.mentor("Fuzz Mentor", 5);
        Api.Member peer = people.mentee("Fuzz Peer");
        Api.Member asker = people.mentee("Fuzz Asker");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        String active = people.requestDirect(fuzzer, mentor);
        assertThat(api.post("/api/v1/mentorships/" + active + "/accept", mentor.token(), null).status()).isEqualTo(200);
        String proposed = people.requestDirect(peer, mentor);
        String open = people.requestOpen(asker);
        Api.Response outgoing = api.post("/api/v1/connections", fuzzer.token(), Map.of("to", peer.id()));
        Api.Response incoming = api.post("/api/v1/connections", asker.token(), Map.of("to", fuzzer.id()));
        assertThat(outgoing.status()).as(outgoing.body()).isEqualTo(201);
        assertThat(incoming.status()).as(incoming.body()).isEqualTo(201);
        Api.Response round = api.post("/api/v1/admin/match-rounds", admin, null);
        assertThat(round.status()).as(round.body()).isEqualTo(202);

        Map<String, List<String>> ids = Map.of(
                "members", List.of(fuzzer.id(), mentor.id(), peer.id(), asker.id()),
                "mentorships", List.of(active, proposed, open),
                "connections", List.of(outgoing.json().get("connectionId").asText(),
                        incoming.json().get("connectionId").asText()),
                "match-rounds", List.of(round.json().get("roundId").asText()),
                OpenApiFuzzRequests.ERASABLE_MEMBERS, erasable(api));
        Map<String, List<String>> codes = new TreeMap<>();
        api.get("/api/v1/taxonomy", fuzzer.token()).json().fields().forEachRemaining(list -> {
            List<String> values = new ArrayList<>();
            list.getValue().forEach(term -> values.add(term.get("code").asText()));
            codes.put(list.getKey(), values);
        });
        List<String> processorNames = new ArrayList<>();
        api.get("/api/v1/admin/event-processors", admin).json()
                .forEach(processor -> processorNames.add(processor.get("name").asText()));
        return new OpenApiFuzzRequests.Fixtures(fuzzer.token(), admin, fuzzer.id(), ids, codes, fuzzer.email(),
                fuzzer.password(), Map.of("processor", processorNames));
    }

    /** Members the admin erasure may take: it is for good, so never the ones the other requests use. */
    private static List<String> erasable(Api api) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ids.add(api.register("Erasable " + i).id());
        }
        return ids;
    }

    // --- sending and judging

    private static final class Outcome {
        final AtomicInteger sent = new AtomicInteger();
        final Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        final Set<String> operationsCovered = ConcurrentHashMap.newKeySet();
        final ConcurrentLinkedQueue<Violation> violations = new ConcurrentLinkedQueue<>();
        /** One line per request, in the order answered, for whoever has to read a failed run. */
        final ConcurrentLinkedQueue<String> exchanges = new ConcurrentLinkedQueue<>();
    }

    private record Violation(String operation, String kind, String variant, String status, String body) {
    }

    private Outcome send(List<Request> requests) throws InterruptedException {
        RawHttp http = new RawHttp(app.port());
        Outcome outcome = new Outcome();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (Request request : requests) {
            clients.submit(() -> {
                String operation = request.method() + " " + request.operation().template();
                try {
                    Api.Response response = http.send(request.fromAddress(), request.method(),
                            request.target(), request.headers(), request.body());
                    outcome.statuses.merge(response.status(), 1, Integer::sum);
                    outcome.exchanges.add(response.status() + " " + operation + " | " + request.variant() + " | "
                                          + snippet(response.body()));
                    judge(request, response).forEach(kind -> outcome.violations.add(new Violation(operation, kind,
                            request.variant(), Integer.toString(response.status()), snippet(response.body()))));
                } catch (RuntimeException e) {
                    outcome.violations.add(new Violation(operation, "no answer", request.variant(), "-",
                            snippet(e.toString())));
                } finally {
                    outcome.sent.incrementAndGet();
                    outcome.operationsCovered.add(request.operation().name());
                }
            });
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(10, TimeUnit.MINUTES)).as("every request answered").isTrue();
        return outcome;
    }

    /** What is wrong with the answer; nothing when all is well. */
    private static List<String> judge(Request request, Api.Response response) {
        List<String> wrong = new ArrayList<>();
        int status = response.status();
        if (status >= 500) {
            wrong.add("5xx");
        }
        if (request.expect() == OpenApiFuzzRequests.Expect.REFUSAL && status < 400) {
            wrong.add("accepted what it must refuse");
        }
        if (request.expect() == OpenApiFuzzRequests.Expect.TOO_LARGE && status != 413) {
            wrong.add("a body over 64 KB not refused with 413");
        }
        String body = response.body();
        for (String leak : LEAKS) {
            if (body.contains(leak)) {
                wrong.add("body shows " + leak.replace("\t", "\\t"));
            }
        }
        if (status >= 400) {
            String type = response.contentType();
            if (type == null || !type.startsWith("application/problem+json")) {
                wrong.add("error not problem+json (" + type + ")");
            } else if (!request.method().equals("HEAD")) {
                // HEAD answers carry no body by definition (RFC 9110): their headers are all there is to judge
                try {
                    JsonNode problem = JSON.readTree(body);
                    if (problem == null || problem.path("status").asInt() != status) {
                        wrong.add("problem status differs from the HTTP status");
                    }
                } catch (IOException e) {
                    wrong.add("problem+json that is not JSON");
                }
            }
        }
        return wrong;
    }

    private static String snippet(String body) {
        String flat = body.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
        return flat.length() > 200 ? flat.substring(0, 200) : flat;
    }

    /** Violations grouped by operation and kind, each group with its variants (at most 10 shown). */
    private static List<String> report(Iterable<Violation> violations) {
        Map<String, List<Violation>> groups = new TreeMap<>();
        violations.forEach(v -> groups.computeIfAbsent(v.operation() + " — " + v.kind(), group -> new ArrayList<>())
                .add(v));
        List<String> lines = new ArrayList<>();
        groups.forEach((group, list) -> {
            lines.add(String.format("VIOLATION %s: %d request(s)", group, list.size()));
            list.sort((a, b) -> a.variant().compareTo(b.variant()));
            list.stream().limit(10).forEach(v -> lines.add(String.format("    [%s] %s → %s", v.status(),
                    v.variant(), v.body())));
            if (list.size() > 10) {
                lines.add("    ... and " + (list.size() - 10) + " more");
            }
        });
        return lines;
    }

    private static int operationCount(JsonNode document) {
        Set<String> methods = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
        int count = 0;
        for (JsonNode path : document.get("paths")) {
            for (String method : (Iterable<String>) path::fieldNames) {
                if (methods.contains(method)) {
                    count++;
                }
            }
        }
        return count;
    }

    // --- afterwards

    /**
     * Until every processor's token has reached the last event stored: only then are the dead-letter
     * counts final for what the fuzzer sent.
     */
    private void awaitProcessorsCaughtUp() {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            try (Connection db = app.openDatabase(); Statement statement = db.createStatement()) {
                long head;
                try (ResultSet rows = statement.executeQuery(
                        "select coalesce(max(global_index), 0) from domain_event_entry")) {
                    rows.next();
                    head = rows.getLong(1);
                }
                Map<String, Long> behind = new LinkedHashMap<>();
                try (ResultSet rows = statement.executeQuery(
                        "select processor_name, segment, convert_from(token, 'UTF8') from token_entry "
                        + "where token is not null")) {
                    while (rows.next()) {
                        long index = JSON.readTree(rows.getString(3)).path("index").asLong(-1);
                        if (index < head) {
                            behind.put(rows.getString(1) + "/" + rows.getInt(2), index);
                        }
                    }
                }
                assertThat(behind).as("processors behind event " + head).isEmpty();
            } catch (SQLException | IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    private static List<String> errorLines(Path log) {
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> ERROR_LINE.matcher(line).find()).limit(50).collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
