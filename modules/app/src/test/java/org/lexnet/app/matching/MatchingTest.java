package org.lexnet.app.matching;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matcher in the product: instant proposals with reasons, the next best after a decline, and
 * explanations that respect consent. Each test asks for shared experience of an area no other test
 * uses ({@code sharedExperience: REQUIRED}), so its candidates are exactly the mentors it made.
 */
@TestPropertySource(properties = {"lexnet.data-dir=target/test-data-matching", "lexnet.test.instant-proposals=true"})
class MatchingTest extends IntegrationTest {

    private People people;

    @BeforeEach
    void people() {
        people = new People(api);
    }

    private Api.Member mentor(String name, boolean visible, int capacity, Map<String, String> areas,
                              List<String> strengths) {
        Api.Member m = people.member(name, "SENIOR", visible, areas);
        assertThat(api.put("/api/v1/members/me/profile", m.token(), Map.of("displayName", name, "region", "LONDON",
                "remote", true, "stage", "SENIOR", "sectors", List.of("CHARITY"), "strengths", strengths,
                "visibleInNetwork", visible)).status()).isEqualTo(200);
        people.offer(m, capacity, true);
        // the matcher's pool is eventually consistent: wait until it knows the offer
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from matching_member m join matching_area a using (member_id) "
                + "where m.member_id = ?::uuid and m.offer_open)", Boolean.class, m.id())));
        return m;
    }

    private String requestRequiring(Api.Member mentee) {
        Api.Response created = api.post("/api/v1/mentorships", mentee.token(), Map.of(
                "needs", List.of("FUNDRAISING_AND_FINANCE"),
                "preferences", Map.of("sharedExperience", "REQUIRED", "crossSector", false, "remoteOnly", false)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("mentorshipId").asText();
    }

    /** Seen by an admin: a mentee is not told who a hidden mentor is before they accept. */
    private JsonNode awaitProposedTo(String id, Api.Member mentee, Api.Member mentor) {
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode detail = api.get("/api/v1/mentorships/" + id, admin).json();
            assertThat(detail.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(detail.get("mentor").get("memberId").asText()).isEqualTo(mentor.id());
        });
        return api.get("/api/v1/mentorships/" + id, mentee.token()).json();
    }

    private List<String> proposedMentors(String id, String admin) {
        List<String> mentors = new ArrayList<>();
        api.get("/api/v1/admin/mentorships/" + id + "/history", admin).json().get("events").forEach(e -> {
            if (e.get("type").asText().equals("MentorProposedEvent")) {
                mentors.add(e.get("payload").get("mentorId").asText());
            }
        });
        return mentors;
    }

    @Test
    void anOpenRequestGetsTheBestMentorProposedAtOnceWithItsReasons() {
        Api.Member mentor = mentor("Theo", true, 1, Map.of("WAR_AND_TRAUMA", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member mentee = people.member("Mina", "EMERGING", true, Map.of("WAR_AND_TRAUMA", "NETWORK"));
        String id = requestRequiring(mentee);

        JsonNode proposal = awaitProposedTo(id, mentee, mentor).get("proposal");
        assertThat(proposal.get("source").asText()).isEqualTo("MATCHER");
        assertThat(proposal.get("score").asInt()).isPositive();
        String reasons = proposal.get("reasons").toString();
        // both share this area with the whole network, so it may be named to anyone reading the pairing
        assertThat(reasons).contains("WAR_AND_TRAUMA").contains("FUNDRAISING_AND_FINANCE");
    }

    @Test
    void afterADeclineTheNextBestIsProposedAndNeverTheDeclinedMentorAgain() {
        Api.Member best = mentor("Best", true, 1, Map.of("GANG_AFFILIATION", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING"));
        Api.Member next = mentor("Next", true, 1, Map.of("GANG_AFFILIATION", "NETWORK"), List.of("NEGOTIATION"));
        Api.Member mentee = people.member("Mina", "EMERGING", true, Map.of("GANG_AFFILIATION", "NETWORK"));
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String id = requestRequiring(mentee);

        awaitProposedTo(id, mentee, best);
        assertThat(api.post("/api/v1/mentorships/" + id + "/decline", best.token(), Map.of("reason", "Full"))
                .status()).isEqualTo(200);
        awaitProposedTo(id, mentee, next);
        assertThat(api.post("/api/v1/mentorships/" + id + "/decline", next.token(), Map.of("reason", "Busy"))
                .status()).isEqualTo(200);

        // nobody else qualifies: the request waits, and neither mentor is ever proposed again
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/mentorships/" + id, mentee.token()).json().get("status").asText())
                .isEqualTo("REQUESTED"));
        assertThat(proposedMentors(id, admin)).containsExactly(best.id(), next.id());
        Api.Response round = api.post("/api/v1/admin/match-rounds", admin, null);
        assertThat(round.status()).isEqualTo(202);
        String roundId = round.json().get("roundId").asText();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/admin/match-rounds/" + roundId, admin).json().get("status").asText())
                .isEqualTo("COMPLETED"));
        JsonNode unmatched = api.get("/api/v1/admin/match-rounds/" + roundId, admin).json().get("unmatched");
        JsonNode ours = null;
        for (JsonNode u : unmatched) {
            if (u.get("mentorshipId").asText().equals(id)) {
                ours = u;
            }
        }
        assertThat(ours).as("the round says why this request stayed unmatched").isNotNull();
        assertThat(ours.get("reason").asText()).isNotBlank();
        assertThat(proposedMentors(id, admin)).containsExactly(best.id(), next.id());
    }

    @Test
    void explanationsNeverNameAnAreaTheViewerMayNotSee() {
        // the mentee shares FORCED_CHILD_MARRIAGE for matching only and REPRODUCTIVE_JUSTICE with the network;
        // the mentor the other way round
        Api.Member mentor = mentor("Theo", true, 2, Map.of("FORCED_CHILD_MARRIAGE", "NETWORK",
                "REPRODUCTIVE_JUSTICE", "MATCHING"), List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member mentee = people.member("Mina", "EMERGING", true,
                Map.of("FORCED_CHILD_MARRIAGE", "MATCHING", "REPRODUCTIVE_JUSTICE", "NETWORK"));
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String id = requestRequiring(mentee);
        JsonNode proposal = awaitProposedTo(id, mentee, mentor).get("proposal");

        // stored with the pairing, read by both and by admins: names neither area
        assertThat(proposal.get("reasons").toString()).doesNotContain("FORCED_CHILD_MARRIAGE", "REPRODUCTIVE_JUSTICE");
        // the mentee may learn what the mentor shares with the network, nothing else
        Api.Response forMentee = api.get("/api/v1/mentorships/" + id + "/candidates", mentee.token());
        assertThat(forMentee.status()).as(forMentee.body()).isEqualTo(200);
        JsonNode candidate = forMentee.json().get("candidates").get(0);
        assertThat(candidate.get("mentorId").asText()).isEqualTo(mentor.id());
        assertThat(candidate.get("breakdown").findValuesAsText("criterion")).contains("SHARED_EXPERIENCE");
        assertThat(candidate.get("breakdown").toString()).contains("FORCED_CHILD_MARRIAGE")
                .doesNotContain("REPRODUCTIVE_JUSTICE");
        int sum = 0;
        for (JsonNode part : candidate.get("breakdown")) {
            sum += part.get("points").asInt();
        }
        assertThat(sum).isEqualTo(candidate.get("score").asInt());
        // admins see neither
        Api.Response forAdmin = api.get("/api/v1/mentorships/" + id + "/candidates", admin);
        assertThat(forAdmin.status()).isEqualTo(200);
        assertThat(forAdmin.body()).doesNotContain("FORCED_CHILD_MARRIAGE", "REPRODUCTIVE_JUSTICE");
    }

    @Test
    void candidatesAreForTheMenteeAndAdminsAndAHiddenMentorStaysAnonymous() {
        Api.Member hidden = mentor("Hidden", false, 2, Map.of("UNPAID_CARER", "MATCHING"),
                List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member mentee = people.member("Mina", "EMERGING", true, Map.of("UNPAID_CARER", "MATCHING"));
        Api.Member stranger = people.mentee("Sam");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String id = requestRequiring(mentee);
        awaitProposedTo(id, mentee, hidden);

        assertThat(api.get("/api/v1/mentorships/" + id + "/candidates", stranger.token()).status()).isEqualTo(404);
        JsonNode forMentee = api.get("/api/v1/mentorships/" + id + "/candidates", mentee.token()).json();
        assertThat(forMentee.get("candidates")).hasSize(1);
        assertThat(forMentee.get("candidates").get(0).get("mentorId").isNull()).isTrue();
        assertThat(forMentee.toString()).doesNotContain(hidden.id(), "Hidden");
        JsonNode forAdmin = api.get("/api/v1/mentorships/" + id + "/candidates", admin).json();
        assertThat(forAdmin.get("candidates").get(0).get("mentorId").asText()).isEqualTo(hidden.id());
    }

    /** The mentor ids the mentee is shown as candidates now (visible mentors only in these tests). */
    private List<String> candidateIds(String id, Api.Member mentee) {
        Api.Response response = api.get("/api/v1/mentorships/" + id + "/candidates", mentee.token());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("candidates").findValuesAsText("mentorId");
    }

    private void awaitPool(String condition, Object... args) {
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(
                jdbc.queryForObject("select " + condition, Boolean.class, args)));
    }

    // Earlier tests leave their mentors in the shared pool, so these look only at their own mentors
    // among the candidates, and make the index warm with a first search rather than a proposal (which
    // could go to anyone's mentor).

    @Test
    void aMentorWhoNarrowsAnAreaIsNotMatchedOnItFromTheNextSearchOn() {
        Api.Member mentor = mentor("Theo", true, 2, Map.of("SEXUAL_VIOLENCE_FGM", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member mentee = people.member("Mina", "EMERGING", true, Map.of("SEXUAL_VIOLENCE_FGM", "NETWORK"));
        String id = requestRequiring(mentee);
        Set<String> ours = Set.of(mentor.id());
        // the candidate index is warm: it has this mentor with the area
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(ourCandidates(id, mentee, ours)).containsExactly(mentor.id()));

        assertThat(api.put("/api/v1/members/me/lived-experience", mentor.token(), Map.of("areas",
                List.of(Map.of("code", "SEXUAL_VIOLENCE_FGM", "visibility", "PRIVATE")))).status()).isEqualTo(200);
        awaitPool("not exists (select 1 from matching_area where member_id = ?::uuid)", mentor.id());
        // the first search after the pool took the change in: no shared experience left, so no candidate
        assertThat(ourCandidates(id, mentee, ours)).isEmpty();
    }

    @Test
    void aBlockedOrPausedMentorIsNotACandidateFromTheNextSearchOn() {
        Api.Member best = mentor("Bo", true, 2, Map.of("MULTIPLE_COMPLEX_NEEDS", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING"));
        Api.Member blocked = mentor("Cy", true, 2, Map.of("MULTIPLE_COMPLEX_NEEDS", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member pausing = mentor("Di", true, 2, Map.of("MULTIPLE_COMPLEX_NEEDS", "NETWORK"), List.of("NEGOTIATION"));
        Api.Member mentee = people.member("Mina", "EMERGING", true, Map.of("MULTIPLE_COMPLEX_NEEDS", "NETWORK"));
        String id = requestRequiring(mentee);
        Set<String> ours = Set.of(best.id(), blocked.id(), pausing.id());
        // (their order depends on whom the instant proposal went to, which is not this test's point)
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(ourCandidates(id, mentee, ours))
                .containsExactlyInAnyOrder(best.id(), blocked.id(), pausing.id()));

        assertThat(api.post("/api/v1/members/" + blocked.id() + "/block", mentee.token(), null).status())
                .isEqualTo(204);
        awaitPool("exists (select 1 from matching_block where blocker_id = ?::uuid and blocked_id = ?::uuid)",
                mentee.id(), blocked.id());
        assertThat(ourCandidates(id, mentee, ours)).containsExactlyInAnyOrder(best.id(), pausing.id());

        assertThat(api.post("/api/v1/members/me/pause", pausing.token(), null).status()).isEqualTo(200);
        awaitPool("paused from matching_member where member_id = ?::uuid", pausing.id());
        assertThat(ourCandidates(id, mentee, ours)).containsExactly(best.id());
    }

    @Test
    void aMentorWhoseOnlySlotWasProposedIsNotACandidateForTheNextRequest() {
        Api.Member mentor = mentor("Ed", true, 1, Map.of("DOMESTIC_ABUSE", "NETWORK"),
                List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member first = people.member("Ann", "EMERGING", true, Map.of("DOMESTIC_ABUSE", "NETWORK"));
        Api.Member second = people.member("Ben", "EMERGING", true, Map.of("DOMESTIC_ABUSE", "NETWORK"));
        String firstId = people.requestDirect(first, mentor);
        awaitProposedTo(firstId, first, mentor);
        awaitPool("exists (select 1 from matching_request where status = 'PROPOSED' and proposed_mentor_id = ?::uuid)",
                mentor.id());
        String secondId = requestRequiring(second);

        awaitPool("exists (select 1 from matching_request where mentorship_id = ?::uuid)", secondId);
        assertThat(ourCandidates(secondId, second, Set.of(mentor.id()))).isEmpty();
    }

    /** The request's candidates among the given mentors, in the order the endpoint ranks them. */
    private List<String> ourCandidates(String id, Api.Member mentee, Set<String> ours) {
        return candidateIds(id, mentee).stream().filter(ours::contains).toList();
    }
}
