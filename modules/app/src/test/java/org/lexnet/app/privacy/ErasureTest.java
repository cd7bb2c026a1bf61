package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The right to be forgotten, end to end over HTTP: after a member leaves, nothing of theirs is readable
 * anywhere in the database (the event store's payloads, dead letters and tokens included), while the
 * pairing's audit still tells the whole story and the other members' views still work.
 */
class ErasureTest extends IntegrationTest {

    @Autowired
    SimpUserRegistry feedUsers;

    private static final List<String> ADA_AREAS = List.of("CARE_SYSTEM", "MENTAL_HEALTH", "HOMELESSNESS_HOUSING");

    @Test
    void afterAMemberLeavesNothingOfTheirsIsReadableAnywhereButTheAuditStillTellsTheStory() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        People people = new People(api);
        String adaName = "Ada Erasable " + mark;
        Api.Member ada = people.member(adaName, "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK",
                "MENTAL_HEALTH", "MATCHING", "HOMELESSNESS_HOUSING", "MENTORS"));
        Api.Member theo = people.mentor("Theo Stays " + mark, 2);
        Api.Member bea = people.mentee("Bea Connected " + mark);
        Api.Member carl = people.mentee("Carl Blocked " + mark);
        Api.Member dan = people.mentee("Dan Asking " + mark);

        // a completed pairing with goals, sessions and feedback from both sides
        String pairing = people.requestDirect(ada, theo);
        ok(api.post("/api/v1/mentorships/" + pairing + "/accept", theo.token(), null));
        String adaGoal = "Ada's own goal " + mark;
        String theoGoal = "Theo's goal for the pair " + mark;
        String adaNote = "Ada's session note about her past " + mark;
        String adaComment = "Ada's feedback comment " + mark;
        ok(api.post("/api/v1/mentorships/" + pairing + "/goals", ada.token(), Map.of("text", adaGoal)));
        ok(api.post("/api/v1/mentorships/" + pairing + "/goals", theo.token(), Map.of("text", theoGoal)));
        ok(api.post("/api/v1/mentorships/" + pairing + "/sessions", ada.token(),
                Map.of("date", LocalDate.now().toString(), "minutes", 60, "note", adaNote)));
        ok(api.post("/api/v1/mentorships/" + pairing + "/complete", theo.token(), null));
        ok(api.post("/api/v1/mentorships/" + pairing + "/feedback", ada.token(),
                Map.of("rating", 5, "comment", adaComment)));
        ok(api.post("/api/v1/mentorships/" + pairing + "/feedback", theo.token(),
                Map.of("rating", 4, "comment", "Theo's comment " + mark)));

        // endorsements both ways, from the pairing: her words about Theo, and Theo's about her, which she accepted
        String adaEndorsement = "Ada vouches for Theo's budgeting " + mark;
        String theoEndorsement = "Theo vouches for Ada's fundraising " + mark;
        assertThat(api.post("/api/v1/members/" + theo.id() + "/endorsements", ada.token(),
                Map.of("competency", "STRATEGIC_THINKING", "text", adaEndorsement)).status()).isEqualTo(201);
        Api.Response byTheo = api.post("/api/v1/members/" + ada.id() + "/endorsements", theo.token(),
                Map.of("competency", "FUNDRAISING_AND_FINANCE", "text", theoEndorsement));
        assertThat(byTheo.status()).as(byTheo.body()).isEqualTo(201);
        ok(api.post("/api/v1/endorsements/" + byTheo.json().get("endorsementId").asText() + "/accept", ada.token(),
                Map.of("audience", "NETWORK")));
        await().atMost(PROJECTION_WAIT).until(() -> count("select count(*) from endorsement_view where text = ?",
                theoEndorsement) == 1);

        // connections, a block, and feed entries
        String adaMessage = "Ada's introduction, with her story " + mark;
        Api.Response toBea = api.post("/api/v1/connections", ada.token(), Map.of("to", bea.id(), "message", adaMessage));
        assertThat(toBea.status()).isEqualTo(201);
        ok(api.post("/api/v1/connections/" + toBea.json().get("connectionId").asText() + "/accept", bea.token(), null));
        assertThat(api.post("/api/v1/members/" + carl.id() + "/block", ada.token(), null).status()).isEqualTo(204);
        long feedBefore = api.feedHead(ada.token());
        assertThat(api.post("/api/v1/connections", dan.token(), Map.of("to", ada.id())).status()).isEqualTo(201);
        await().atMost(PROJECTION_WAIT).until(() -> api.feedAfter(ada.token(), feedBefore).contains(dan.id()));
        long historyBefore = history(pairing).size();

        // wrong password: refused, and nothing erased
        Api.Response wrong = api.call("DELETE", "/api/v1/members/me").token(ada.token())
                .json(Map.of("password", "not the password")).send();
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.contentType()).startsWith("application/problem+json");

        Api.Response left = api.call("DELETE", "/api/v1/members/me").token(ada.token())
                .json(Map.of("password", ada.password())).send();
        assertThat(left.status()).as(left.body()).isEqualTo(204);

        assertThat(api.get("/api/v1/feed", ada.token()).status()).as("her token stops working at once").isEqualTo(401);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(count("select count(*) from erased_member where member_id = ?::uuid", ada.id())).isOne();
            assertThat(count("select count(*) from matching_member where member_id = ?::uuid", ada.id())).isZero();
            assertThat(count("select count(*) from mentorship_goal where text = ?", adaGoal)).isZero();
            assertThat(count("select count(*) from connection_view where message = ?", adaMessage)).isZero();
            assertThat(count("select count(*) from endorsement_view where text in (?, ?)", adaEndorsement,
                    theoEndorsement)).isZero();
            assertThat(count("select count(*) from block_view where blocker_id = ?::uuid", ada.id())).isZero();
            assertThat(count("select count(*) from feed_member where member_id = ?::uuid and display_name is not null",
                    ada.id())).isZero();
        });

        // nothing of hers is readable in any table, event payloads, tokens and dead letters included
        List<String> rows = dumpEveryTable();
        for (String secret : List.of(adaName, ada.email(), adaGoal, adaNote, adaComment, adaMessage, adaEndorsement,
                theoEndorsement)) {
            assertThat(rows).as("no table holds '%s'", secret).noneMatch(row -> row.contains(secret));
        }
        assertThat(rows).filteredOn(row -> row.contains(ada.id()))
                .as("no row about her names her areas").noneMatch(row -> ADA_AREAS.stream().anyMatch(row::contains));
        assertThat(rows).as("sanity: the dump does read the other member's data")
                .anyMatch(row -> row.contains("Theo Stays " + mark));
        assertThat(rows).as("sanity: and the event store's payloads, decoded")
                .anyMatch(row -> row.startsWith("domain_event_entry:") && row.contains("pd1:" + theo.id()));

        // the audit still lists every event, in order, with erased values marked
        List<JsonNode> history = history(pairing);
        assertThat(history).hasSize((int) historyBefore);
        assertThat(history).filteredOn(e -> e.get("type").asText().equals("GoalSetEvent"))
                .extracting(e -> e.get("payload").get("text").asText())
                .containsExactlyInAnyOrder("erased", theoGoal);
        assertThat(history).allSatisfy(e -> {
            assertThat(e.get("actorId").asText()).isNotBlank();
            assertThat(e.get("correlationId").asText()).isNotBlank();
        });

        // the other side's views still work, and name her as a former member
        JsonNode seenByTheo = api.get("/api/v1/mentorships/" + pairing, theo.token()).json();
        assertThat(seenByTheo.get("mentee").get("displayName").asText()).isEqualTo("a former member");
        assertThat(seenByTheo.toString()).doesNotContain(adaGoal, adaNote, adaComment).contains(theoGoal);
        assertThat(api.get("/api/v1/connections", bea.token()).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/connections", bea.token()).body()).doesNotContain(ada.id()));
        assertThat(api.get("/api/v1/members/" + ada.id(), theo.token()).status()).isEqualTo(404);

        // erasing twice is a 404; the same address may register again, as someone new
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + ada.id()).token(admin)
                .json(Map.of("reason", "asked again by mail")).send().status()).isEqualTo(404);
        Api.Response again = api.post("/api/v1/accounts", null,
                Map.of("email", ada.email(), "password", "a brand new password", "displayName", "Someone New"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("memberId").asText()).isNotEqualTo(ada.id());
    }

    @Test
    void erasingAMemberEndsTheirRequestProposalAndConnectionAndTheMatcherNeverProposesThemAgain() {
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Member eve = people.mentor("Eve Leaving", 2);
        Api.Member someMentor = people.mentor("Some Mentor", 1);
        Api.Member mentee = people.mentee("Mentee Of Eve");
        Api.Member peer = people.mentee("Peer Of Eve");
        String evesRequest = people.requestOpen(people.member("Eve Leaving Too", "EMERGING", true, Map.of()));
        String proposedToEve = people.requestOpen(mentee);
        ok(api.post("/api/v1/admin/mentorships/" + proposedToEve + "/proposals", admin, Map.of("mentorId", eve.id())));
        Api.Response connection = api.post("/api/v1/connections", eve.token(), Map.of("to", peer.id()));
        assertThat(connection.status()).isEqualTo(201);
        String evesOwnRequest = api.post("/api/v1/mentorships", eve.token(),
                Map.of("needs", List.of("STRATEGIC_THINKING"), "mentorId", someMentor.id())).json()
                .get("mentorshipId").asText();

        FeedClient evesFeed = FeedClient.listeningOnceRegistered(port, eve.token(), feedUsers, eve.id());
        Api.Response erased = api.call("DELETE", "/api/v1/admin/members/" + eve.id()).token(admin)
                .json(Map.of("reason", "verified request by letter")).send();
        assertThat(erased.status()).as(erased.body()).isEqualTo(204);
        // the feed connection she had open is closed, saying why
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(evesFeed.isConnected()).isFalse();
            assertThat(evesFeed.errors()).anyMatch(error -> error.contains("access to lexnet has ended"));
        });
        evesFeed.close();

        assertThat(status(evesOwnRequest)).as("her own request").isEqualTo("WITHDRAWN");
        assertThat(status(proposedToEve)).as("the proposal to her, declined: the request waits again")
                .isEqualTo("REQUESTED");
        assertThat(count("select count(*) from connection_lookup where connection_id = ?::uuid and status = 'REMOVED'",
                connection.json().get("connectionId").asText())).isOne();
        Api.Response proposeHer = api.post("/api/v1/admin/mentorships/" + proposedToEve + "/proposals", admin,
                Map.of("mentorId", eve.id()));
        assertThat(proposeHer.status()).as("she is never proposed again").isEqualTo(409);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                count("select count(*) from matching_member where member_id = ?::uuid", eve.id())).isZero());
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(count(
                "select count(*) from mentor_load where mentor_id = ?::uuid and capacity is null and slots_held = 0",
                eve.id())).as("a mentor who left carries no load").isOne());
        assertThat(evesRequest).isNotBlank();
    }

    @Test
    void badErasureRequestsAreClearFourHundreds() {
        Api.Member member = api.register("Careful Leaver");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        assertThat(api.call("DELETE", "/api/v1/members/me").token(member.token()).send().status())
                .as("no body").isEqualTo(400);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + member.id()).token(admin).json(Map.of()).send()
                .status()).as("no reason").isEqualTo(400);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + member.id()).token(admin)
                .json(Map.of("reason", " ")).send().status()).as("a blank reason").isEqualTo(400);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + UUID.randomUUID()).token(admin)
                .json(Map.of("reason", "who?")).send().status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/v1/admin/members/" + member.id()).token(member.token())
                .json(Map.of("reason", "not an admin")).send().status()).isEqualTo(403);
        assertThat(api.get("/api/v1/feed", member.token()).status()).as("still a member").isEqualTo(200);
    }

    private void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private String status(String mentorshipId) {
        return jdbc.queryForObject("select status from pairing_lookup where mentorship_id = ?::uuid", String.class,
                mentorshipId);
    }

    private List<JsonNode> history(String pairing) {
        Api.Response response = api.get("/api/v1/admin/mentorships/" + pairing + "/history",
                api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD));
        assertThat(response.status()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        response.json().get("events").forEach(events::add);
        return events;
    }

    /** Every row of every table in the schema as text; binary columns (payloads, tokens) decoded as UTF-8. */
    private List<String> dumpEveryTable() {
        List<String> rows = new ArrayList<>();
        for (String table : jdbc.queryForList("select tablename from pg_tables where schemaname = 'public'",
                String.class)) {
            jdbc.query("select * from " + table, rs -> {
                ResultSetMetaData columns = rs.getMetaData();
                StringBuilder row = new StringBuilder(table).append(':');
                for (int c = 1; c <= columns.getColumnCount(); c++) {
                    Object value = columns.getColumnType(c) == Types.BINARY ? decode(rs.getBytes(c)) : rs.getString(c);
                    row.append(' ').append(value);
                }
                rows.add(row.toString());
            });
        }
        return rows;
    }

    private static String decode(byte[] bytes) {
        return bytes == null ? "null" : new String(bytes, StandardCharsets.UTF_8);
    }
}
