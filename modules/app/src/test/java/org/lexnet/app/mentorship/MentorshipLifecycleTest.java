package org.lexnet.app.mentorship;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A pairing's whole life over real HTTP, with the rules from the users along the way. */
class MentorshipLifecycleTest extends IntegrationTest {

    private People people;

    @BeforeEach
    void people() {
        people = new People(api);
    }

    private JsonNode awaitStatus(String mentorshipId, Api.Member viewer, String status) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response detail = api.get("/api/v1/mentorships/" + mentorshipId, viewer.token());
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("status").asText()).isEqualTo(status);
        });
        return api.get("/api/v1/mentorships/" + mentorshipId, viewer.token()).json();
    }

    private void ok(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    /** The step is refused with 409 in problem+json and leaves no event on the pairing. */
    private void conflict(java.util.function.Supplier<Api.Response> step, String aggregateId) {
        long before = eventCount(aggregateId);
        Api.Response response = step.get();
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(aggregateId)).isEqualTo(before);
    }

    @Test
    void aPairingGoesFromRequestToFeedback() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 2);
        String id = people.requestDirect(mentee, mentor);
        JsonNode proposed = awaitStatus(id, mentee, "PROPOSED");
        assertThat(proposed.get("proposal").get("source").asText()).isEqualTo("DIRECT");
        assertThat(proposed.get("mentee").get("memberId").asText()).isEqualTo(mentee.id());

        ok(api.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null));
        awaitStatus(id, mentee, "ACTIVE");
        ok(api.post("/api/v1/mentorships/" + id + "/goals", mentee.token(), Map.of("text", "Write a funding bid")));
        ok(api.post("/api/v1/mentorships/" + id + "/sessions", mentor.token(), Map.of(
                "date", LocalDate.now().minusDays(1).toString(), "minutes", 60, "note", "First conversation")));
        ok(api.post("/api/v1/mentorships/" + id + "/pause", mentee.token(), null));
        awaitStatus(id, mentor, "PAUSED");
        conflict(() -> api.post("/api/v1/mentorships/" + id + "/goals", mentee.token(), Map.of("text", "x")), id);
        ok(api.post("/api/v1/mentorships/" + id + "/resume", mentor.token(), null));
        ok(api.post("/api/v1/mentorships/" + id + "/complete", mentee.token(), null));
        ok(api.post("/api/v1/mentorships/" + id + "/feedback", mentee.token(), Map.of("rating", 5, "comment", "Thank you")));
        ok(api.post("/api/v1/mentorships/" + id + "/feedback", mentor.token(), Map.of("rating", 4)));
        conflict(() -> api.post("/api/v1/mentorships/" + id + "/feedback", mentee.token(), Map.of("rating", 1)), id);

        JsonNode done = awaitStatus(id, mentor, "COMPLETED");
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(api.get("/api/v1/mentorships/" + id, mentee.token()).json().get("feedback")).hasSize(2));
        done = api.get("/api/v1/mentorships/" + id, mentee.token()).json();
        assertThat(done.get("goals").findValuesAsText("text")).containsExactly("Write a funding bid");
        assertThat(done.get("sessions").get(0).get("minutes").asInt()).isEqualTo(60);
        assertThat(done.get("mentor").get("memberId").asText()).isEqualTo(mentor.id());
        // a finished pairing takes no further steps
        conflict(() -> api.post("/api/v1/mentorships/" + id + "/pause", mentee.token(), null), id);
        conflict(() -> api.post("/api/v1/mentorships/" + id + "/end", mentee.token(), Map.of("reason", "x")), id);
    }

    @Test
    void someoneOutsideThePairingIsToldItDoesNotExist() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 1);
        Api.Member stranger = people.mentee("Sam");
        String id = people.requestDirect(mentee, mentor);
        awaitStatus(id, mentee, "PROPOSED");
        long events = eventCount(id);

        Api.Response seen = api.get("/api/v1/mentorships/" + id, stranger.token());
        assertThat(seen.status()).isEqualTo(404);
        assertThat(seen.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/mentorships/" + java.util.UUID.randomUUID(), stranger.token()).json()
                .get("detail")).isEqualTo(seen.json().get("detail"));
        assertThat(api.post("/api/v1/mentorships/" + id + "/accept", stranger.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/mentorships/" + id + "/withdraw", stranger.token(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/mentorships/" + id + "/decline", stranger.token(), Map.of("reason", "x")).status())
                .isEqualTo(404);
        // the mentee knows it exists but may not answer for the mentor
        assertThat(api.post("/api/v1/mentorships/" + id + "/accept", mentee.token(), null).status()).isEqualTo(403);
        assertThat(eventCount(id)).isEqualTo(events);
        // admins see every pairing
        assertThat(api.get("/api/v1/mentorships/" + id, api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aMentorWhoDeclinedIsNeverProposedAgainAndTheReasonIsForAdminsOnly() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 2);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String id = people.requestDirect(mentee, mentor);
        awaitStatus(id, mentee, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + id + "/decline", mentor.token(), Map.of("reason", "No capacity this term")));
        JsonNode waiting = awaitStatus(id, mentee, "REQUESTED");
        assertThat(waiting.get("proposal").isNull()).isTrue();
        assertThat(waiting.toString()).doesNotContain("No capacity this term");

        conflict(() -> api.post("/api/v1/admin/mentorships/" + id + "/proposals", admin, Map.of("mentorId", mentor.id())), id);
        Api.Response again = api.post("/api/v1/mentorships", mentee.token(), Map.of("mentorId", mentor.id()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("declined");

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/mentorships/" + id, admin).json().get("declines").findValuesAsText("reason"))
                .containsExactly("No capacity this term"));
        // another mentor can still be proposed by the programme team
        Api.Member other = people.mentor("Ola", 1);
        ok(api.post("/api/v1/admin/mentorships/" + id + "/proposals", admin, Map.of("mentorId", other.id())));
        assertThat(awaitStatus(id, mentee, "PROPOSED").get("proposal").get("source").asText()).isEqualTo("ADMIN");
    }

    @Test
    void pausedMembersReceiveNoProposals() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 2);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        ok(api.post("/api/v1/members/me/pause", mentor.token(), null));
        Api.Response direct = api.post("/api/v1/mentorships", mentee.token(), Map.of("mentorId", mentor.id()));
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.json().get("detail").asText()).contains("paused");

        String open = people.requestOpen(mentee);
        conflict(() -> api.post("/api/v1/admin/mentorships/" + open + "/proposals", admin, Map.of("mentorId", mentor.id())),
                open);
        ok(api.post("/api/v1/members/me/resume", mentor.token(), null));
        ok(api.post("/api/v1/members/me/pause", mentee.token(), null));
        conflict(() -> api.post("/api/v1/admin/mentorships/" + open + "/proposals", admin, Map.of("mentorId", mentor.id())),
                open);
        assertThat(api.post("/api/v1/mentorships", mentee.token(), Map.of()).status()).isEqualTo(409);
    }

    @Test
    void theRulesFromTheUsersHold() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member peer = people.member("Pat", "EMERGING", true, Map.of());
        people.offer(peer, 1, true);
        Api.Member junior = people.member("Jo", "ASPIRING", true, Map.of());
        people.offer(junior, 1, true);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        people.offer(mentee, 1, true);
        Api.Response self = api.post("/api/v1/mentorships", mentee.token(), Map.of("mentorId", mentee.id()));
        assertThat(self.status()).isEqualTo(409);
        assertThat(self.json().get("detail").asText()).contains("themselves");

        // the mentor must be at a later stage, unless the mentee chose them
        String open = people.requestOpen(mentee);
        conflict(() -> api.post("/api/v1/admin/mentorships/" + open + "/proposals", admin, Map.of("mentorId", peer.id())), open);
        conflict(() -> api.post("/api/v1/admin/mentorships/" + open + "/proposals", admin, Map.of("mentorId", junior.id())), open);
        people.requestDirect(mentee, peer);

        // at most three open requests per mentee
        people.requestOpen(mentee);
        Api.Response fourth = api.post("/api/v1/mentorships", mentee.token(), Map.of());
        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().get("detail").asText()).contains("3 open requests");
        ok(api.post("/api/v1/mentorships/" + open + "/withdraw", mentee.token(), null));
        assertThat(api.post("/api/v1/mentorships", mentee.token(), Map.of()).status()).isEqualTo(201);

        // a closed or withdrawn offer blocks proposals
        Api.Member closed = people.mentor("Cleo", 2);
        people.offer(closed, 2, false);
        Api.Member other = people.mentee("Otto");
        assertThat(api.post("/api/v1/mentorships", other.token(), Map.of("mentorId", closed.id())).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/mentorships", other.token(), Map.of("mentorId", java.util.UUID.randomUUID()))
                .json().get("detail").asText()).contains("not offering mentoring");
    }

    @Test
    void aWithdrawnOfferDoesNotEndRunningPairings() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 1);
        String id = people.requestDirect(mentee, mentor);
        ok(api.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null));
        ok(api.delete("/api/v1/members/me/mentor-offer", mentor.token()));
        awaitStatus(id, mentee, "ACTIVE");
        ok(api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(),
                Map.of("date", LocalDate.now().toString(), "minutes", 30)));
        ok(api.post("/api/v1/mentorships/" + id + "/end", mentor.token(), Map.of("reason", "Moving abroad")));
        assertThat(awaitStatus(id, mentee, "ENDED").get("endReason").asText()).isEqualTo("Moving abroad");
    }

    @Test
    void acceptingNeedsAFreeSlotAndFinishingAPairingFreesIt() {
        Api.Member mentor = people.mentor("Theo", 1);
        Api.Member first = people.mentee("Ann");
        Api.Member second = people.mentee("Ben");
        String a = people.requestDirect(first, mentor);
        String b = people.requestDirect(second, mentor);
        ok(api.post("/api/v1/mentorships/" + a + "/accept", mentor.token(), null));
        Api.Response full = api.post("/api/v1/mentorships/" + b + "/accept", mentor.token(), null);
        assertThat(full.status()).isEqualTo(409);
        assertThat(full.json().get("detail").asText()).contains("no free mentoring slot");
        ok(api.post("/api/v1/mentorships/" + a + "/complete", first.token(), null));
        ok(api.post("/api/v1/mentorships/" + b + "/accept", mentor.token(), null));
        assertThat(jdbc.queryForList("select payload_type from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%MentoringSlot%' order by sequence_number", String.class, mentor.id()))
                .extracting(t -> t.substring(t.lastIndexOf('$') + 1))
                .containsExactly("MentoringSlotReservedEvent", "MentoringSlotReleasedEvent", "MentoringSlotReservedEvent");
    }

    @Test
    void badInputOnPairingStepsIs400WithNoEvent() {
        Api.Member mentee = people.mentee("Mina");
        Api.Member mentor = people.mentor("Theo", 1);
        String id = people.requestDirect(mentee, mentor);
        ok(api.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null));
        long events = eventCount(id);
        for (Api.Response bad : List.of(
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", "yesterday", "minutes", 30)),
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", LocalDate.now().toString(), "minutes", 0)),
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", LocalDate.now().plusDays(10).toString(), "minutes", 30)),
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", "-999999999-01-01", "minutes", 30)),
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", "+99999-01-01", "minutes", 30)),
                api.post("/api/v1/mentorships/" + id + "/sessions", mentee.token(), Map.of("date", LocalDate.now().minusYears(3).toString(), "minutes", 30)),
                api.post("/api/v1/mentorships/" + id + "/goals", mentee.token(), Map.of("text", "a\u0000goal")),
                api.post("/api/v1/mentorships/" + id + "/goals", mentee.token(), Map.of("text", " ")),
                api.post("/api/v1/mentorships/" + id + "/end", mentee.token(), Map.of()),
                api.post("/api/v1/mentorships", mentee.token(), Map.of("needs", List.of("NOT_A_NEED"))),
                api.post("/api/v1/mentorships", mentee.token(), Map.of("preferences", Map.of("sharedExperience", "ALWAYS"))),
                api.post("/api/v1/mentorships/not-a-uuid/accept", mentor.token(), null))) {
            assertThat(bad.status()).as(bad.body()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount(id)).isEqualTo(events);
    }
}
