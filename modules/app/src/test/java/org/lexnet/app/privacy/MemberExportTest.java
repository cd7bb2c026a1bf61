package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.lexnet.app.privacy.ConsentHistoryTest.areas;
import static org.lexnet.app.privacy.ConsentHistoryTest.changes;
import static org.lexnet.app.privacy.ConsentHistoryTest.ok;

/**
 * A member's export over real HTTP: everything held about them in one document, only ever their own,
 * and never what others wrote for themselves, kept back, or did to them without telling them.
 */
class MemberExportTest extends IntegrationTest {

    private static final String EXPORT = "/api/v1/members/me/export";

    private People people;

    @BeforeEach
    void people() {
        people = new People(api);
    }

    private String connect(Api.Member from, Api.Member to, String message) {
        Api.Response r = api.post("/api/v1/connections", from.token(), Map.of("to", to.id(), "message", message));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("connectionId").asText();
    }

    private void awaitPairingStatus(String mentorshipId, Api.Member viewer, String status) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response detail = api.get("/api/v1/mentorships/" + mentorshipId, viewer.token());
            assertThat(detail.status()).as(detail.body()).isEqualTo(200);
            assertThat(detail.json().get("status").asText()).isEqualTo(status);
        });
    }

    private static JsonNode byField(JsonNode list, String field, String value) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(item -> value.equals(item.path(field).asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + list));
    }

    @Test
    void aMemberGetsEverythingHeldAboutThemAndNothingOthersKeptFromThem() {
        Api.Member rae = people.member("Rae", "EXPERIENCED", true, Map.of());
        ok(api.put("/api/v1/members/me/lived-experience", rae.token(),
                areas("CARE_SYSTEM", "NETWORK", "MENTAL_HEALTH", "MATCHING", "HOMELESSNESS_HOUSING", "PRIVATE")));
        ok(api.put("/api/v1/members/me/lived-experience", rae.token(),
                areas("CARE_SYSTEM", "PRIVATE", "MENTAL_HEALTH", "MENTORS", "HOMELESSNESS_HOUSING", "PRIVATE")));
        ok(api.put("/api/v1/members/me/lived-experience", rae.token(),
                areas("CARE_SYSTEM", "MATCHING", "MENTAL_HEALTH", "MENTORS")));
        ok(api.put("/api/v1/members/me/mentor-offer", rae.token(), Map.of("capacity", 2,
                "stages", List.of("ASPIRING", "EMERGING"), "areas", List.of("MENTAL_HEALTH"), "open", true)));

        // a completed pairing as mentee, with goals, sessions and feedback from both sides
        Api.Member sol = people.member("Sol", "SENIOR", true,
                Map.of("WAR_AND_TRAUMA", "PRIVATE", "GANG_AFFILIATION", "MENTORS"));
        people.offer(sol, 2, true);
        String completed = people.requestDirect(rae, sol);
        awaitPairingStatus(completed, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + completed + "/accept", sol.token(), null));
        ok(api.post("/api/v1/mentorships/" + completed + "/goals", rae.token(), Map.of("text", "Rae's goal: a bid")));
        ok(api.post("/api/v1/mentorships/" + completed + "/sessions", sol.token(), Map.of(
                "date", LocalDate.now().minusDays(1).toString(), "minutes", 45, "note", "Budget walk-through")));
        ok(api.post("/api/v1/mentorships/" + completed + "/complete", rae.token(), null));
        ok(api.post("/api/v1/mentorships/" + completed + "/feedback", rae.token(),
                Map.of("rating", 5, "comment", "Rae thanks Sol")));
        ok(api.post("/api/v1/mentorships/" + completed + "/feedback", sol.token(),
                Map.of("rating", 3, "comment", "Sol's candid view of Rae")));

        // a pairing as mentee that the mentor ended, with a reason of theirs
        Api.Member ode = people.mentor("Ode", 1);
        String endedByOther = people.requestDirect(rae, ode);
        awaitPairingStatus(endedByOther, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + endedByOther + "/accept", ode.token(), null));
        ok(api.post("/api/v1/mentorships/" + endedByOther + "/end", ode.token(), Map.of("reason", "Ode's own reason")));

        // a proposal to Rae as mentee that the mentor declined
        Api.Member vic = people.mentor("Vic", 1);
        String declinedForRae = people.requestDirect(rae, vic);
        awaitPairingStatus(declinedForRae, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + declinedForRae + "/decline", vic.token(),
                Map.of("reason", "Vic's private reason")));

        // as mentor: a proposal Rae declined, and a pairing Rae ended
        Api.Member dee = people.mentee("Dee");
        String declinedByRae = people.requestDirect(dee, rae);
        awaitPairingStatus(declinedByRae, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + declinedByRae + "/decline", rae.token(),
                Map.of("reason", "Rae has no time this term")));
        Api.Member eli = people.mentee("Eli");
        String endedByRae = people.requestDirect(eli, rae);
        awaitPairingStatus(endedByRae, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + endedByRae + "/accept", rae.token(), null));
        ok(api.post("/api/v1/mentorships/" + endedByRae + "/end", rae.token(), Map.of("reason", "Rae is moving away")));
        // a running pairing as mentor: the mentee's MENTORS area is shown to Rae, but is not Rae's to keep
        Api.Member zoe = people.member("Zoe", "EMERGING", true,
                Map.of("SUBSTANCE_MISUSE", "MENTORS", "DOMESTIC_ABUSE", "PRIVATE"));
        String running = people.requestDirect(zoe, rae);
        awaitPairingStatus(running, rae, "PROPOSED");
        ok(api.post("/api/v1/mentorships/" + running + "/accept", rae.token(), null));
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/mentorships/" + running,
                rae.token()).json().get("otherParticipant").get("livedExperience").findValuesAsText("code"))
                .containsExactly("SUBSTANCE_MISUSE"));

        // connections in every state, a block made and one received
        Api.Member ann = people.mentee("Ann");
        Api.Member bea = people.mentee("Bea");
        Api.Member cal = people.mentee("Cal");
        Api.Member dan = people.mentee("Dan");
        Api.Member fay = people.mentee("Fay");
        Api.Member gus = people.mentee("Gus");
        Api.Member hal = people.mentee("Hal");
        String accepted = connect(rae, ann, "Rae writes to Ann");
        ok(api.post("/api/v1/connections/" + accepted + "/accept", ann.token(), null));
        String incoming = connect(bea, rae, "Bea writes to Rae");
        String declined = connect(rae, cal, "Rae writes to Cal");
        ok(api.post("/api/v1/connections/" + declined + "/decline", cal.token(), null));
        String withdrawn = connect(rae, dan, "Rae writes to Dan");
        ok(api.post("/api/v1/connections/" + withdrawn + "/withdraw", rae.token(), null));
        String removed = connect(rae, fay, "Rae writes to Fay");
        ok(api.post("/api/v1/connections/" + removed + "/accept", fay.token(), null));
        ok(api.delete("/api/v1/connections/" + removed, fay.token()));
        assertThat(api.post("/api/v1/members/" + gus.id() + "/block", rae.token(), null).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/members/" + rae.id() + "/block", hal.token(), null).status()).isEqualTo(204);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode export = api.get(EXPORT, rae.token()).json();
            assertThat(byField(export.get("pairings"), "mentorshipId", completed).get("yourFeedback").isNull())
                    .isFalse();
            assertThat(byField(export.get("pairings"), "mentorshipId", endedByRae).get("status").asText())
                    .isEqualTo("ENDED");
            assertThat(byField(export.get("connections"), "connectionId", removed).get("status").asText())
                    .isEqualTo("REMOVED");
            assertThat(export.get("blocksMade")).hasSize(1);
            assertThat(export.get("notifications").findValuesAsText("kind")).contains("PROPOSAL_DECLINED",
                    "CONNECTION_REQUESTED", "CONNECTION_DECLINED", "PROPOSAL_RECEIVED");
        });
        Api.Response response = api.get(EXPORT, rae.token());
        ok(response);
        assertThat(response.contentType()).startsWith("application/json");
        JsonNode export = response.json();
        String text = response.body();

        assertThat(Instant.parse(export.get("generatedAt").asText())).isBefore(Instant.now().plusSeconds(5));
        JsonNode account = export.get("account");
        assertThat(account.get("memberId").asText()).isEqualTo(rae.id());
        assertThat(account.get("email").asText()).isEqualTo(rae.email());
        assertThat(account.get("role").asText()).isEqualTo("MEMBER");
        assertThat(account.get("createdAt").isTextual()).isTrue();
        assertThat(text).doesNotContain(rae.password(), "password");

        JsonNode profile = export.get("profile");
        assertThat(profile.get("displayName").asText()).isEqualTo("Rae");
        assertThat(profile.get("stage").asText()).isEqualTo("EXPERIENCED");
        assertThat(profile.get("livedExperience").toString())
                .isEqualTo("[{\"code\":\"CARE_SYSTEM\",\"visibility\":\"MATCHING\"},"
                           + "{\"code\":\"MENTAL_HEALTH\",\"visibility\":\"MENTORS\"}]");
        assertThat(profile.get("mentorOffer").get("areas").toString()).isEqualTo("[\"MENTAL_HEALTH\"]");
        assertThat(changes(export.get("consents"))).containsExactly(
                "CARE_SYSTEM:->NETWORK", "HOMELESSNESS_HOUSING:->PRIVATE", "MENTAL_HEALTH:->MATCHING",
                "CARE_SYSTEM:NETWORK>PRIVATE", "MENTAL_HEALTH:MATCHING>MENTORS",
                "CARE_SYSTEM:PRIVATE>MATCHING", "HOMELESSNESS_HOUSING:PRIVATE>-");
        assertThat(export.get("consents")).isEqualTo(api.get(ConsentHistoryTest.CONSENTS, rae.token()).json());

        JsonNode done = byField(export.get("pairings"), "mentorshipId", completed);
        assertThat(done.get("role").asText()).isEqualTo("MENTEE");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("otherParticipant").get("memberId").asText()).isEqualTo(sol.id());
        assertThat(done.get("otherParticipant").get("displayName").asText()).isEqualTo("Sol");
        assertThat(done.get("goals").findValuesAsText("text")).containsExactly("Rae's goal: a bid");
        assertThat(done.get("sessions").findValuesAsText("note")).containsExactly("Budget walk-through");
        assertThat(done.get("yourFeedback").get("rating").asInt()).isEqualTo(5);
        assertThat(done.get("yourFeedback").get("comment").asText()).isEqualTo("Rae thanks Sol");
        assertThat(done.get("proposals").findValuesAsText("outcome")).containsExactly("ACCEPTED");

        JsonNode theirEnding = byField(export.get("pairings"), "mentorshipId", endedByOther);
        assertThat(theirEnding.get("status").asText()).isEqualTo("ENDED");
        assertThat(theirEnding.get("yourEndReason").isNull()).isTrue();
        JsonNode myEnding = byField(export.get("pairings"), "mentorshipId", endedByRae);
        assertThat(myEnding.get("role").asText()).isEqualTo("MENTOR");
        assertThat(myEnding.get("yourEndReason").asText()).isEqualTo("Rae is moving away");

        JsonNode waiting = byField(export.get("pairings"), "mentorshipId", declinedForRae);
        assertThat(waiting.get("status").asText()).isEqualTo("REQUESTED");
        assertThat(waiting.get("otherParticipant").isNull()).isTrue();
        JsonNode declinedProposal = waiting.get("proposals").get(0);
        assertThat(declinedProposal.get("outcome").asText()).isEqualTo("DECLINED");
        assertThat(declinedProposal.get("mentor").get("memberId").asText()).isEqualTo(vic.id());
        JsonNode myDecline = byField(export.get("proposalsToYou"), "mentorshipId", declinedByRae);
        assertThat(myDecline.get("outcome").asText()).isEqualTo("DECLINED");
        assertThat(myDecline.get("yourDeclineReason").asText()).isEqualTo("Rae has no time this term");
        assertThat(myDecline.get("mentee").get("memberId").asText()).isEqualTo(dee.id());
        assertThat(byField(export.get("proposalsToYou"), "mentorshipId", endedByRae).get("outcome").asText())
                .isEqualTo("ACCEPTED");
        JsonNode active = byField(export.get("pairings"), "mentorshipId", running);
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("otherParticipant").get("displayName").asText()).isEqualTo("Zoe");

        JsonNode connections = export.get("connections");
        assertThat(connections.findValuesAsText("connectionId"))
                .containsExactly(accepted, incoming, declined, withdrawn, removed);
        assertThat(connections.findValuesAsText("status"))
                .containsExactly("ACCEPTED", "REQUESTED", "DECLINED", "WITHDRAWN", "REMOVED");
        assertThat(connections.findValuesAsText("direction"))
                .containsExactly("SENT", "RECEIVED", "SENT", "SENT", "SENT");
        assertThat(byField(connections, "connectionId", accepted).get("yourMessage").asText())
                .isEqualTo("Rae writes to Ann");
        assertThat(byField(connections, "connectionId", accepted).get("other").get("displayName").asText())
                .isEqualTo("Ann");
        assertThat(byField(connections, "connectionId", incoming).get("yourMessage").isNull()).isTrue();
        assertThat(export.get("blocksMade").findValuesAsText("memberId")).containsExactly(gus.id());

        JsonNode notifications = export.get("notifications");
        assertThat(notifications.findValuesAsText("kind")).doesNotContain("CONNECTION_MADE", "MENTOR_OFFER_OPENED",
                "PAIRING_STARTED", "PAIRING_COMPLETED");
        List<Long> cursors = notifications.findValues("cursor").stream().map(JsonNode::asLong).toList();
        assertThat(cursors).isSorted();
        assertThat(byField(notifications, "kind", "CONNECTION_REQUESTED").get("payload").get("other")
                .get("memberId").asText()).isEqualTo(bea.id());

        // what others wrote for themselves, kept back, or did to Rae without telling her
        assertThat(text).doesNotContain("Sol's candid view of Rae", "Ode's own reason", "Vic's private reason",
                "Bea writes to Rae", "WAR_AND_TRAUMA", "GANG_AFFILIATION", "SUBSTANCE_MISUSE", "DOMESTIC_ABUSE",
                hal.id());
    }

    @Test
    void itIsNotAnsweredWithoutAToken() {
        Api.Response anonymous = api.get(EXPORT, null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(api.get(EXPORT, "not-a-token").status()).isEqualTo(401);
    }

    @Test
    void thereIsNoWayToGetAnotherMembersExport() {
        Api.Member ivy = people.member("Ivy", "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member jon = people.member("Jon", "EMERGING", true, Map.of("POVERTY", "MATCHING"));
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        for (String path : List.of("/api/v1/members/" + ivy.id() + "/export",
                "/api/v1/admin/members/" + ivy.id() + "/export")) {
            // a member is kept out of the admin paths before anything looks for them (403)
            Api.Response asMember = api.get(path, jon.token());
            assertThat(asMember.status()).as(path).isEqualTo(path.startsWith("/api/v1/admin/") ? 403 : 404);
            Api.Response asAdmin = api.get(path, admin);
            assertThat(asAdmin.status()).as(path).isEqualTo(404);
            for (Api.Response refused : List.of(asMember, asAdmin)) {
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(refused.body()).doesNotContain("CARE_SYSTEM", ivy.email());
            }
        }
        // a parameter naming someone else is ignored, like any unknown parameter in the API: still one's own
        Api.Response own = api.get(EXPORT + "?memberId=" + ivy.id() + "&id=" + ivy.id(), jon.token());
        ok(own);
        assertThat(own.json().get("account").get("memberId").asText()).isEqualTo(jon.id());
        assertThat(own.body()).doesNotContain(ivy.id(), ivy.email());
    }

    @Test
    void theExportNeedsNoParametersAndAnswersEveryMistakeInProblemJson() {
        Api.Member newcomer = api.register("Newcomer " + UUID.randomUUID());
        Api.Response fresh = api.get(EXPORT, newcomer.token());
        ok(fresh);
        assertThat(fresh.json().get("account").get("email").asText()).isEqualTo(newcomer.email());
        assertThat(fresh.json().get("pairings")).isEmpty();
        assertThat(fresh.json().get("consents").get("changes")).isEmpty();

        for (String method : List.of("POST", "PUT", "DELETE")) {
            Api.Response refused = api.call(method, EXPORT).token(newcomer.token()).send();
            assertThat(refused.status()).as(method).isEqualTo(405);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Api.Response xml = api.call("GET", EXPORT).token(newcomer.token()).header("Accept", "application/xml").send();
        assertThat(xml.status()).isEqualTo(406);
        assertThat(xml.contentType()).startsWith("application/problem+json");
    }
}
