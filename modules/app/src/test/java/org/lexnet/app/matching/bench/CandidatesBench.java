package org.lexnet.app.matching.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The candidates benchmark's client (run by {@code scripts/candidates-bench}, figures in
 * docs/benchmarks.md): against an app whose matching pool holds many mentors, it measures in one run
 * <ol>
 *   <li>a plain authenticated GET ({@code GET /api/v1/members/me}), the baseline;</li>
 *   <li>the candidates endpoint ({@code GET /api/v1/mentorships/{id}/candidates}) for open requests of
 *       mentees with varied areas and needs, interleaved with the baseline so that both see the same
 *       noise;</li>
 *   <li>the instant proposal: from the HTTP answer to {@code POST /api/v1/mentorships} (an open request)
 *       to the first {@code GET /api/v1/mentorships/{id}} that shows it {@code PROPOSED}, polled every
 *       5 ms; again interleaved with the baseline. The pairing's history gives the server's own part
 *       too: from the request's event to the proposal's.</li>
 * </ol>
 * One client, one request at a time: latency, not throughput. Before measuring it waits until every
 * event processor has caught up (the lag gauges on {@code /actuator/prometheus}, read as an admin).
 * <pre>
 * CandidatesBench --base http://localhost:18090 --admin-email a@x --admin-password secret
 *                 [--mentees 100] [--samples 1000] [--proposals 200] [--warmup 200]
 * </pre>
 */
public final class CandidatesBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "candidates-bench-password-1";
    private static final List<String> AREAS = List.of("MENTAL_HEALTH", "DISABILITY_LEARNING_DIFFICULTIES",
            "CRIMINAL_JUSTICE", "CARE_SYSTEM", "HOMELESSNESS_HOUSING", "SUBSTANCE_MISUSE", "POVERTY", "DOMESTIC_ABUSE",
            "WAR_AND_TRAUMA", "UNPAID_CARER");
    private static final List<String> NEEDS = List.of("FUNDRAISING_AND_FINANCE", "COMMUNICATING_POWERFULLY",
            "STRATEGIC_THINKING", "NEGOTIATION", "BUILDING_TEAMS");
    private static final List<String> SHARED = List.of("NONE", "PREFERRED", "REQUIRED");
    private static final Pattern LAG = Pattern.compile(
            "lexnet_event_processor_lag_events\\{[^}]*processor=\"([^\"]+)\"[^}]*} ([0-9.eE+-]+)");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final Random random = new Random(20_000);

    private CandidatesBench(String base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        CandidatesBench bench = new CandidatesBench(options.getOrDefault("base", "http://localhost:18090"));
        String admin = bench.signIn(options.get("admin-email"), options.get("admin-password"));
        bench.awaitCaughtUp(admin);
        int mentees = Integer.parseInt(options.getOrDefault("mentees", "100"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "1000"));
        int proposals = Integer.parseInt(options.getOrDefault("proposals", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));

        List<Member> asking = new ArrayList<>();
        for (int i = 0; i < mentees; i++) {
            Member mentee = bench.mentee("Bench mentee " + i);
            asking.add(new Member(mentee.id(), mentee.token(), bench.requestOpen(mentee)));
        }
        bench.awaitCaughtUp(admin);
        Member me = asking.get(0);

        List<Double> plain = new ArrayList<>();
        List<Double> candidates = new ArrayList<>();
        for (int i = 0; i < warmup + samples; i++) {
            Member mentee = asking.get(i % asking.size());
            double get = bench.timed("GET", "/api/v1/members/me", me.token());
            double listed = bench.timed("GET", "/api/v1/mentorships/" + mentee.request() + "/candidates",
                    mentee.token());
            if (i >= warmup) {
                plain.add(get);
                candidates.add(listed);
            }
        }
        System.out.println(row("plain GET /api/v1/members/me", plain, plain));
        System.out.println(row("GET /api/v1/mentorships/{id}/candidates", candidates, plain));

        List<Member> proposing = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            proposing.add(bench.mentee("Bench proposal " + i));
        }
        bench.awaitCaughtUp(admin);
        List<Double> plainDuring = new ArrayList<>();
        List<Double> proposed = new ArrayList<>();
        List<Double> matcher = new ArrayList<>();
        for (int i = 0; i < proposals; i++) {
            plainDuring.add(bench.timed("GET", "/api/v1/members/me", me.token()));
            proposed.add(bench.instantProposal(proposing.get(i), matcher, admin));
        }
        System.out.println(row("plain GET /api/v1/members/me (proposal phase)", plainDuring, plainDuring));
        System.out.println(row("instant proposal: request answered → PROPOSED visible", proposed, plainDuring));
        System.out.println(row("  of which the server: request event → proposal event", matcher, plainDuring));
    }

    /**
     * Milliseconds from the request's 201 to the first read that shows the proposal. Reads are 5 ms apart:
     * back to back, they would take a core of this two-core machine from the server being measured.
     */
    private double instantProposal(Member mentee, List<Double> matcherMillis, String admin) throws Exception {
        String id = requestOpen(mentee);
        long answered = System.nanoTime();
        long deadline = answered + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> read = send("GET", "/api/v1/mentorships/" + id, mentee.token(), null);
            if (read.statusCode() == 200 && "PROPOSED".equals(json(read.body()).path("status").asText())) {
                double millis = (System.nanoTime() - answered) / 1e6;
                matcherMillis.add(requestToProposal(id, admin));
                return millis;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("request " + id + " was not proposed a mentor within 10 s");
    }

    /** The server's part, from the pairing's history: the request's event to the proposal's event. */
    private double requestToProposal(String id, String admin) throws Exception {
        HttpResponse<String> history = send("GET", "/api/v1/admin/mentorships/" + id + "/history", admin, null);
        expect(history, 200);
        Instant requested = null;
        Instant proposed = null;
        for (JsonNode event : json(history.body()).path("events")) {
            Instant at = Instant.parse(event.path("occurredAt").asText());
            switch (event.path("type").asText()) {
                case "MentorshipRequestedEvent" -> requested = at;
                case "MentorProposedEvent" -> proposed = proposed == null ? at : proposed;
                default -> {
                }
            }
        }
        if (requested == null || proposed == null) {
            throw new IllegalStateException("no request and proposal in the history of " + id);
        }
        return Duration.between(requested, proposed).toNanos() / 1e6;
    }

    private Member mentee(String name) throws Exception {
        String email = "bench-" + UUID.randomUUID() + "@example.org";
        HttpResponse<String> created = send("POST", "/api/v1/accounts", null, Map.of("email", email,
                "password", PASSWORD, "displayName", name));
        expect(created, 201);
        String id = json(created.body()).path("memberId").asText();
        String token = signIn(email, PASSWORD);
        expect(send("PUT", "/api/v1/members/me/profile", token, Map.ofEntries(
                Map.entry("displayName", name), Map.entry("region", "LONDON"), Map.entry("remote", random.nextBoolean()),
                Map.entry("stage", random.nextBoolean() ? "ASPIRING" : "EMERGING"),
                Map.entry("roles", List.of("PRACTITIONER")), Map.entry("sectors", List.of("CHARITY")),
                Map.entry("needs", pick(NEEDS, 2)), Map.entry("strengths", List.of("STRATEGIC_THINKING")),
                Map.entry("visibleInNetwork", true))), 200);
        List<Map<String, String>> areas = pick(AREAS, 1 + random.nextInt(3)).stream()
                .map(code -> Map.of("code", code, "visibility", "MATCHING")).toList();
        expect(send("PUT", "/api/v1/members/me/lived-experience", token, Map.of("areas", areas)), 200);
        return new Member(id, token, null);
    }

    private String requestOpen(Member mentee) throws Exception {
        HttpResponse<String> created = send("POST", "/api/v1/mentorships", mentee.token(), Map.of(
                "needs", pick(NEEDS, 1 + random.nextInt(3)),
                "preferences", Map.of("sharedExperience", SHARED.get(random.nextInt(2)), "crossSector", false,
                        "remoteOnly", false)));
        expect(created, 201);
        return json(created.body()).get("mentorshipId").asText();
    }

    private String signIn(String email, String password) throws Exception {
        HttpResponse<String> signedIn = send("POST", "/api/v1/auth/token", null,
                Map.of("email", email, "password", password));
        expect(signedIn, 200);
        return json(signedIn.body()).get("accessToken").asText();
    }

    /** Until no event processor has an event left to handle, for at most 20 minutes. */
    private void awaitCaughtUp(String admin) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
        long reported = 0;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> metrics = send("GET", "/actuator/prometheus", admin, null);
            expect(metrics, 200);
            Matcher lag = LAG.matcher(metrics.body());
            double behind = 0;
            boolean found = false;
            while (lag.find()) {
                found = true;
                behind += Double.parseDouble(lag.group(2));
            }
            if (found && behind == 0) {
                return;
            }
            if (System.nanoTime() - reported > Duration.ofSeconds(30).toNanos()) {
                System.out.printf(Locale.ROOT, "waiting for the event processors: %.0f events behind%n", behind);
                reported = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the event processors did not catch up within 20 minutes");
    }

    private double timed(String method, String path, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = send(method, path, token, null);
        double millis = (System.nanoTime() - start) / 1e6;
        expect(response, 200);
        return millis;
    }

    private HttpResponse<String> send(String method, String path, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<String> pick(List<String> codes, int count) {
        List<String> shuffled = new ArrayList<>(codes);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(count, shuffled.size()));
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
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static String row(String what, List<Double> millis, List<Double> baseline) {
        return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.2f |", what, millis.size(),
                percentile(millis, 50), percentile(millis, 99), percentile(millis, 100),
                percentile(millis, 99) / percentile(baseline, 99));
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** @param request the mentee's open request, if they made one */
    private record Member(String id, String token, String request) {
    }
}
