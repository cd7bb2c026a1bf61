package org.lexnet.app.safety;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.circle.CircleSetup;
import org.lexnet.app.feed.FeedClient;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.matching.pool.MatchingPool;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.user.SimpUserRegistry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Concerns over real HTTP: raised by a member, worked by an admin to a suspension, and what the suspension
 * takes away (the pool, suggestions, the feed, open proposals, tokens) and a reinstatement gives back; the
 * reporter's anonymity on everything the subject can read; and what is refused with nothing stored.
 */
class ConcernsTest extends IntegrationTest {

    @Autowired
    MatchingPool pool;

    @Autowired
    SimpUserRegistry feedUsers;

    @Test
    void aConcernResolvedWithSuspensionTakesTheMemberOutOfEverythingUntilReinstated() {
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String subjectName = "Suspended Mentor " + UUID.randomUUID();
        Api.Member subject = people.mentor(subjectName, 2);
        Api.Member reporter = people.mentee("Reporter Of A Concern");
        Api.Member peer = people.member("Peer Of The Suspended", "SENIOR", true, Map.of());
        Api.Member mentee = people.mentee("Mentee Proposed To The Suspended");
        String proposal = people.requestDirect(mentee, subject);
        long feedStart = api.feedHead(mentee.token()) - 1;

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(suggestedTo(peer)).contains(subject.id());
            assertThat(pool.availableMentorsAmong(List.of(UUID.fromString(subject.id())))).hasSize(1);
            assertThat(api.feedAfter(mentee.token(), 0)).contains(subjectName);
        });

        String concern = raise(reporter, "MEMBER", subject.id(), "HARASSMENT", "Keeps asking for unpaid advice");
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(mine(reporter).get(0).get("status").asText()).isEqualTo("OPEN"));
        JsonNode queued = api.get("/api/v1/admin/concerns?status=OPEN&limit=200", admin).json().get("concerns");
        assertThat(queued.findValuesAsText("concernId")).contains(concern);

        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/assign", admin, null).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(mine(reporter).get(0).get("status").asText()).isEqualTo("IN_REVIEW"));
        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/note", admin,
                Map.of("text", "Spoke to two other mentees; same pattern")).status()).isEqualTo(200);
        FeedClient openFeed = FeedClient.listeningOnceRegistered(port, subject.token(), feedUsers, subject.id());
        String correlation = UUID.randomUUID().toString();
        Api.Response resolved = api.call("POST", "/api/v1/admin/concerns/" + concern + "/resolve").token(admin)
                .header("X-Correlation-Id", correlation).json(Map.of("action", "SUSPENDED", "note", "Pattern confirmed"))
                .send();
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);

        // tokens stop at once, and signing in gives none; a feed connection opened before is closed, saying why
        assertThat(api.get("/api/v1/members/me", subject.token()).status()).isEqualTo(401);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(openFeed.isConnected()).isFalse();
            assertThat(openFeed.errors()).anyMatch(error -> error.contains("access to lexnet has ended"));
        });
        openFeed.close();
        Api.Response signIn = api.post("/api/v1/auth/token", null,
                Map.of("email", subject.email(), "password", subject.password()));
        assertThat(signIn.status()).isEqualTo(403);
        assertThat(signIn.contentType()).startsWith("application/problem+json");
        // the open proposal ended: the request waits for another mentor
        assertThat(api.get("/api/v1/mentorships/" + proposal, mentee.token()).json().get("status").asText())
                .isEqualTo("REQUESTED");
        // nobody can name them as mentor any more
        Api.Member another = people.mentee("Another Mentee Naming The Suspended");
        assertThat(api.post("/api/v1/mentorships", another.token(),
                Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"), "mentorId", subject.id())).status())
                .isBetween(400, 499);
        // out of the pool, the suggestions and the feed
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(pool.availableMentorsAmong(List.of(UUID.fromString(subject.id())))).isEmpty();
            assertThat(suggestedTo(peer)).doesNotContain(subject.id());
            assertThat(api.feedAfter(mentee.token(), 0)).doesNotContain(subjectName);
            assertThat(api.feedAfter(mentee.token(), feedStart)).contains("PROPOSAL_DECLINED");
        });
        // the reporter sees the status, never the action
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode own = mine(reporter).get(0);
            assertThat(own.get("status").asText()).isEqualTo("RESOLVED");
            assertThat(own.has("action")).isFalse();
            assertThat(own.toString()).doesNotContain("SUSPENDED").doesNotContain(subjectName);
        });
        // the audit: every step, its actor, time and correlation, and the suspension it led to
        JsonNode history = api.get("/api/v1/admin/concerns/" + concern + "/history", admin).json().get("events");
        assertThat(history.findValuesAsText("type")).containsExactly("ConcernRaisedEvent", "ConcernAssignedEvent",
                "ConcernNotedEvent", "ConcernResolvedEvent", "MemberSuspendedEvent");
        assertThat(history.get(0).get("actorId").asText()).isEqualTo(reporter.id());
        assertThat(history.get(0).get("payload").get("text").asText()).isEqualTo("Keeps asking for unpaid advice");
        assertThat(history.get(3).get("correlationId").asText()).isEqualTo(correlation);
        assertThat(history.get(4).get("correlationId").asText()).isEqualTo(correlation);
        assertThat(history.get(4).get("aggregateId").asText()).isEqualTo(subject.id());
        history.forEach(step -> assertThat(step.get("occurredAt").isNull()).isFalse());
        String adminId = history.get(1).get("actorId").asText();
        assertThat(List.of(history.get(2), history.get(3), history.get(4)))
                .allSatisfy(step -> assertThat(step.get("actorId").asText()).isEqualTo(adminId));
        JsonNode detail = api.get("/api/v1/admin/concerns/" + concern, admin).json();
        assertThat(detail.get("action").asText()).isEqualTo("SUSPENDED");
        assertThat(detail.get("subjectMemberId").asText()).isEqualTo(subject.id());
        // a resolved concern stays resolved
        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/resolve", admin,
                Map.of("action", "NO_ACTION")).status()).isEqualTo(409);

        // reinstatement gives everything back but the proposal that ended
        assertThat(api.post("/api/v1/admin/members/" + subject.id() + "/reinstate", admin, Map.of("reason", "")).status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/admin/members/" + subject.id() + "/reinstate", admin,
                Map.of("reason", "Completed the code-of-conduct conversation")).status()).isEqualTo(204);
        assertThat(api.post("/api/v1/admin/members/" + subject.id() + "/reinstate", admin,
                Map.of("reason", "twice")).status()).isEqualTo(409);
        String again = api.signIn(subject.email(), subject.password());
        assertThat(api.get("/api/v1/members/me", again).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(pool.availableMentorsAmong(List.of(UUID.fromString(subject.id())))).hasSize(1);
            assertThat(suggestedTo(peer)).contains(subject.id());
            assertThat(api.feedAfter(mentee.token(), 0)).contains(subjectName);
        });
    }

    @Test
    void theSubjectNeverLearnsWhoRaisedAConcernOnAnythingTheyCanRead() {
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String reporterName = "Anonymous Reporter " + UUID.randomUUID();
        // hidden from the network, so nothing the subject may read names them for any other reason
        Api.Member reporter = people.member(reporterName, "SENIOR", false, Map.of());
        Api.Member subject = people.member("Subject Of A Warning", "SENIOR", true, Map.of());
        String text = "Private words of the reporter " + UUID.randomUUID();
        String concern = raise(reporter, "MEMBER", subject.id(), "SPAM", text);
        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/assign", admin, null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/resolve", admin,
                Map.of("action", "WARNING", "note", "Told them about the community rules")).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() ->
                assertThat(mine(reporter).get(0).get("status").asText()).isEqualTo("RESOLVED"));

        List<String> readable = new ArrayList<>();
        for (String path : List.of("/api/v1/members/me", "/api/v1/members/me/export", "/api/v1/members/me/consents",
                "/api/v1/feed?after=0&limit=200", "/api/v1/mentorships", "/api/v1/connections",
                "/api/v1/connections/suggestions", "/api/v1/concerns/mine")) {
            Api.Response answer = api.get(path, subject.token());
            assertThat(answer.status()).as(path).isLessThan(500);
            readable.add(answer.body());
        }
        for (String path : List.of("/api/v1/admin/concerns", "/api/v1/admin/concerns/" + concern,
                "/api/v1/admin/concerns/" + concern + "/history")) {
            assertThat(api.get(path, subject.token()).status()).as(path).isEqualTo(403);
        }
        assertThat(readable).allSatisfy(body -> assertThat(body).doesNotContain(reporter.id())
                .doesNotContain(reporterName).doesNotContain(concern).doesNotContain(text).doesNotContain("SPAM")
                .doesNotContain("WARNING"));
        assertThat(mine(subject)).isEmpty();
        // a hidden reporter stays as hidden as ever: a concern makes no relationship
        assertThat(api.get("/api/v1/members/" + reporter.id(), subject.token()).status()).isEqualTo(404);
    }

    @Test
    void badConcernsAndFloodingAreRefusedWithNothingStored() {
        People people = new People(api);
        Api.Member reporter = people.mentee("Reporter Who Floods");
        Api.Member other = people.mentee("Someone Else");
        Api.Member stranger = people.mentee("A Stranger");
        Api.Member mentor = people.mentor("Mentor Of Someone Else", 1);
        String theirPairing = people.requestDirect(other, mentor);

        long before = concernEvents();
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", other.id(), "category", "SPAM", "text", " "),
                400, "text");
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", reporter.id(), "category", "SPAM",
                "text", "about me"), 400, "subjectId");
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", UUID.randomUUID().toString(), "category",
                "SPAM", "text", "nobody"), 404, null);
        refused(reporter, Map.of("subjectType", "MENTORSHIP", "subjectId", theirPairing, "category", "SPAM",
                "text", "not my pairing"), 404, null);
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", "not-an-id", "category", "SPAM",
                "text", "x"), 400, "subjectId");
        refused(reporter, Map.of("subjectType", "FEED_ENTRY", "subjectId", "999999999", "category", "SPAM",
                "text", "x"), 404, null);
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", other.id(), "category", "RUDE",
                "text", "x"), 400, null);
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", other.id(), "text", "x"), 400, "category");
        refused(reporter, Map.of("subjectType", "MEMBER", "subjectId", other.id(), "category", "SPAM",
                "text", "x".repeat(2_001)), 400, "text");
        assertThat(concernEvents()).isEqualTo(before);

        // a concern about a connection request and about the feed entry it made: both name the requester
        Api.Response connection = api.post("/api/v1/connections", stranger.token(), Map.of("to", reporter.id()));
        assertThat(connection.status()).as(connection.body()).isEqualTo(201);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        String aboutConnection = raise(reporter, "CONNECTION", connection.json().get("connectionId").asText(),
                "SPAM", "A request out of nowhere");
        await().atMost(PROJECTION_WAIT).until(() -> api.feedAfter(reporter.token(), 0).contains("CONNECTION_REQUESTED"));
        JsonNode entries = api.get("/api/v1/feed?after=0&limit=200", reporter.token()).json().get("entries");
        String cursor = null;
        for (JsonNode entry : entries) {
            if (entry.get("kind").asText().equals("CONNECTION_REQUESTED")) {
                cursor = entry.get("cursor").asText();
            }
        }
        String aboutEntry = raise(reporter, "FEED_ENTRY", cursor, "SPAM", "The same request, in my feed");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            for (String id : List.of(aboutConnection, aboutEntry)) {
                Api.Response detail = api.get("/api/v1/admin/concerns/" + id, admin);
                assertThat(detail.status()).isEqualTo(200);
                assertThat(detail.json().get("subjectMemberId").asText()).isEqualTo(stranger.id());
            }
        });

        // flooding: the limit (5 in a day) counts every concern raised; the next is refused, nothing stored
        for (int i = 0; i < 3; i++) {
            raise(reporter, "MEMBER", other.id(), "SPAM", "Concern number " + i);
        }
        long full = concernEvents();
        Api.Response flood = api.post("/api/v1/concerns", reporter.token(), Map.of("subjectType", "MEMBER",
                "subjectId", other.id(), "category", "SPAM", "text", "One too many"));
        assertThat(flood.status()).isEqualTo(429);
        assertThat(flood.contentType()).startsWith("application/problem+json");
        assertThat(concernEvents()).isEqualTo(full);
        // another member is not held back by it
        raise(other, "MEMBER", reporter.id(), "OTHER", "Unrelated");
    }

    @Test
    void aConcernAboutACircleNeedsASeatInItAndNamesNobody() {
        CircleSetup circles = new CircleSetup(api);
        Api.Member facilitator = circles.facilitator("Facilitator Of A Circle Of Concern", "SENIOR");
        Api.Member seated = circles.member("Seated In The Circle", "EMERGING");
        Api.Member outsider = circles.member("Outside The Circle", "EMERGING");
        String circle = circles.opened(facilitator, List.of("EMERGING"), 4);
        circles.joined(seated, circle);

        long before = concernEvents();
        refused(outsider, Map.of("subjectType", "CIRCLE", "subjectId", circle, "category", "OTHER",
                "text", "a circle I am not in"), 404, null);
        refused(seated, Map.of("subjectType", "CIRCLE", "subjectId", UUID.randomUUID().toString(), "category",
                "OTHER", "text", "no such circle"), 404, null);
        assertThat(concernEvents()).isEqualTo(before);

        String concern = raise(seated, "CIRCLE", circle, "SAFEGUARDING_RISK", "A story was retold without consent");
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response detail = api.get("/api/v1/admin/concerns/" + concern, admin);
            assertThat(detail.status()).isEqualTo(200);
            assertThat(detail.json().get("subjectType").asText()).isEqualTo("CIRCLE");
            assertThat(detail.json().get("subjectId").asText()).isEqualTo(circle);
            assertThat(detail.json().get("subjectMemberId").isNull()).as(detail.body()).isTrue();
        });
        assertThat(api.post("/api/v1/concerns", facilitator.token(), Map.of("subjectType", "CIRCLE",
                "subjectId", circle, "category", "OTHER", "text", "as its facilitator")).status()).isEqualTo(201);
    }

    private String raise(Api.Member reporter, String type, String subjectId, String category, String text) {
        Api.Response raised = api.post("/api/v1/concerns", reporter.token(),
                Map.of("subjectType", type, "subjectId", subjectId, "category", category, "text", text));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        return raised.json().get("concernId").asText();
    }

    private void refused(Api.Member reporter, Map<String, String> body, int status, String field) {
        Api.Response answer = api.post("/api/v1/concerns", reporter.token(), body);
        assertThat(answer.status()).as(body + " → " + answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        if (field != null) {
            assertThat(answer.json().get("errors").findValuesAsText("field")).contains(field);
        }
    }

    private JsonNode mine(Api.Member reporter) {
        return api.get("/api/v1/concerns/mine", reporter.token()).json().get("concerns");
    }

    private List<String> suggestedTo(Api.Member member) {
        return api.get("/api/v1/connections/suggestions", member.token()).json().get("suggestions")
                .findValuesAsText("memberId");
    }

    private long concernEvents() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where type = 'Concern'", Long.class);
        return n == null ? 0 : n;
    }
}
