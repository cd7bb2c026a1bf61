package org.lexnet.app.safety;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The matcher and the people it proposes, over real HTTP with instant proposals on (the matching tests'
 * context). Bandwidth: a mentor at their monthly limit, or quiet, is skipped by instant proposals and
 * rounds and refused for connection requests and direct requests — with words that never say a limit
 * was reached — and is back once the limit allows. Responsiveness: a mentor who answers quickly scores
 * for it, with the reason shown. Each test requires shared experience of an area no other test uses, so
 * its candidates are exactly the mentors it made.
 */
@TestPropertySource(properties = {"lexnet.data-dir=target/test-data-matching", "lexnet.test.instant-proposals=true"})
class MatcherWellbeingTest extends IntegrationTest {

    private People people;
    private String admin;

    @BeforeEach
    void people() {
        people = new People(api);
        admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    @Test
    void aMentorAtTheirLimitIsSkippedWithoutBeingNamedAndTakesAgainWhenTheLimitAllows() {
        Api.Member best = mentor("Best At Their Limit", "LGBTQ_RIGHTS", List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member next = mentor("Next With Room", "LGBTQ_RIGHTS", List.of("NEGOTIATION"));
        Api.Response set = api.put("/api/v1/members/me/bandwidth", best.token(), Map.of("maxNewPerMonth", 1));
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        long statsBefore = atLimit();

        String first = requestRequiring(people.member("First Mentee", "EMERGING", true,
                Map.of("LGBTQ_RIGHTS", "NETWORK")), "LGBTQ_RIGHTS");
        awaitProposed(first, best);
        // the one proposal this month was the last: the next request goes to the next best, and the
        // candidates shown for it do not name the mentor at their limit
        String second = requestRequiring(people.member("Second Mentee", "EMERGING", true,
                Map.of("LGBTQ_RIGHTS", "NETWORK")), "LGBTQ_RIGHTS");
        awaitProposed(second, next);
        assertThat(proposedMentors(second)).containsExactly(next.id());
        assertThat(api.get("/api/v1/mentorships/" + second + "/candidates", admin).body()).doesNotContain(best.id());
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(atLimit()).isEqualTo(statsBefore + 1));

        // a connection request and a direct request are refused in words that name no limit, nothing stored
        Api.Member peer = people.member("Peer Asking To Connect", "SENIOR", true, Map.of());
        Api.Response connect = api.post("/api/v1/connections", peer.token(), Map.of("to", best.id()));
        assertThat(connect.status()).isEqualTo(409);
        assertThat(connect.contentType()).startsWith("application/problem+json");
        assertThat(connect.json().get("detail").asText()).doesNotContainIgnoringCase("limit");
        assertThat(api.get("/api/v1/connections", peer.token()).json().get("outgoing")).isEmpty();
        Api.Member naming = people.mentee("Mentee Naming Her");
        Api.Response direct = api.post("/api/v1/mentorships", naming.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", best.id()));
        assertThat(direct.status()).isEqualTo(409);
        assertThat(direct.json().get("detail").asText()).doesNotContainIgnoringCase("limit");
        assertThat(api.get("/api/v1/mentorships", naming.token()).json().get("items")).isEmpty();

        // she sees her setting in her profile, and raises it
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/members/me", best.token())
                .json().get("bandwidth").get("maxNewPerMonth").asInt()).isEqualTo(1));
        assertThat(api.put("/api/v1/members/me/bandwidth", best.token(), Map.of("maxNewPerMonth", 3)).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(atLimit()).isEqualTo(statsBefore));
        String third = requestRequiring(people.member("Third Mentee", "EMERGING", true,
                Map.of("LGBTQ_RIGHTS", "NETWORK")), "LGBTQ_RIGHTS");
        awaitProposed(third, best);
        assertThat(api.post("/api/v1/connections", peer.token(), Map.of("to", best.id())).status()).isEqualTo(201);
    }

    @Test
    void aRoundProposesNoMoreThanAMentorTakesThisMonthAndNothingToAQuietOne() {
        Api.Member limited = mentor("Limited Mentor", "CRIMINAL_JUSTICE", List.of("FUNDRAISING_AND_FINANCE"));
        Api.Member quiet = mentor("Quiet Mentor", "CRIMINAL_JUSTICE", List.of("FUNDRAISING_AND_FINANCE"));
        assertThat(api.put("/api/v1/members/me/bandwidth", limited.token(), Map.of("maxNewPerMonth", 0)).status())
                .isEqualTo(200);
        LocalDate nextWeek = LocalDate.now(ZoneOffset.UTC).plusDays(7);
        assertThat(api.put("/api/v1/members/me/bandwidth", quiet.token(),
                Map.of("quietUntil", nextWeek.toString())).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/members/me", quiet.token())
                .json().get("bandwidth").get("quietUntil").asText()).isEqualTo(nextWeek.toString()));
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select bandwidth_max = 0 from matching_member where member_id = ?::uuid", Boolean.class,
                limited.id())));
        List<String> requests = new ArrayList<>();
        for (String name : List.of("Waiting Mentee One", "Waiting Mentee Two")) {
            requests.add(requestRequiring(people.member(name, "EMERGING", true,
                    Map.of("CRIMINAL_JUSTICE", "NETWORK")), "CRIMINAL_JUSTICE"));
        }
        // one more this month: a round may propose her once, not to both (she has three free slots)
        assertThat(api.put("/api/v1/members/me/bandwidth", limited.token(), Map.of("maxNewPerMonth", 1)).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select bandwidth_max = 1 from matching_member where member_id = ?::uuid", Boolean.class,
                limited.id())));
        JsonNode round = round();

        Map<String, Integer> proposals = new HashMap<>();
        requests.forEach(id -> proposedMentors(id).forEach(mentor -> proposals.merge(mentor, 1, Integer::sum)));
        assertThat(proposals).containsEntry(limited.id(), 1).doesNotContainKey(quiet.id());
        round.get("unmatched").forEach(unmatched -> {
            if (requests.contains(unmatched.get("mentorshipId").asText())) {
                assertThat(unmatched.toString()).doesNotContain(limited.id()).doesNotContain(quiet.id())
                        .doesNotContain("Limited Mentor").doesNotContain("Quiet Mentor");
            }
        });
    }

    @Test
    void aMentorWhoAnswersQuicklyScoresForItAndTheCandidatesSayWhy() {
        Api.Member mentor = mentor("Mentor Who Answers Quickly", "GENDER_EQUALITY", List.of("NEGOTIATION"));
        // two answers within seconds: a decline, then an acceptance
        String first = requestRequiring(people.member("Mentee Declined Quickly", "EMERGING", true,
                Map.of("GENDER_EQUALITY", "NETWORK")), "GENDER_EQUALITY");
        awaitProposed(first, mentor);
        assertThat(api.post("/api/v1/mentorships/" + first + "/decline", mentor.token(),
                Map.of("reason", "Not my field")).status()).isEqualTo(200);
        String second = requestRequiring(people.member("Mentee Accepted Quickly", "EMERGING", true,
                Map.of("GENDER_EQUALITY", "NETWORK")), "GENDER_EQUALITY");
        awaitProposed(second, mentor);
        assertThat(api.post("/api/v1/mentorships/" + second + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        await().atMost(PROJECTION_WAIT).until(() -> Integer.valueOf(2).equals(jdbc.queryForObject(
                "select answered from matching_member where member_id = ?::uuid", Integer.class, mentor.id())));

        Api.Member mentee = people.member("Mentee Who Asks Next", "EMERGING", true,
                Map.of("GENDER_EQUALITY", "NETWORK"));
        String third = requestRequiring(mentee, "GENDER_EQUALITY");
        awaitProposed(third, mentor);
        JsonNode candidate = api.get("/api/v1/mentorships/" + third + "/candidates", mentee.token()).json()
                .get("candidates").get(0);
        assertThat(candidate.get("mentorId").asText()).isEqualTo(mentor.id());
        JsonNode responsive = null;
        for (JsonNode part : candidate.get("breakdown")) {
            if (part.get("criterion").asText().equals("RESPONSIVENESS")) {
                responsive = part;
            }
        }
        assertThat(responsive).as(candidate.toString()).isNotNull();
        assertThat(responsive.get("points").asInt()).isEqualTo(6);
        assertThat(responsive.toString()).contains("Usually answers within a day");
        // the proposal's stored reasons say it too, and the quick mentor is not among the unresponsive
        assertThat(api.get("/api/v1/mentorships/" + third, mentee.token()).json().get("proposal").get("reasons")
                .toString()).contains("Mentor usually answers within a day");
        assertThat(api.get("/api/v1/admin/stats", admin).json().get("wellbeing").get("unresponsiveMentors")
                .findValuesAsText("mentorId")).doesNotContain(mentor.id());
    }

    @Test
    void aBandwidthOutOfRangeIsRefusedWithNothingStored() {
        Api.Member member = people.mentee("Member With A Wrong Bandwidth");
        long events = eventCount(member.id());
        for (Map<String, Object> wrong : List.<Map<String, Object>>of(Map.of("maxNewPerMonth", -1),
                Map.of("maxNewPerMonth", 101), Map.of("quietUntil", LocalDate.now(ZoneOffset.UTC).plusYears(2).toString()),
                Map.of("quietUntil", "next tuesday"))) {
            Api.Response refused = api.put("/api/v1/members/me/bandwidth", member.token(), wrong);
            assertThat(refused.status()).as(wrong + " → " + refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(eventCount(member.id())).isEqualTo(events);
    }

    private Api.Member mentor(String name, String area, List<String> strengths) {
        Api.Member m = people.member(name, "SENIOR", true, Map.of(area, "NETWORK"));
        assertThat(api.put("/api/v1/members/me/profile", m.token(), Map.of("displayName", name, "region", "LONDON",
                "remote", true, "stage", "SENIOR", "sectors", List.of("CHARITY"), "strengths", strengths,
                "visibleInNetwork", true)).status()).isEqualTo(200);
        people.offer(m, 3, true);
        await().atMost(PROJECTION_WAIT).until(() -> Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from matching_member m join matching_area a using (member_id) "
                + "where m.member_id = ?::uuid and m.offer_open)", Boolean.class, m.id())));
        return m;
    }

    private String requestRequiring(Api.Member mentee, String area) {
        Api.Response created = api.post("/api/v1/mentorships", mentee.token(), Map.of(
                "needs", List.of("FUNDRAISING_AND_FINANCE"),
                "preferences", Map.of("sharedExperience", "REQUIRED", "crossSector", false, "remoteOnly", false)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("mentorshipId").asText();
    }

    private void awaitProposed(String id, Api.Member mentor) {
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode detail = api.get("/api/v1/mentorships/" + id, admin).json();
            assertThat(detail.get("status").asText()).isEqualTo("PROPOSED");
            assertThat(detail.get("mentor").get("memberId").asText()).isEqualTo(mentor.id());
        });
    }

    private List<String> proposedMentors(String id) {
        List<String> mentors = new ArrayList<>();
        api.get("/api/v1/admin/mentorships/" + id + "/history", admin).json().get("events").forEach(e -> {
            if (e.get("type").asText().equals("MentorProposedEvent")) {
                mentors.add(e.get("payload").get("mentorId").asText());
            }
        });
        return mentors;
    }

    private JsonNode round() {
        Api.Response started = api.post("/api/v1/admin/match-rounds", admin, null);
        assertThat(started.status()).isEqualTo(202);
        String roundId = started.json().get("roundId").asText();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/admin/match-rounds/" + roundId, admin).json().get("status").asText())
                .isEqualTo("COMPLETED"));
        return api.get("/api/v1/admin/match-rounds/" + roundId, admin).json();
    }

    private long atLimit() {
        return api.get("/api/v1/admin/stats", admin).json().get("wellbeing").get("mentorsAtBandwidthLimit").asLong();
    }
}
