package org.lexnet.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.People;
import org.lexnet.app.support.ReplayGate;
import org.lexnet.query.feed.FeedDestinations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding a read model as an operator, over real HTTP and STOMP on the real database: the replay is
 * accepted at once, its progress shows in the status and reaches admins live, queries keep answering
 * with the data as it was all along, and afterwards the read model is the same, rebuilt from the events.
 */
class ReadModelReplayTest extends ReplayIntegrationTest {

    /** Replayed events let through before the gate holds the rest: fewer than this test's own. */
    private static final int HELD_AFTER = 3;
    private static final List<String> DIRECTORY = List.of("member_profile", "member_area", "mentor_offer",
            "erased_member");

    @Test
    void theMemberDirectoryIsRebuiltWhileQueriesKeepAnsweringWithTheDataAsItWas() throws Exception {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        People people = new People(api);
        Api.Member viewer = people.member("Viewer " + mark, "EMERGING", true, Map.of());
        Api.Member ana = people.member("Ana " + mark, "EMERGING", true,
                Map.of("CARE_SYSTEM", "NETWORK", "MENTAL_HEALTH", "MATCHING"));
        Api.Member ben = people.mentor("Ben " + mark, 3);
        Api.Member cy = people.member("Cy " + mark, "EXPERIENCED", false, Map.of());
        Api.Member dee = people.mentor("Dee Leaving " + mark, 2);
        assertThat(api.post("/api/v1/members/me/pause", cy.token(), null).status()).isEqualTo(200);
        people.offer(ben, 2, false);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + dee.id()).token(admin)
                .json(Map.of("reason", "left by letter")).send().status()).isEqualTo(204);
        List<Api.Member> members = List.of(viewer, ana, ben, cy);
        Set<String> ids = Stream.concat(members.stream(), Stream.of(dee)).map(Api.Member::id)
                .collect(Collectors.toSet());
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(api.get("/api/v1/members/me", cy.token()).json().get("paused").asBoolean()).isTrue();
            assertThat(api.get("/api/v1/members/me", ben.token()).json().at("/mentorOffer/open").asBoolean())
                    .isFalse();
            assertThat(rows("erased_member", "member_id = ?::uuid", dee.id())).hasSize(1);
        });
        List<String> rowsBefore = directoryRows(ids);
        Map<String, List<String>> structureBefore = structureOf(DIRECTORY);

        List<QueryWatch.Query> queries = new ArrayList<>();
        for (Api.Member member : members) {
            queries.add(QueryWatch.Query.of(api, "/api/v1/members/me", member.token()));
        }
        for (Api.Member visible : List.of(ana, ben)) {
            queries.add(QueryWatch.Query.of(api, "/api/v1/members/" + visible.id(), viewer.token()));
        }
        FeedClient operations = FeedClient.connect(port, admin);
        clients.add(operations);
        operations.subscribe(OperationsFeed.DESTINATION);

        ReplayGate.arm("member-directory", HELD_AFTER);
        JsonNode replay;
        try (QueryWatch watch = QueryWatch.start(queries)) {
            Api.Response accepted = requestReplay(api, "member-directory", admin);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            assertThat(accepted.header("Location")).isEqualTo("/api/v1/admin/event-processors");
            replay = accepted.json();
            assertThat(replay.get("processor").asText()).isEqualTo("member-directory");
            assertThat(replay.get("state").asText()).isEqualTo("REQUESTED");
            assertThat(Instant.parse(replay.get("requestedAt").asText())).isBefore(Instant.now().plusSeconds(5));
            assertThat(replay.get("eventsToProcess").asLong()).isPositive();
            String id = replay.get("replayId").asText();

            Api.Response again = requestReplay(api, "member-directory", admin);
            assertThat(again.status()).as("a second replay while one runs").isEqualTo(409);
            assertThat(again.contentType()).startsWith("application/problem+json");
            assertThat(again.json().get("detail").asText()).contains("already under way");

            // held half way: progress shows, the processor reads as replaying, queries answer as before
            JsonNode running = awaitReplay(api, "member-directory",
                    replay(id, "REPLAYING").and(r -> ReplayGate.arrived() > HELD_AFTER));
            assertThat(running.get("eventsTotal").asLong()).isPositive();
            assertThat(running.get("eventsDone").asLong()).isLessThan(running.get("eventsTotal").asLong());
            assertThat(running.get("startedAt").isNull()).isFalse();
            JsonNode processor = status(api, "member-directory");
            // dead letters outrank a replay in the summary: the replay may park again what other tests evicted
            assertThat(processor.get("state").asText()).isIn("replaying", "dead-letters");
            assertThat(processor.get("replaying").asBoolean()).isTrue();
            assertThat(api.get("/actuator/health/readiness", null).status()).as("the node still serves")
                    .isEqualTo(200);
            int roundsWhileHeld = watch.rounds();
            await().atMost(PROJECTION_WAIT).until(() -> watch.rounds() >= roundsWhileHeld + 5);

            ReplayGate.release();
            JsonNode completed = awaitReplay(api, "member-directory", replay(id, "COMPLETED"));
            assertThat(completed.get("eventsDone").asLong()).isEqualTo(completed.get("eventsTotal").asLong());
            assertThat(completed.get("estimatedSecondsLeft").asLong()).isZero();
            assertThat(completed.get("finishedAt").isNull()).isFalse();
            int roundsAfter = watch.rounds();
            await().atMost(PROJECTION_WAIT).until(() -> watch.rounds() >= roundsAfter + 3);
            assertThat(watch.rounds()).as("queries answered throughout").isGreaterThan(10);
            assertThat(watch.wrongAnswers()).as("every answer during the replay").isEmpty();
        }

        assertThat(directoryRows(ids)).as("the rebuilt rows").isEqualTo(rowsBefore);
        assertThat(structureOf(DIRECTORY)).as("the rebuilt tables' indexes and constraints")
                .isEqualTo(structureBefore);
        assertThat(status(api, "member-directory").get("state").asText()).isIn("running", "dead-letters");
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'lexnet_re%'",
                String.class)).as("no schema left behind").isEmpty();

        // the admin heard how it went, live: under way, then completed with every event done
        String id = replay.get("replayId").asText();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(progressOf(operations, id))
                .anySatisfy(p -> assertThat(p.get("state").asText()).isEqualTo("REPLAYING"))
                .anySatisfy(p -> {
                    assertThat(p.get("state").asText()).isEqualTo("COMPLETED");
                    assertThat(p.get("eventsDone").asLong()).isEqualTo(p.get("eventsTotal").asLong());
                }));
        evictLettersLeftBy("member-directory", ids);

        // and the directory moves on from the rebuilt tables
        people.offer(ben, 2, true);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/members/me", ben.token()).json().at("/mentorOffer/open").asBoolean()).isTrue());
    }

    @Test
    void aReplayOfTheFeedKeepsEveryEntryAndCursorAndTheNextEntryFollowsOn() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        People people = new People(api);
        Api.Member fay = people.member("Fay " + mark, "EMERGING", true, Map.of());
        Api.Member gus = people.member("Gus " + mark, "EMERGING", true, Map.of());
        Api.Member hal = people.member("Hal " + mark, "EMERGING", false, Map.of());
        String connection = requestConnection(fay, gus);
        assertThat(api.post("/api/v1/connections/" + connection + "/accept", gus.token(), null).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(kindsFor(fay))
                .contains("CONNECTION_ACCEPTED", "CONNECTION_MADE"));
        Set<String> ids = Set.of(fay.id(), gus.id(), hal.id());
        String ours = "member_id::text in (?, ?, ?)";
        List<String> entriesBefore = rows("feed_entry", "true");
        List<String> countersBefore = rows("feed_counter", "true");
        List<String> membersBefore = rows("feed_member", ours, ids.toArray());
        JsonNode catchUpBefore = api.get("/api/v1/feed", fay.token()).json();
        long lastCursor = jdbc.queryForObject("select max(cursor) from feed_entry", Long.class);
        FeedClient gusListening = FeedClient.listeningOnceRegistered(port, gus.token(), stompUsers, gus.id());
        clients.add(gusListening);

        ReplayGate.arm("feed", HELD_AFTER);
        Api.Response accepted = requestReplay(api, "feed", admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("replayId").asText();
        awaitReplay(api, "feed", replay(id, "REPLAYING").and(r -> ReplayGate.arrived() > HELD_AFTER));
        assertThat(api.get("/api/v1/feed", fay.token()).json()).as("the catch-up while the feed is rebuilt")
                .isEqualTo(catchUpBefore);
        ReplayGate.release();
        awaitReplay(api, "feed", replay(id, "COMPLETED"));

        assertThat(rows("feed_entry", "true")).as("every entry, with its cursor, and no new one")
                .isEqualTo(entriesBefore);
        assertThat(rows("feed_counter", "true")).as("the running counts").isEqualTo(countersBefore);
        assertThat(rows("feed_member", ours, ids.toArray())).as("the feed's view of members, rebuilt")
                .isEqualTo(membersBefore);
        evictLettersLeftBy("feed", ids);

        // the next entry takes the next cursor and is delivered live
        requestConnection(hal, gus);
        FeedClient.Received next = await().atMost(PROJECTION_WAIT).until(() -> gusListening
                .on(FeedDestinations.MY_NOTIFICATIONS).stream().filter(r -> r.kind().equals("CONNECTION_REQUESTED"))
                .findFirst(), Optional::isPresent).orElseThrow();
        assertThat(next.cursor()).isGreaterThan(lastCursor);
    }

    @Test
    void aReplayWhoseTablesChangedMeanwhileFailsAndLeavesTheLiveTablesAsTheyWere() {
        Api.Member mentor = new People(api).mentor("Lee " + UUID.randomUUID().toString().substring(0, 8), 2);
        String ours = "mentor_id = ?::uuid";
        await().atMost(PROJECTION_WAIT).until(() -> !rows("mentor_load", ours, mentor.id()).isEmpty());
        List<String> before = rows("mentor_load", ours, mentor.id());

        ReplayGate.arm("mentor-load", 0);
        Api.Response accepted = requestReplay(api, "mentor-load", admin);
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        String id = accepted.json().get("replayId").asText();
        awaitReplay(api, "mentor-load", replay(id, "REPLAYING").and(r -> ReplayGate.arrived() > 0));
        try {
            // a migration while the copies are rebuilt: the rebuilt table would lack the new column
            jdbc.execute("alter table mentor_load add column replay_probe integer");
            ReplayGate.release();
            JsonNode failed = awaitReplay(api, "mentor-load", replay(id, "FAILED"));
            assertThat(failed.get("detail").asText()).contains("columns of mentor_load changed");
            assertThat(failed.get("finishedAt").isNull()).isFalse();
            assertThat(failed.get("estimatedSecondsLeft").isNull()).isTrue();
        } finally {
            jdbc.execute("alter table mentor_load drop column if exists replay_probe");
        }
        assertThat(jdbc.queryForList("select nspname from pg_namespace where nspname like 'lexnet_re%'",
                String.class)).as("the copies dropped").isEmpty();
        assertThat(rows("mentor_load", ours, mentor.id())).as("the live table kept").isEqualTo(before);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(status(api, "mentor-load").get("state")
                .asText()).isIn("running", "dead-letters"));
        evictLettersLeftBy("mentor-load", Set.of(mentor.id()));
    }

    @Test
    void onlyAdminsHearOfOperationsAndOnlyProcessorsWithAPositionCanBeReplayed() {
        Api.Member member = api.register("Curious Member");
        FeedClient listening = FeedClient.connect(port, member.token());
        clients.add(listening);
        listening.subscribe(OperationsFeed.DESTINATION);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(listening.errors()).anySatisfy(m -> assertThat(m).contains("for admins only"));
            assertThat(listening.isConnected()).isFalse();
        });

        Api.Response notAdmin = requestReplay(api, "member-directory", member.token());
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.contentType()).startsWith("application/problem+json");

        for (String unknown : List.of("no-such-processor", "%00", "a".repeat(300), "member-directory%2F..")) {
            Api.Response answer = requestReplay(api, unknown, admin);
            assertThat(answer.status()).as(unknown).isIn(400, 404);
            assertThat(answer.contentType()).as(unknown).startsWith("application/problem+json");
        }
        assertThat(requestReplay(api, "no-such-processor", admin).status()).isEqualTo(404);

        for (String lookups : List.of("pairing-lookups", "network-lookups")) {
            Api.Response refused = requestReplay(api, lookups, admin);
            assertThat(refused.status()).as(lookups).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("detail").asText()).contains(lookups, "subscribing processor",
                    "no position in the event stream");
            assertThat(status(api, lookups).get("replay").isNull()).isTrue();
        }
    }

    private String requestConnection(Api.Member from, Api.Member to) {
        Api.Response created = api.post("/api/v1/connections", from.token(), Map.of("to", to.id()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("connectionId").asText();
    }

    /** Every entry of the member's feed, paged through: earlier tests leave many public entries first. */
    private List<String> kindsFor(Api.Member member) {
        List<String> kinds = new ArrayList<>();
        long after = 0;
        while (true) {
            JsonNode page = api.get("/api/v1/feed?limit=200&after=" + after, member.token()).json();
            page.get("entries").forEach(e -> kinds.add(e.get("kind").asText()));
            long next = page.get("nextCursor").asLong();
            if (page.get("entries").isEmpty() || next == after) {
                return kinds;
            }
            after = next;
        }
    }

    private List<String> directoryRows(Set<String> ids) {
        List<String> all = new ArrayList<>();
        for (String table : DIRECTORY) {
            all.add(table);
            all.addAll(rows(table, "member_id::text in (" + String.join(", ", ids.stream().map(i -> "?").toList())
                    + ")", ids.toArray()));
        }
        return all;
    }

    private Map<String, List<String>> structureOf(List<String> tables) {
        return tables.stream().collect(Collectors.toMap(t -> t, this::structure));
    }

    private static List<JsonNode> progressOf(FeedClient client, String replayId) {
        return client.on(OperationsFeed.DESTINATION).stream().map(FeedClient.Received::body)
                .filter(b -> b.get("kind").asText().equals("REPLAY_PROGRESS"))
                .map(b -> b.get("payload")).filter(p -> p.get("replayId").asText().equals(replayId)).toList();
    }
}
