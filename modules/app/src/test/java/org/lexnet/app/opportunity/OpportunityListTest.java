package org.lexnet.app.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What is open for a member, best fit first, each with the reasons it fits in the matcher's words;
 * filtered by kind; paged with a cursor that gives the same order. The shared database holds other
 * tests' opportunities: the checks look at this test's own, in the order the list gives them.
 */
class OpportunityListTest extends IntegrationTest {

    @Test
    void aSuspendedPostersOpportunitiesAreNotListedUntilReinstated() {
        OpportunitySetup setup = new OpportunitySetup(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Member poster = setup.member("Opp Suspended Poster", "SENIOR", List.of(), List.of("CHARITY"), "LONDON",
                true);
        Api.Member me = setup.member("Opp Suspension Reader", "EMERGING", List.of("FUNDRAISING_AND_FINANCE"),
                List.of("GRASSROOTS"), "NORTH_EAST", false);
        String id = setup.posted(poster, OpportunitySetup.opportunity("FUNDING", List.of("FUNDRAISING_AND_FINANCE")));
        await().atMost(PROJECTION_WAIT).until(() -> mineIn(all(me, "", 200), List.of(id)).size() == 1);

        Api.Response raised = api.post("/api/v1/concerns", me.token(), Map.of("subjectType", "MEMBER", "subjectId",
                poster.id(), "category", "HARASSMENT", "text", "Asks for money up front"));
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String concern = raised.json().get("concernId").asText();
        await().atMost(PROJECTION_WAIT).until(() -> api.get("/api/v1/admin/concerns/" + concern, admin).status() == 200);
        assertThat(api.post("/api/v1/admin/concerns/" + concern + "/resolve", admin,
                Map.of("action", "SUSPENDED", "note", "Confirmed")).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).until(() -> mineIn(all(me, "", 200), List.of(id)).isEmpty());

        assertThat(api.post("/api/v1/admin/members/" + poster.id() + "/reinstate", admin,
                Map.of("reason", "Repaid and apologised")).status())
                .isEqualTo(204);
        await().atMost(PROJECTION_WAIT).until(() -> mineIn(all(me, "", 200), List.of(id)).size() == 1);
    }

    @Test
    void openOpportunitiesAreRankedForMeWithTheirReasons() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member poster = setup.member("Opp List Poster", "SENIOR", List.of(), List.of("CHARITY"), "LONDON", true);
        Api.Member me = setup.member("Opp List Reader", "EMERGING",
                List.of("FUNDRAISING_AND_FINANCE", "OWNING_YOUR_NARRATIVE"), List.of("GRASSROOTS"), "NORTH_EAST", false);

        Map<String, Object> best = OpportunitySetup.opportunity("FUNDING",
                List.of("FUNDRAISING_AND_FINANCE", "OWNING_YOUR_NARRATIVE"));
        best.put("stages", List.of("EMERGING", "EXPERIENCED"));
        best.put("sectors", List.of("GRASSROOTS"));
        Map<String, Object> good = OpportunitySetup.opportunity("FUNDING", List.of("FUNDRAISING_AND_FINANCE"));
        good.put("stages", List.of("EMERGING"));
        Map<String, Object> training = OpportunitySetup.opportunity("TRAINING", List.of("OWNING_YOUR_NARRATIVE"));
        Map<String, Object> nearby = OpportunitySetup.opportunity("EVENT", List.of("STRATEGIC_THINKING"));
        nearby.put("remote", false);
        nearby.put("region", "NORTH_EAST");
        Map<String, Object> seniorOnly = OpportunitySetup.opportunity("ROLE", List.of("FUNDRAISING_AND_FINANCE"));
        seniorOnly.put("stages", List.of("SENIOR"));
        Map<String, Object> elsewhere = OpportunitySetup.opportunity("EVENT", List.of("FUNDRAISING_AND_FINANCE"));
        elsewhere.put("remote", false);
        elsewhere.put("region", "LONDON");
        String goodId = setup.posted(poster, good);
        String trainingId = setup.posted(poster, training);
        String bestId = setup.posted(poster, best);
        String nearbyId = setup.posted(poster, nearby);
        String seniorId = setup.posted(poster, seniorOnly);
        String elsewhereId = setup.posted(poster, elsewhere);
        List<String> mine = List.of(bestId, goodId, trainingId, nearbyId, seniorId, elsewhereId);
        await().atMost(PROJECTION_WAIT).until(() -> mine.stream().allMatch(id -> setup.detail(poster, id).status() == 200)
                && !api.get("/api/v1/members/me", me.token()).json().path("stage").asText().isEmpty());

        List<JsonNode> listed = mineIn(all(me, "", 200), mine);
        assertThat(listed.stream().map(o -> o.get("opportunityId").asText()).toList())
                .as("best fit first; another stage and another region are not for me")
                .containsExactly(bestId, goodId, trainingId, nearbyId);
        assertThat(listed.get(1).get("explanation").asText())
                .isEqualTo("fits your need: fundraising and finance; for EMERGING leaders; remote");
        assertThat(textsOf(listed.get(0).get("reasons"))).containsExactly(
                "fits your needs: fundraising and finance, owning and telling your own narrative",
                "for EMERGING leaders", "in your sector: grassroots community (outside any organisation)", "remote");
        assertThat(textsOf(listed.get(3).get("reasons"))).containsExactly("in your region: North East");
        assertThat(listed.get(0).get("poster").get("displayName").asText()).isEqualTo("Opp List Poster");

        assertThat(mineIn(all(me, "&kind=TRAINING", 200), mine).stream().map(o -> o.get("opportunityId").asText()))
                .containsExactly(trainingId);
        // page by page, the same order
        assertThat(mineIn(all(me, "", 2), mine)).isEqualTo(listed);
        // the poster does not see their own
        assertThat(mineIn(all(poster, "", 200), mine)).isEmpty();

        // a block either way: the poster's opportunities are not there for the other, as their profile is not
        assertThat(api.post("/api/v1/members/" + poster.id() + "/block", me.token(), null).status()).isEqualTo(204);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(mineIn(all(me, "", 200), mine)).isEmpty());
        assertThat(setup.detail(me, bestId).status()).isEqualTo(404);
        Api.Response blocked = setup.interest(me, bestId);
        assertThat(blocked.status()).as(blocked.body()).isEqualTo(404);
    }

    /** Every page of the list, followed to its end. */
    private List<JsonNode> all(Api.Member member, String filter, int limit) {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            Api.Response page = api.get("/api/v1/opportunities?limit=" + limit + filter
                                        + (cursor == null ? "" : "&cursor=" + cursor), member.token());
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("opportunities").forEach(all::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        return all;
    }

    private static List<JsonNode> mineIn(List<JsonNode> listed, List<String> mine) {
        return listed.stream().filter(o -> mine.contains(o.get("opportunityId").asText())).toList();
    }

    private static List<String> textsOf(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
