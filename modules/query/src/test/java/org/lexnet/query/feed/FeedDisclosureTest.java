package org.lexnet.query.feed;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FeedDisclosureTest {

    private static final UUID VISIBLE = UUID.randomUUID();
    private static final UUID HIDDEN = UUID.randomUUID();
    private static final UUID UNKNOWN = UUID.randomUUID();
    private static final Map<UUID, FeedDisclosure.Member> DIRECTORY = Map.of(
            VISIBLE, new FeedDisclosure.Member("Vera", true),
            HIDDEN, new FeedDisclosure.Member("Hana", false));

    @Test
    void aNewConnectionNamesBothMembersWhileBothAreVisible() {
        Map<String, Object> shown = FeedDisclosure.payload(FeedKind.CONNECTION_MADE,
                Map.of("members", List.of(VISIBLE.toString(), VISIBLE.toString())), DIRECTORY);
        assertThat((List<?>) shown.get("members")).hasSize(2).allSatisfy(person ->
                assertThat(map(person)).containsEntry("displayName", "Vera"));
    }

    @Test
    void aNewConnectionNamesNobodyOnceEitherMemberHid() {
        Map<String, Object> shown = FeedDisclosure.payload(FeedKind.CONNECTION_MADE,
                Map.of("members", List.of(VISIBLE.toString(), HIDDEN.toString())), DIRECTORY);
        assertThat((List<?>) shown.get("members")).isEmpty();
        assertThat(shown.toString()).doesNotContain(VISIBLE.toString(), HIDDEN.toString(), "Vera", "Hana");
    }

    @Test
    void aNewConnectionWithAMemberNotYetInTheDirectoryNamesNobody() {
        Map<String, Object> shown = FeedDisclosure.payload(FeedKind.CONNECTION_MADE,
                Map.of("members", List.of(VISIBLE.toString(), UNKNOWN.toString())), DIRECTORY);
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
        Map<String, Object> shown = FeedDisclosure.payload(FeedKind.MENTOR_OFFER_OPENED, Map.of("stage", "SENIOR"),
                DIRECTORY);
        assertThat(shown).containsExactly(Map.entry("stage", "SENIOR"));
    }

    private static Map<String, Object> other(FeedKind kind, UUID member) {
        return map(FeedDisclosure.payload(kind, Map.of("connectionId", "c", "other", member.toString()), DIRECTORY)
                .get("other"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object person) {
        return (Map<String, Object>) person;
    }
}
