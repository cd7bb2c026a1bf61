package org.lexnet.query.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.feed.FeedPayload.ConnectionMade;
import org.lexnet.query.feed.FeedPayload.ConnectionNotice;
import org.lexnet.query.feed.FeedPayload.OfferOpened;
import org.lexnet.query.feed.FeedPayload.ProposalLapsed;
import org.lexnet.query.feed.FeedPayload.ProposalNotice;
import org.lexnet.query.feed.FeedPayload.ProposalToAnswer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What a stored entry shows, checked on its JSON: what a member receives. */
class FeedDisclosureTest {

    private static final ObjectMapper JSON = FeedPayloadJsonTest.APP_JSON;
    private static final UUID VISIBLE = UUID.randomUUID();
    private static final UUID HIDDEN = UUID.randomUUID();
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final Map<MemberId, FeedDisclosure.Member> DIRECTORY = Map.of(
            new MemberId(VISIBLE), new FeedDisclosure.Member("Vera", true),
            new MemberId(HIDDEN), new FeedDisclosure.Member("Hana", false));

    @Test
    void aNewConnectionNamesBothMembersWhileBothAreVisible() {
        Map<String, Object> shown = shown(FeedKind.CONNECTION_MADE, connectionMade(VISIBLE, VISIBLE));
        assertThat((List<?>) shown.get("members")).hasSize(2).allSatisfy(person ->
                assertThat(map(person)).containsEntry("displayName", "Vera"));
    }

    @Test
    void aNewConnectionNamesNobodyOnceEitherMemberHid() {
        Map<String, Object> shown = shown(FeedKind.CONNECTION_MADE, connectionMade(VISIBLE, HIDDEN));
        assertThat((List<?>) shown.get("members")).isEmpty();
        assertThat(shown.toString()).doesNotContain(VISIBLE.toString(), HIDDEN.toString(), "Vera", "Hana");
    }

    @Test
    void aNewConnectionWithAMemberNotYetInTheDirectoryNamesNobody() {
        Map<String, Object> shown = shown(FeedKind.CONNECTION_MADE, connectionMade(VISIBLE, UNKNOWN));
        assertThat((List<?>) shown.get("members")).isEmpty();
    }

    @Test
    void aHiddenMemberIsNamedInANotificationOnlyWhereTheRelationshipShowsNames() {
        assertThat(other(FeedKind.CONNECTION_REQUESTED, HIDDEN)).containsEntry("displayName", "Hana");
        assertThat(other(FeedKind.CONNECTION_ACCEPTED, HIDDEN)).containsEntry("displayName", "Hana");
        assertThat(other(FeedKind.PROPOSAL_ACCEPTED, HIDDEN)).containsEntry("displayName", "Hana");
        for (FeedKind kind : List.of(FeedKind.CONNECTION_DECLINED, FeedKind.CONNECTION_WITHDRAWN)) {
            assertThat(other(kind, HIDDEN)).as(kind.name()).containsEntry("memberId", HIDDEN.toString())
                    .containsEntry("displayName", null);
            assertThat(other(kind, VISIBLE)).as(kind.name()).containsEntry("displayName", "Vera");
        }
    }

    @Test
    void aHiddenMemberMerelyProposedToTheRecipientIsNotEvenIdentified() {
        for (FeedKind kind : List.of(FeedKind.MENTOR_PROPOSED, FeedKind.PROPOSAL_RECEIVED,
                FeedKind.PROPOSAL_DECLINED, FeedKind.PROPOSAL_EXPIRED)) {
            assertThat(other(kind, HIDDEN)).as(kind.name()).containsEntry("memberId", null)
                    .containsEntry("displayName", null);
            assertThat(other(kind, VISIBLE)).as(kind.name()).containsEntry("memberId", VISIBLE.toString())
                    .containsEntry("displayName", "Vera");
        }
        assertThat(other(FeedKind.PROPOSAL_ACCEPTED, HIDDEN)).containsEntry("memberId", HIDDEN.toString());
    }

    @Test
    void aMemberTheDirectoryDoesNotKnowYetIsNotNamed() {
        assertThat(other(FeedKind.CONNECTION_REQUESTED, UNKNOWN)).containsEntry("memberId", UNKNOWN.toString())
                .containsEntry("displayName", null);
    }

    @Test
    void idsAndCodesOtherThanMembersPassUnchanged() {
        Map<String, Object> shown = shown(FeedKind.MENTOR_OFFER_OPENED, new OfferOpened<>("SENIOR"));
        assertThat(shown).containsExactly(Map.entry("stage", "SENIOR"));
    }

    private static Map<String, Object> other(FeedKind kind, UUID member) {
        return map(shown(kind, notice(kind, new MemberId(member))).get("other"));
    }

    /** A stored notification of the kind, about the member. */
    private static FeedPayload<MemberId> notice(FeedKind kind, MemberId other) {
        ConnectionId connection = ConnectionId.random();
        MentorshipId mentorship = MentorshipId.random();
        return switch (kind) {
            case CONNECTION_REQUESTED, CONNECTION_ACCEPTED, CONNECTION_DECLINED, CONNECTION_WITHDRAWN ->
                    new ConnectionNotice<>(other, connection);
            case MENTOR_PROPOSED, PROPOSAL_ACCEPTED, PROPOSAL_DECLINED -> new ProposalNotice<>(other, "p", mentorship);
            case PROPOSAL_RECEIVED -> new ProposalToAnswer<>(other, Instant.EPOCH, "p", mentorship);
            case PROPOSAL_EXPIRED -> new ProposalLapsed<>(ParticipantRole.MENTOR, other, "p", mentorship);
            default -> throw new IllegalArgumentException(kind + " is not a notification");
        };
    }

    private static ConnectionMade<MemberId> connectionMade(UUID one, UUID other) {
        return new ConnectionMade<>(List.of(new MemberId(one), new MemberId(other)));
    }

    /** The payload as shown, as the JSON object a member receives. */
    private static Map<String, Object> shown(FeedKind kind, FeedPayload<MemberId> stored) {
        return JSON.convertValue(FeedDisclosure.payload(kind, stored, DIRECTORY), new TypeReference<>() {
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object person) {
        return (Map<String, Object>) person;
    }
}
