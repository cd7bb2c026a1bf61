package org.lexnet.app.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An opportunity's life over HTTP: posted by a member or an admin, interest registered and withdrawn,
 * withdrawn by its poster, hidden by an admin with the reason audited, ended by its poster's erasure;
 * who registered shown to the poster as far as each one's visibility allows. Every refusal is a
 * problem+json and leaves the opportunity's stream as it was.
 */
class OpportunityLifecycleTest extends IntegrationTest {

    private static final List<String> NEEDS = List.of("FUNDRAISING_AND_FINANCE");

    @Test
    void interestIsRegisteredWithdrawnAndShownToThePosterAsFarAsVisibilityAllows() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member poster = setup.member("Opp Poster Pat", "EXPERIENCED", NEEDS, List.of("CHARITY"), "LONDON", true);
        Api.Member ann = setup.member("Opp Visible Ann", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        Api.Member hid = setup.member("Opp Hidden Hal", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", false);
        String id = setup.posted(poster, OpportunitySetup.opportunity("FUNDING", NEEDS));
        await().atMost(PROJECTION_WAIT).until(() -> setup.detail(ann, id).status() == 200);

        JsonNode seen = setup.detail(ann, id).json();
        assertThat(seen.at("/opportunity/status").asText()).isEqualTo("OPEN");
        assertThat(seen.at("/opportunity/memberPosted").asBoolean()).isTrue();
        assertThat(seen.at("/opportunity/poster/displayName").asText()).isEqualTo("Opp Poster Pat");
        assertThat(seen.get("registrations").isNull()).as("who registered is for the poster").isTrue();

        assertThat(setup.interest(ann, id).status()).isEqualTo(200);
        assertThat(setup.interest(hid, id).status()).isEqualTo(200);
        long events = eventCount(id);
        refused(setup.interest(ann, id), 409, "already registered");
        refused(setup.interest(poster, id), 409, "posted this opportunity yourself");
        assertThat(eventCount(id)).isEqualTo(events);

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode registrations = setup.detail(poster, id).json().get("registrations");
            assertThat(registrations.get("count").asInt()).isEqualTo(2);
            assertThat(registrations.get("people").findValuesAsText("displayName")).containsExactly("Opp Visible Ann");
            assertThat(registrations.get("notShown").asInt()).isOne();
        });
        assertThat(setup.detail(ann, id).json().at("/opportunity/interested").asBoolean()).isTrue();
        // the poster's contribution record counts what they shared
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(api.get("/api/v1/members/me/contributions",
                poster.token()).json().get("opportunitiesShared").asInt()).isOne());

        JsonNode halsExport = api.get("/api/v1/members/me/export", hid.token()).json().get("opportunities");
        assertThat(halsExport.get("interests").findValuesAsText("opportunityId")).containsExactly(id);
        JsonNode postersExport = api.get("/api/v1/members/me/export", poster.token()).json().get("opportunities");
        assertThat(postersExport.get("posted").findValuesAsText("title"))
                .containsExactly("Small grants for community groups");
        assertThat(postersExport.toString()).doesNotContain(hid.id());

        assertThat(api.delete("/api/v1/opportunities/" + id + "/interest", ann.token()).status()).isEqualTo(200);
        events = eventCount(id);
        refused(api.delete("/api/v1/opportunities/" + id + "/interest", ann.token()), 409, "not registered");
        refused(api.post("/api/v1/opportunities/" + id + "/withdraw", ann.token(), null), 403, "only its poster");
        assertThat(eventCount(id)).isEqualTo(events);

        assertThat(api.post("/api/v1/opportunities/" + id + "/withdraw", poster.token(), null).status()).isEqualTo(200);
        events = eventCount(id);
        refused(setup.interest(ann, id), 409, "only while the opportunity is OPEN");
        assertThat(eventCount(id)).isEqualTo(events);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                setup.detail(ann, id).json().at("/opportunity/status").asText()).isEqualTo("WITHDRAWN"));
        assertThat(api.get("/api/v1/opportunities/posted", poster.token()).json().get("opportunities")
                .findValuesAsText("opportunityId")).contains(id);

        // what the poster wrote is sealed in the event store
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and convert_from(payload, 'UTF8') like '%Small grants%'", Long.class, id)).isZero();
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode history = api.get("/api/v1/admin/opportunities/" + id + "/history", admin).json().get("events");
        assertThat(history.findValuesAsText("type")).containsExactly("OpportunityPostedEvent",
                "InterestRegisteredEvent", "InterestRegisteredEvent", "InterestWithdrawnEvent",
                "OpportunityWithdrawnEvent");
        assertThat(history.get(0).get("payload").get("title").asText()).isEqualTo("Small grants for community groups");
    }

    @Test
    void anAdminPostsAndHidesWithAReasonThatTheAuditKeeps() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member poster = setup.member("Opp Hidden Poster", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        Api.Member other = setup.member("Opp Onlooker", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Response byAdmin = api.post("/api/v1/opportunities", admin, OpportunitySetup.opportunity("TRAINING", NEEDS));
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(201);
        String adminsOwn = byAdmin.json().get("opportunityId").asText();
        String id = setup.posted(poster, OpportunitySetup.opportunity("EVENT", NEEDS));
        await().atMost(PROJECTION_WAIT).until(() -> setup.detail(other, id).status() == 200
                                                    && setup.detail(other, adminsOwn).status() == 200);
        JsonNode official = setup.detail(other, adminsOwn).json().get("opportunity");
        assertThat(api.get("/api/v1/members/me/contributions", admin).json().get("opportunitiesShared").asInt())
                .as("an admin's posting is the programme's, not a member's contribution").isZero();
        assertThat(official.get("memberPosted").asBoolean()).isFalse();
        assertThat(official.get("poster").isNull()).isTrue();

        await().atMost(PROJECTION_WAIT).until(() -> shared(poster) == 1);
        long events = eventCount(id);
        refused(api.post("/api/v1/admin/opportunities/" + id + "/hide", other.token(), Map.of("reason", "spam")), 403,
                null);
        refused(api.post("/api/v1/admin/opportunities/" + id + "/hide", admin, Map.of("reason", " ")), 400, "reason");
        assertThat(eventCount(id)).isEqualTo(events);
        assertThat(api.post("/api/v1/admin/opportunities/" + id + "/hide", admin,
                Map.of("reason", "Asks members for a fee")).status()).isEqualTo(200);

        await().atMost(PROJECTION_WAIT).until(() -> setup.detail(other, id).status() == 404);
        refused(setup.interest(other, id), 404, null);
        JsonNode own = setup.detail(poster, id).json().get("opportunity");
        assertThat(own.get("status").asText()).isEqualTo("HIDDEN");
        await().atMost(PROJECTION_WAIT).until(() -> shared(poster) == 0); // a hidden posting is no contribution
        assertThat(own.get("hiddenReason").asText()).isEqualTo("Asks members for a fee");
        JsonNode hidden = api.get("/api/v1/admin/opportunities/" + id + "/history", admin).json().get("events").get(1);
        assertThat(hidden.get("type").asText()).isEqualTo("OpportunityHiddenEvent");
        assertThat(hidden.get("payload").get("reason").asText()).isEqualTo("Asks members for a fee");
        assertThat(hidden.get("actorId").asText()).isNotEqualTo(poster.id()).isNotBlank();
        assertThat(api.get("/api/v1/admin/opportunities/" + poster.id() + "/history", admin).status()).isEqualTo(404);

        // an admin who leaves takes their words with them: a hiding reason they gave goes from the read model
        Api.Member leaving = api.register("Opp Leaving Admin " + UUID.randomUUID().toString().substring(0, 8));
        jdbc.update("update account set role = 'ADMIN' where member_id = ?::uuid", leaving.id()); // no API grants it
        String leavingAdmin = api.signIn(leaving.email(), leaving.password());
        String second = setup.posted(poster, OpportunitySetup.opportunity("EVENT", NEEDS));
        assertThat(api.post("/api/v1/admin/opportunities/" + second + "/hide", leavingAdmin,
                Map.of("reason", "Words of the leaving admin")).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).until(() -> setup.detail(poster, second).json().path("opportunity")
                .path("hiddenReason").asText().equals("Words of the leaving admin"));
        assertThat(api.call("DELETE", "/api/v1/members/me").token(leavingAdmin)
                .json(Map.of("password", leaving.password())).send().status()).isEqualTo(204);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(setup.detail(poster, second).json()
                .path("opportunity").path("hiddenReason").isNull()
                           || setup.detail(poster, second).json().path("opportunity").path("hiddenReason")
                                   .isMissingNode()).isTrue());
        assertThat(jdbc.queryForObject("select count(*) from opportunity_view where hidden_reason like ?", Long.class,
                "%leaving admin%")).isZero();
        // another aggregate's id is no opportunity
        long posterEvents = eventCount(poster.id());
        refused(setup.interest(other, poster.id()), 404, null);
        refused(api.post("/api/v1/opportunities/" + poster.id() + "/withdraw", poster.token(), null), 404, null);
        assertThat(eventCount(poster.id())).isEqualTo(posterEvents);
    }

    @Test
    void badInputIsRefusedWithAClearMessageAndStoresNothing() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member poster = setup.member("Opp Careless Poster", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        long postedBefore = posted();
        Map<String, String> badValues = Map.of(
                "deadline", Instant.now().minusSeconds(60).toString(),
                "link", "javascript:alert(1)",
                "title", "t".repeat(201));
        badValues.forEach((field, value) -> {
            Map<String, Object> body = OpportunitySetup.opportunity("FUNDING", NEEDS);
            body.put(field, value);
            assertThat(fields(refused(setup.post(poster, body), 400, null))).as(field).contains(field);
        });
        Map<String, Object> ftp = OpportunitySetup.opportunity("FUNDING", NEEDS);
        ftp.put("link", "ftp://example.org/file");
        assertThat(refused(setup.post(poster, ftp), 400, "http or https").toString()).contains("link");
        for (int seats : new int[]{0, -3}) {
            Map<String, Object> body = OpportunitySetup.opportunity("FUNDING", NEEDS);
            body.put("seats", seats);
            assertThat(fields(refused(setup.post(poster, body), 400, null))).contains("seats");
        }
        Map<String, Object> unknownTags = OpportunitySetup.opportunity("FUNDING", List.of("NOT_A_COMPETENCY"));
        unknownTags.put("stages", List.of("NOVICE"));
        unknownTags.put("areas", List.of("NOT_AN_AREA"));
        JsonNode tags = refused(setup.post(poster, unknownTags), 400, null);
        assertThat(fields(tags)).contains("competencies[0]", "stages[0]", "areas[0]");
        assertThat(tags.toString()).contains("NOT_A_COMPETENCY", "NOVICE");
        Map<String, Object> inPerson = OpportunitySetup.opportunity("FUNDING", NEEDS);
        inPerson.put("remote", false);
        assertThat(fields(refused(setup.post(poster, inPerson), 400, null))).contains("region");
        Map<String, Object> longText = OpportunitySetup.opportunity("FUNDING", NEEDS);
        longText.put("description", "d".repeat(4001));
        assertThat(fields(refused(setup.post(poster, longText), 400, null))).contains("description");
        Map<String, Object> unknownKind = OpportunitySetup.opportunity("GRANT", NEEDS);
        refused(setup.post(poster, unknownKind), 400, null);
        assertThat(posted()).as("no opportunity stored").isEqualTo(postedBefore);

        long memberEvents = eventCount(poster.id());
        refused(api.put("/api/v1/members/me/opportunity-preferences", poster.token(), Map.of("weeklyCap", 21)), 400,
                "weeklyCap");
        refused(api.put("/api/v1/members/me/opportunity-preferences", poster.token(),
                Map.of("weeklyCap", 2, "optedOutKinds", List.of("FUNDING", "FUNDING"))), 400, "twice");
        assertThat(eventCount(poster.id())).isEqualTo(memberEvents);
        refused(api.get("/api/v1/opportunities?cursor=not-ours", poster.token()), 400, "cursor");
        refused(api.get("/api/v1/opportunities?limit=0", poster.token()), 400, "limit");
        refused(api.get("/api/v1/opportunities?kind=GRANT", poster.token()), 400, null);
    }

    @Test
    void erasingThePosterWithdrawsTheirOpportunityAndErasingARegistrantFreesTheSeat() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member poster = setup.member("Opp Leaving Poster", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        Api.Member other = setup.member("Opp Other Poster", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON", true);
        Api.Member leaver = setup.member("Opp Leaving Registrant", "EMERGING", NEEDS, List.of("CHARITY"), "LONDON",
                true);
        Map<String, Object> oneSeat = OpportunitySetup.opportunity("PLACEMENT", NEEDS);
        oneSeat.put("seats", 1);
        String leaving = setup.posted(poster, OpportunitySetup.opportunity("ROLE", NEEDS));
        String staying = setup.posted(other, oneSeat);
        assertThat(setup.interest(leaver, staying).status()).isEqualTo(200);
        refused(setup.interest(poster, staying), 409, "no seats left");

        for (Api.Member gone : List.of(poster, leaver)) {
            Api.Response left = api.call("DELETE", "/api/v1/members/me").token(gone.token())
                    .json(Map.of("password", gone.password())).send();
            assertThat(left.status()).as(left.body()).isEqualTo(204);
        }
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            JsonNode withdrawn = setup.detail(other, leaving).json().get("opportunity");
            assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(withdrawn.get("title").isNull()).as("what the poster wrote went with them").isTrue();
            assertThat(setup.detail(other, staying).json().at("/opportunity/seatsTaken").asInt()).isZero();
        });
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        JsonNode events = api.get("/api/v1/admin/opportunities/" + leaving + "/history", admin).json().get("events");
        assertThat(events.get(1).get("payload").get("reason").asText()).isEqualTo("POSTER_ERASED");
    }

    private long posted() {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like "
                + "'%OpportunityPostedEvent'", Long.class);
        return n == null ? 0 : n;
    }

    private static List<String> fields(JsonNode problem) {
        return problem.get("errors").findValuesAsText("field");
    }

    /** The answer is a problem+json of this status whose text says {@code says} (if given). */
    private static JsonNode refused(Api.Response response, int status, String says) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).doesNotContain("Exception", "\tat ");
        if (says != null) {
            assertThat(response.body()).contains(says);
        }
        return response.json();
    }

    private int shared(Api.Member member) {
        return api.get("/api/v1/members/me/contributions", member.token()).json().get("opportunitiesShared").asInt();
    }
}
