package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.springframework.messaging.simp.user.SimpUser;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client that disconnects, misses entries and asks {@code GET /api/v1/feed?after=<last cursor>}
 * gets exactly what it missed: the same cursors and bodies that a second connection of the same member,
 * which stayed connected, received live. No gap, no duplicate, nothing meant for someone else.
 */
class FeedCatchUpTest extends FeedIntegrationTest {

    @Test
    void aClientThatMissedEntriesGetsExactlyThoseFromTheCatchUpEndpoint() {
        Api.Member mentor = people().mentor("Rhea", 5);
        Api.Member first = people().mentee("Sol");
        Api.Member second = people().mentee("Tam");
        Api.Member third = people().mentee("Uma");
        Api.Member peer = people().member("Vic", "SENIOR", true, Map.of());
        FeedClient witness = listen(mentor);
        FeedClient client = listen(mentor);

        String before = people().requestDirect(first, mentor);
        awaitNotification(client, "PROPOSAL_RECEIVED", field("mentorshipId", before));
        awaitNotification(witness, "PROPOSAL_RECEIVED", field("mentorshipId", before));
        client.close();
        await().atMost(PROJECTION_WAIT).until(() -> sessionsOf(mentor) == 1);
        long last = client.received().stream().mapToLong(FeedClient.Received::cursor).max().orElseThrow();

        // missed: two proposals, a connection request and, once accepted, a public connection
        String missedOne = people().requestDirect(second, mentor);
        String missedTwo = people().requestDirect(third, mentor);
        String connection = requestConnection(peer, mentor, null);
        answerConnection(mentor, connection, "accept");
        awaitNotification(witness, "PROPOSAL_RECEIVED", field("mentorshipId", missedOne));
        awaitNotification(witness, "PROPOSAL_RECEIVED", field("mentorshipId", missedTwo));
        awaitNotification(witness, "CONNECTION_REQUESTED", field("connectionId", connection));
        awaitPublic(witness, "CONNECTION_MADE", p -> p.toString().contains(peer.id()));

        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            List<JsonNode> live = witness.received().stream().filter(r -> r.cursor() > last)
                    .map(FeedClient.Received::body).toList();
            // small pages, so that following nextCursor is part of what is tested
            List<JsonNode> caughtUp = catchUp(api, mentor, last, 2);
            assertThat(cursors(caughtUp)).isSorted().doesNotHaveDuplicates().isEqualTo(cursors(live));
            assertThat(caughtUp).isEqualTo(live);
        });
        assertThat(client.received()).allSatisfy(r -> assertThat(r.cursor()).isLessThanOrEqualTo(last));
        // the mentees' own notifications are theirs alone
        assertThat(catchUp(api, mentor, last, 200)).extracting(e -> e.get("kind").asText())
                .doesNotContain("MENTOR_PROPOSED");
    }

    private int sessionsOf(Api.Member member) {
        SimpUser user = stompUsers.getUser(member.id());
        return user == null ? 0 : user.getSessions().size();
    }

    private static List<Long> cursors(List<JsonNode> entries) {
        return entries.stream().map(e -> e.get("cursor").asLong()).toList();
    }
}
