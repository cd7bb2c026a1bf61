package org.lexnet.app.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.circle.CircleSetup;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Endorsements over real HTTP: given only where the two know each other's work (a connection, a pairing
 * that was active, a shared circle), refused otherwise with nothing stored; shown on the endorsee's profile
 * only once accepted, to the audience they chose, and no longer once hidden.
 */
class EndorsementTest extends IntegrationTest {

    @Test
    void withoutARelationshipAnEndorsementIsRefusedAndNothingIsStored() {
        People people = new People(api);
        Api.Member ann = people.member("Ann Stranger", "EMERGING", true, Map.of());
        Api.Member ben = people.member("Ben Stranger", "EMERGING", true, Map.of());
        Api.Member hidden = people.member("Hidden Stranger", "EMERGING", false, Map.of());

        Api.Response refused = endorse(ann, ben, "STRATEGIC_THINKING", "Sharp on strategy");
        assertProblem(refused, 403, "accepted connection");
        // a hidden member without a tie does not exist for the endorser
        assertProblem(endorse(ann, hidden, "STRATEGIC_THINKING", "Sharp on strategy"), 404, "no such");
        assertProblem(endorse(ann, new Api.Member(UUID.randomUUID().toString(), null, null, null),
                "STRATEGIC_THINKING", "Sharp"), 404, "no such");
        assertThat(endorsementEventsNaming(ben.id()) + endorsementEventsNaming(hidden.id())).isZero();
    }

    @Test
    void afterAnAcceptedConnectionTheEndorsementShowsOnlyOnceAcceptedToTheChosenAudienceAndHidesOnRequest() {
        People people = new People(api);
        String mark = UUID.randomUUID().toString().substring(0, 8);
        Api.Member ann = people.member("Ann Endorser " + mark, "EMERGING", true, Map.of());
        Api.Member ben = people.member("Ben Endorsed " + mark, "EMERGING", true, Map.of());
        Api.Member carl = people.member("Carl Onlooker " + mark, "EMERGING", true, Map.of());
        connect(ann, ben);
        long feedBefore = api.feedHead(ben.token());

        String text = "Ben raised our first grant " + mark;
        Api.Response given = endorse(ann, ben, "FUNDRAISING_AND_FINANCE", text);
        assertThat(given.status()).as(given.body()).isEqualTo(201);
        String id = given.json().get("endorsementId").asText();

        // the endorsee is told and sees it waiting; the profile shows nothing yet
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(api.feedAfter(ben.token(), feedBefore)).contains("ENDORSEMENT_RECEIVED", id, ann.id())
                    .doesNotContain(text);
            JsonNode received = api.get("/api/v1/members/me/endorsements", ben.token()).json().get("received");
            assertThat(received).hasSize(1);
            assertThat(received.get(0).get("status").asText()).isEqualTo("PENDING");
            assertThat(received.get(0).get("text").asText()).isEqualTo(text);
            assertThat(received.get(0).get("basis").asText()).isEqualTo("CONNECTION");
        });
        assertThat(profileSeenBy(carl, ben)).doesNotContain(text);

        // the same again, for oneself, an unknown code, bad text: refused
        assertProblem(endorse(ann, ben, "FUNDRAISING_AND_FINANCE", "Again"), 409, "already endorsed");
        assertProblem(endorse(ann, ann, "FUNDRAISING_AND_FINANCE", "Me"), 400, "yourself");
        assertProblem(endorse(ann, ben, "NOT_A_COMPETENCY", "Good"), 400, "unknown competency");
        assertProblem(endorse(ann, ben, "STRATEGIC_THINKING", " "), 400, "text");
        assertProblem(endorse(ann, ben, "STRATEGIC_THINKING", "x".repeat(501)), 400, "text");
        // only the endorsee answers; a stranger is told it does not exist
        assertProblem(step(ann, id, "accept", null), 403, "endorsed member");
        assertProblem(step(carl, id, "accept", null), 404, "no such");
        assertProblem(step(ben, id, "accept", Map.of("audience", "MATCHING")), 400, "audience");
        assertProblem(step(ben, id, "hide", null), 409, "PENDING");

        assertThat(step(ben, id, "accept", Map.of("audience", "NETWORK")).status()).isEqualTo(200);
        assertProblem(step(ann, id, "withdraw", null), 409, "answered");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode shown = endorsementsOnProfile(carl, ben);
            assertThat(shown).hasSize(1);
            assertThat(shown.get(0).get("text").asText()).isEqualTo(text);
            assertThat(shown.get(0).get("competency").asText()).isEqualTo("FUNDRAISING_AND_FINANCE");
            assertThat(shown.get(0).get("endorser").get("displayName").asText()).isEqualTo("Ann Endorser " + mark);
        });
        // for someone the endorser blocked (or who blocked them), the endorser's words are not on any profile
        Api.Member dora = people.member("Dora Blocked " + mark, "EMERGING", true, Map.of());
        assertThat(api.post("/api/v1/members/" + dora.id() + "/block", ann.token(), null).status()).isEqualTo(204);
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from block_view where blocker_id = ?::uuid and blocked_id = ?::uuid", Long.class,
                ann.id(), dora.id()) == 1);
        assertThat(endorsementsOnProfile(dora, ben)).isEmpty();
        assertThat(endorsementsOnProfile(carl, ben)).hasSize(1);

        // both exports hold it: the endorser's words, given, and received once accepted
        JsonNode received = api.get("/api/v1/members/me/export", ben.token()).json().get("endorsements").get("received");
        assertThat(received.get(0).get("text").asText()).isEqualTo(text);
        assertThat(received.get(0).get("other").get("memberId").asText()).isEqualTo(ann.id());
        assertThat(api.get("/api/v1/members/me/export", ann.token()).json().get("endorsements").get("given").get(0)
                .get("status").asText()).isEqualTo("ACCEPTED");

        // hidden on request: gone from the profile, still the endorsee's
        assertThat(step(ben, id, "hide", null).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(endorsementsOnProfile(carl, ben)).isEmpty());
        assertThat(api.get("/api/v1/members/me/endorsements", ben.token()).json().get("received").get(0)
                .get("status").asText()).isEqualTo("HIDDEN");

        // shown again to circles only: neither a stranger nor a connection is in that audience
        assertThat(step(ben, id, "show", Map.of("audience", "CIRCLE")).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/members/me/endorsements", ben.token()).json().get("received").get(0)
                        .get("audience").asText()).isEqualTo("CIRCLE"));
        assertThat(endorsementsOnProfile(carl, ben)).isEmpty();
        assertThat(endorsementsOnProfile(ann, ben)).isEmpty();
    }

    @Test
    void aPairingThatWasActiveOrASharedCircleAllowsIt_aBlockDoesNot() {
        People people = new People(api);
        CircleSetup circles = new CircleSetup(api);
        Api.Member mentor = people.mentor("Mentor Endorsed", 2);
        Api.Member mentee = people.mentee("Mentee Endorsing");
        String pairing = people.requestDirect(mentee, mentor);
        // proposed is not yet a pairing that was active
        assertProblem(endorse(mentee, mentor, "STRATEGIC_THINKING", "Clear thinker"), 403, "pairing");
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        Api.Response byMentee = endorse(mentee, mentor, "STRATEGIC_THINKING", "Clear thinker");
        assertThat(byMentee.status()).as(byMentee.body()).isEqualTo(201);

        Api.Member facilitator = circles.facilitator("Facilitator Endorsed", "SENIOR");
        Api.Member seated = circles.member("Seated Endorsing", "EMERGING");
        Api.Member other = circles.member("Seated Blocked", "EMERGING");
        String circle = circles.opened(facilitator, List.of("EMERGING"), 4);
        circles.joined(seated, circle);
        circles.joined(other, circle);
        Api.Response toFacilitator = endorse(seated, facilitator, "BUILDING_TEAMS", "Holds the room with care");
        assertThat(toFacilitator.status()).as(toFacilitator.body()).isEqualTo(201);
        assertThat(endorse(facilitator, seated, "BUILDING_TEAMS", "Brings others in").status()).isEqualTo(201);
        assertThat(api.post("/api/v1/members/" + seated.id() + "/block", other.token(), null).status()).isEqualTo(204);
        assertProblem(endorse(seated, other, "BUILDING_TEAMS", "Kind"), 404, "no such");
        assertProblem(endorse(other, seated, "BUILDING_TEAMS", "Kind"), 409, "blocked");
        assertThat(endorsementEventsNaming(other.id())).isZero();
    }

    private Api.Response endorse(Api.Member by, Api.Member whom, String competency, String text) {
        return api.post("/api/v1/members/" + whom.id() + "/endorsements", by.token(),
                Map.of("competency", competency, "text", text));
    }

    private Api.Response step(Api.Member by, String endorsement, String step, Object body) {
        return api.post("/api/v1/endorsements/" + endorsement + "/" + step, by.token(), body);
    }

    private void connect(Api.Member from, Api.Member to) {
        Api.Response asked = api.post("/api/v1/connections", from.token(), Map.of("to", to.id()));
        assertThat(asked.status()).as(asked.body()).isEqualTo(201);
        assertThat(api.post("/api/v1/connections/" + asked.json().get("connectionId").asText() + "/accept",
                to.token(), null).status()).isEqualTo(200);
    }

    private String profileSeenBy(Api.Member viewer, Api.Member member) {
        Api.Response profile = api.get("/api/v1/members/" + member.id(), viewer.token());
        assertThat(profile.status()).as(profile.body()).isEqualTo(200);
        return profile.body();
    }

    private JsonNode endorsementsOnProfile(Api.Member viewer, Api.Member member) {
        return api.get("/api/v1/members/" + member.id(), viewer.token()).json().get("endorsements");
    }

    /** Endorsement events whose (plaintext) ids name the member: a refused endorsement stores none. */
    private long endorsementEventsNaming(String memberId) {
        Long n = jdbc.queryForObject("""
                select count(*) from domain_event_entry where type = 'Endorsement'
                and convert_from(payload, 'UTF8') like ?""", Long.class, "%" + memberId + "%");
        return n == null ? 0 : n;
    }

    private static void assertProblem(Api.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        // the detail, or the field errors of a 400
        assertThat(response.body()).containsIgnoringCase(detail);
    }
}
