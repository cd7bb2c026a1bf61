package org.lexnet.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.feed.FeedContract;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.ReplayGate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Base of the replay tests: an admin, helpers to ask for a replay and follow it through
 * {@code GET /api/v1/admin/event-processors}, and the clean-up a replay in the shared test database
 * needs. After each test the gate is open, the STOMP clients closed, and every message they received
 * fitted docs/asyncapi.yaml.
 */
abstract class ReplayIntegrationTest extends IntegrationTest {

    /** A replay of a few thousand events takes seconds; this bounds every wait for one. */
    protected static final Duration REPLAY_WAIT = Duration.ofSeconds(90);

    protected final List<FeedClient> clients = new ArrayList<>();

    @Autowired
    protected SimpUserRegistry stompUsers;
    protected String admin;

    @BeforeEach
    void signInAdmin() {
        admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @AfterEach
    void openTheGateAndCloseClients() {
        ReplayGate.release();
        clients.forEach(FeedClient::close);
        clients.clear();
        assertThat(FeedContract.instance().violations()).as("messages that do not match docs/asyncapi.yaml")
                .isEmpty();
    }

    protected Api.Response requestReplay(Api node, String processor, String token) {
        return node.post("/api/v1/admin/event-processors/" + processor + "/replay", token, null);
    }

    /** The processor's entry in the status list of that node. */
    protected JsonNode status(Api node, String processor) {
        Api.Response list = node.get("/api/v1/admin/event-processors", admin);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        for (JsonNode entry : list.json()) {
            if (entry.get("name").asText().equals(processor)) {
                return entry;
            }
        }
        throw new AssertionError("no processor " + processor + " in " + list.body());
    }

    /** Waits (bounded) until the processor's latest replay, as that node shows it, fits the condition. */
    protected JsonNode awaitReplay(Api node, String processor, Predicate<JsonNode> condition) {
        return await().atMost(REPLAY_WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> status(node, processor).get("replay"), r -> r != null && !r.isNull() && condition.test(r));
    }

    protected static Predicate<JsonNode> replay(String replayId, String state) {
        return r -> r.get("replayId").asText().equals(replayId) && r.get("state").asText().equals(state);
    }

    /**
     * Evicts what a replay parked again: the shared test database holds events that other tests stored
     * on purpose so that no projection could handle them (a NUL in a name), and an admin evicted them.
     * A replay meets them again and parks them again, as it should; none may be about this test's own
     * members, whose events must all replay.
     */
    protected void evictLettersLeftBy(String processor, Set<String> ownAggregates) {
        Api.Response letters = api.get("/api/v1/admin/dead-letters?processor=" + processor, admin);
        assertThat(letters.status()).isEqualTo(200);
        for (JsonNode letter : letters.json().get("letters")) {
            assertThat(ownAggregates).as("a letter about this test's own data: " + letter)
                    .doesNotContain(letter.get("aggregateId").asText());
            assertThat(api.post("/api/v1/admin/dead-letters/" + letter.get("id").asText() + "/evict", admin, null)
                    .status()).isEqualTo(204);
        }
    }

    /** Rows of a table, each as text, in a stable order: what a rebuild must give back exactly. */
    protected List<String> rows(String table, String where, Object... args) {
        return jdbc.queryForList("select t::text from " + table + " t where " + where + " order by 1", String.class,
                args);
    }

    /** Every index and constraint of a table, by name and definition. */
    protected List<String> structure(String table) {
        List<String> structure = new ArrayList<>(jdbc.queryForList(
                "select indexname || ': ' || indexdef from pg_indexes where schemaname = current_schema() "
                        + "and tablename = ? order by 1", String.class, table));
        structure.addAll(jdbc.queryForList("""
                select k.conname || ': ' || pg_get_constraintdef(k.oid) from pg_constraint k
                join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ? order by 1""", String.class, table));
        return structure;
    }
}
