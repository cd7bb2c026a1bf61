package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.query.feed.FeedDestinations;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Private notifications reach exactly the member they are for, over a real STOMP connection, and say
 * no more than they may: no connection message, no decline reason, no name the relationship does not
 * allow.
 */
class FeedDeliveryTest extends FeedIntegrationTest {

    @Test
    void aConnectionRequestReachesTheAddresseesQueueAndNobodyElses() {
        Api.Member asker = people().member("Asha", "EMERGING", true, Map.of());
        Api.Member addressee = people().member("Bo", "EMERGING", true, Map.of());
        Api.Member bystander = people().member("Cy", "EMERGING", true, Map.of());
        FeedClient askerFeed = listen(asker);
        FeedClient addresseeFeed = listen(addressee);
        FeedClient bystanderFeed = listen(bystander);

        String connection = requestConnection(asker, addressee, "words meant only for Bo");
        JsonNode request = awaitNotification(addresseeFeed, "CONNECTION_REQUESTED",
                field("connectionId", connection)).body();
        assertThat(request.get("cursor").asLong()).isPositive();
        assertThat(request.get("occurredAt").asText()).isNotBlank();
        assertThat(request.at("/payload/other/memberId").asText()).isEqualTo(asker.id());
        assertThat(request.at("/payload/other/displayName").asText()).isEqualTo("Asha");

        // the bystander's queue is live (their own request arrives), and the first one never came there
        String toBystander = requestConnection(asker, bystander, null);
        awaitNotification(bystanderFeed, "CONNECTION_REQUESTED", field("connectionId", toBystander));
        assertThat(mentions(bystanderFeed, connection)).isEmpty();

        // the answer goes back to the asker only; the asker never saw the request itself
        answerConnection(addressee, connection, "accept");
        JsonNode accepted = awaitNotification(askerFeed, "CONNECTION_ACCEPTED", field("connectionId", connection))
                .body();
        assertThat(accepted.at("/payload/other/memberId").asText()).isEqualTo(addressee.id());
        assertThat(accepted.at("/payload/other/displayName").asText()).as("connected: named").isEqualTo("Bo");
        assertThat(askerFeed.on(FeedDestinations.MY_NOTIFICATIONS)).extracting(FeedClient.Received::kind)
                .doesNotContain("CONNECTION_REQUESTED");
        assertThat(mentions(bystanderFeed, connection)).isEmpty();

        // the request's own words stay in the connection; they are never in the feed
        for (FeedClient client : List.of(askerFeed, addresseeFeed, bystanderFeed)) {
            assertThat(client.received()).noneSatisfy(r ->
                    assertThat(r.body().toString()).contains("words meant only for Bo"));
        }
    }

    @Test
    void declinesAndWithdrawalsGoToTheOtherSideAndNameOnlyVisibleMembers() {
        // a hidden member may ask; only a visible one may be asked
        Api.Member asker = people().member("Dara", "EMERGING", false, Map.of());
        Api.Member addressee = people().member("Eli", "EMERGING", true, Map.of());
        FeedClient askerFeed = listen(asker);
        FeedClient addresseeFeed = listen(addressee);

        String withdrawn = requestConnection(asker, addressee, null);
        awaitNotification(addresseeFeed, "CONNECTION_REQUESTED", field("connectionId", withdrawn));
        answerConnection(asker, withdrawn, "withdraw");
        JsonNode withdrawal = awaitNotification(addresseeFeed, "CONNECTION_WITHDRAWN",
                field("connectionId", withdrawn)).body();
        assertThat(withdrawal.at("/payload/other/memberId").asText()).isEqualTo(asker.id());
        assertThat(withdrawal.at("/payload/other/displayName").isNull()).as("hidden, not connected").isTrue();

        String declined = requestConnection(asker, addressee, null);
        awaitNotification(addresseeFeed, "CONNECTION_REQUESTED", field("connectionId", declined));
        setVisible(addressee, "Eli", "EMERGING", false);
        answerConnection(addressee, declined, "decline");
        JsonNode decline = awaitNotification(askerFeed, "CONNECTION_DECLINED", field("connectionId", declined))
                .body();
        assertThat(decline.at("/payload/other/memberId").asText()).isEqualTo(addressee.id());
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(catchUp(api, asker, 0, 200).stream()
                .filter(e -> e.at("/payload/connectionId").asText().equals(declined))
                .map(e -> e.at("/payload/other/displayName")))
                .as("hidden since, not connected: not named").singleElement().satisfies(n -> assertThat(n.isNull())
                        .isTrue()));
    }

    @Test
    void aProposalNotifiesTheMentorAndTheMenteeAndADeclineNeverCarriesItsReason() {
        Api.Member mentor = people().mentor("Mara", 2);
        Api.Member mentee = people().member("Ned", "EMERGING", false, Map.of());
        Api.Member bystander = people().member("Ola", "EMERGING", true, Map.of());
        FeedClient mentorFeed = listen(mentor);
        FeedClient menteeFeed = listen(mentee);
        FeedClient bystanderFeed = listen(bystander);

        String pairing = people().requestDirect(mentee, mentor);
        JsonNode received = awaitNotification(mentorFeed, "PROPOSAL_RECEIVED", field("mentorshipId", pairing))
                .body();
        assertThat(received.at("/payload/other/memberId").isNull()).as("a hidden mentee, only proposed").isTrue();
        assertThat(received.at("/payload/other/displayName").isNull()).as("a hidden mentee, only proposed").isTrue();
        assertThat(received.at("/payload/expiresAt").asText()).isNotBlank();
        JsonNode proposed = awaitNotification(menteeFeed, "MENTOR_PROPOSED", field("mentorshipId", pairing)).body();
        assertThat(proposed.at("/payload/other/displayName").asText()).as("a visible mentor").isEqualTo("Mara");

        Api.Response decline = api.post("/api/v1/mentorships/" + pairing + "/decline", mentor.token(),
                Map.of("reason", "a reason only admins may read"));
        assertThat(decline.status()).as(decline.body()).isEqualTo(200);
        awaitNotification(menteeFeed, "PROPOSAL_DECLINED", field("mentorshipId", pairing));

        // the bystander's queue is live, and nothing of this pairing ever reached it
        String own = people().requestDirect(bystander, mentor);
        awaitNotification(bystanderFeed, "MENTOR_PROPOSED", field("mentorshipId", own));
        assertThat(mentions(bystanderFeed, pairing)).isEmpty();
        assertThat(mentorFeed.on(FeedDestinations.MY_NOTIFICATIONS)).extracting(FeedClient.Received::kind)
                .doesNotContain("PROPOSAL_DECLINED", "MENTOR_PROPOSED");
        for (FeedClient client : List.of(mentorFeed, menteeFeed, bystanderFeed)) {
            assertThat(client.received()).noneSatisfy(r ->
                    assertThat(r.body().toString()).contains("a reason only admins may read"));
        }
    }

    @Test
    void anAcceptedProposalTellsTheMenteeAndNamesTheMentor() {
        Api.Member mentor = people().member("Pia", "SENIOR", false, Map.of());
        people().offer(mentor, 1, true);
        Api.Member mentee = people().mentee("Quin");
        FeedClient menteeFeed = listen(mentee);

        // a stranger cannot name a hidden mentor; the programme team can propose them
        String pairing = people().requestOpen(mentee);
        assertThat(api.post("/api/v1/admin/mentorships/" + pairing + "/proposals",
                api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD), Map.of("mentorId", mentor.id())).status()).isEqualTo(200);
        JsonNode proposed = awaitNotification(menteeFeed, "MENTOR_PROPOSED", field("mentorshipId", pairing)).body();
        assertThat(proposed.at("/payload/other/displayName").isNull()).as("hidden, only proposed").isTrue();
        assertThat(proposed.at("/payload/other/memberId").isNull()).as("not even by id").isTrue();
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", mentor.token(), null).status())
                .isEqualTo(200);
        JsonNode accepted = awaitNotification(menteeFeed, "PROPOSAL_ACCEPTED", field("mentorshipId", pairing))
                .body();
        assertThat(accepted.at("/payload/other/displayName").asText()).as("paired: named").isEqualTo("Pia");
        assertThat(accepted.at("/payload/other/memberId").asText()).isEqualTo(mentor.id());
    }

    private static List<FeedClient.Received> mentions(FeedClient client, String id) {
        return client.received().stream().filter(r -> r.body().toString().contains(id)).toList();
    }
}
