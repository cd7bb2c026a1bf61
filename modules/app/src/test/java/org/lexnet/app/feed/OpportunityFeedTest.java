package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.opportunity.OpportunitySetup;
import org.lexnet.app.support.Api;
import org.lexnet.query.feed.FeedDestinations;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * New opportunities over STOMP: the network hears of each by kind and tags, naming the poster only while
 * visible; the members it fits hear of it on their own queue, except those who opted out of its kind or
 * reached their weekly cap, and never those it does not fit. Every message is checked against
 * docs/asyncapi.yaml.
 */
class OpportunityFeedTest extends FeedIntegrationTest {

    /** A need no other test gives its members, so that only this test's members fit. */
    private static final List<String> NEEDS = List.of("OWNING_YOUR_NARRATIVE");
    private static final List<String> SECTORS = List.of("GRASSROOTS");

    @Test
    void fittingMembersAreNotifiedWithinTheirOptOutsAndWeeklyCap() {
        OpportunitySetup setup = new OpportunitySetup(api);
        Api.Member hiddenPoster = setup.member("Opp Feed Hidden Poster", "SENIOR", List.of(), SECTORS, "LONDON", false);
        Api.Member visiblePoster = setup.member("Opp Feed Visible Poster", "SENIOR", List.of(), SECTORS, "LONDON", true);
        Api.Member fits = setup.member("Opp Feed Fits", "EMERGING", NEEDS, List.of("CHARITY"), "WALES", false);
        Api.Member optedOut = setup.member("Opp Feed Opted Out", "EMERGING", NEEDS, List.of("CHARITY"), "WALES", false);
        Api.Member capped = setup.member("Opp Feed Capped", "EMERGING", NEEDS, List.of("CHARITY"), "WALES", false);
        Api.Member otherStage = setup.member("Opp Feed Senior", "SENIOR", NEEDS, List.of("CHARITY"), "WALES", false);
        Api.Member otherNeeds = setup.member("Opp Feed Other Needs", "EMERGING", List.of("BUSINESS_SKILLS"),
                List.of("PUBLIC_SECTOR"), "WALES", false);
        Api.Member blocksPoster = setup.member("Opp Feed Blocks Poster", "EMERGING", NEEDS, List.of("CHARITY"),
                "WALES", false);
        assertThat(api.post("/api/v1/members/" + hiddenPoster.id() + "/block", blocksPoster.token(), null).status())
                .isEqualTo(204);
        preferences(optedOut, List.of("FUNDING"), 5);
        preferences(capped, List.of(), 1);
        // the feed reads profiles from the member directory and preferences from the opportunities read model
        await().atMost(PROJECTION_WAIT).until(() -> jdbc.queryForObject(
                "select count(*) from block_view where blocker_id = ?::uuid and blocked_id = ?::uuid", Long.class,
                blocksPoster.id(), hiddenPoster.id()) == 1);
        for (Api.Member member : List.of(fits, optedOut, capped, otherStage, otherNeeds, blocksPoster)) {
            await().atMost(PROJECTION_WAIT).until(() -> !api.get("/api/v1/members/me", member.token()).json()
                    .path("stage").asText().isEmpty());
        }
        await().atMost(PROJECTION_WAIT).until(() -> api.get("/api/v1/members/me/opportunity-preferences",
                capped.token()).json().get("weeklyCap").asInt() == 1
                && api.get("/api/v1/members/me/opportunity-preferences", optedOut.token()).json()
                        .get("optedOutKinds").size() == 1);
        assertThat(api.get("/api/v1/members/me/opportunity-preferences", fits.token()).json().get("weeklyCap")
                .asInt()).as("the default cap").isEqualTo(3);
        long head = api.feedHead(fits.token());
        FeedClient fitsFeed = listen(fits);
        FeedClient optedOutFeed = listen(optedOut);
        FeedClient cappedFeed = listen(capped);
        FeedClient blocksPosterFeed = listen(blocksPoster);

        Map<String, Object> funding = OpportunitySetup.opportunity("FUNDING", NEEDS);
        funding.put("stages", List.of("EMERGING"));
        funding.put("title", "A private title never on the feed");
        String first = setup.posted(hiddenPoster, funding);
        JsonNode posted = awaitPublic(fitsFeed, "OPPORTUNITY_POSTED", field("opportunityId", first)).body()
                .get("payload");
        assertThat(posted.get("opportunityKind").asText()).isEqualTo("FUNDING");
        assertThat(posted.get("competencies").get(0).asText()).isEqualTo("OWNING_YOUR_NARRATIVE");
        assertThat(posted.get("postedBy")).as("a hidden poster is not named").isEmpty();
        JsonNode matched = awaitNotification(fitsFeed, "OPPORTUNITY_MATCHED", field("opportunityId", first)).body()
                .get("payload");
        assertThat(matched.get("needs").get(0).asText()).isEqualTo("OWNING_YOUR_NARRATIVE");
        awaitNotification(cappedFeed, "OPPORTUNITY_MATCHED", field("opportunityId", first));

        Map<String, Object> training = OpportunitySetup.opportunity("TRAINING", NEEDS);
        training.put("stages", List.of("EMERGING"));
        String second = setup.posted(visiblePoster, training);
        JsonNode named = awaitPublic(fitsFeed, "OPPORTUNITY_POSTED", field("opportunityId", second)).body()
                .get("payload");
        assertThat(named.get("postedBy").get(0).get("displayName").asText()).isEqualTo("Opp Feed Visible Poster");
        awaitNotification(fitsFeed, "OPPORTUNITY_MATCHED", field("opportunityId", second));
        awaitNotification(optedOutFeed, "OPPORTUNITY_MATCHED", field("opportunityId", second));
        awaitNotification(blocksPosterFeed, "OPPORTUNITY_MATCHED", field("opportunityId", second));

        // every entry of one posting commits together: those not sent by now are never sent
        assertThat(matches(optedOut, first)).as("opted out of FUNDING").isZero();
        assertThat(matches(capped, second)).as("the weekly cap of 1 was reached").isZero();
        assertThat(matches(blocksPoster, first)).as("blocked the poster").isZero();
        for (Api.Member unfit : List.of(otherStage, otherNeeds, hiddenPoster, visiblePoster)) {
            assertThat(matches(unfit, first) + matches(unfit, second)).as("not fitting").isZero();
        }
        assertThat(catchUp(api, fits, head, 200).stream().filter(e -> e.get("kind").asText()
                .equals("OPPORTUNITY_MATCHED")).count()).isEqualTo(2);
        assertThat(fitsFeed.on(FeedDestinations.NETWORK).toString()).doesNotContain("A private title",
                "Opp Feed Hidden Poster");
    }

    private void preferences(Api.Member member, List<String> optedOut, int cap) {
        Api.Response saved = api.put("/api/v1/members/me/opportunity-preferences", member.token(),
                Map.of("optedOutKinds", optedOut, "weeklyCap", cap));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
    }

    /** How many notifications of this opportunity the member has (their catch-up feed). */
    private long matches(Api.Member member, String opportunity) {
        return catchUp(api, member, 0, 200).stream()
                .filter(e -> e.get("kind").asText().equals("OPPORTUNITY_MATCHED")
                             && opportunity.equals(e.get("payload").get("opportunityId").asText()))
                .count();
    }
}
