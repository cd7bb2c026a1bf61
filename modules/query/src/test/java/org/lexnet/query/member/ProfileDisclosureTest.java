package org.lexnet.query.member;

import org.junit.jupiter.api.Test;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.member.MemberDirectory.Offer;
import org.lexnet.query.member.MemberDirectory.Row;
import org.lexnet.query.member.MemberViews.MemberProfileView;
import org.lexnet.query.member.MemberViews.SharedAreaView;
import org.lexnet.query.web.Viewer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ProfileDisclosureTest {

    private static final Viewer MEMBER = new Viewer(MemberId.random(), false);
    private static final Viewer ADMIN = new Viewer(MemberId.random(), true);

    private static Row member(boolean visibleInNetwork) {
        Map<String, Visibility> areas = new LinkedHashMap<>();
        areas.put("CARE_SYSTEM", Visibility.MENTORS);
        areas.put("HOMELESSNESS", Visibility.NETWORK);
        areas.put("MENTAL_HEALTH", Visibility.MATCHING);
        areas.put("POVERTY", Visibility.PRIVATE);
        Offer offer = new Offer(2, List.of("EMERGING"), List.of("CARE_SYSTEM", "HOMELESSNESS", "MENTAL_HEALTH"),
                List.of("STRATEGIC_THINKING"), true);
        return new Row(MemberId.random(), "Alex", "LONDON", true, "SENIOR", "11-15", List.of(), List.of(), List.of(),
                List.of(), List.of(), visibleInNetwork, false, areas, offer, Instant.EPOCH, 3, null, null);
    }

    private static List<String> areas(MemberProfileView view) {
        return view.livedExperience().stream().map(SharedAreaView::code).toList();
    }

    @Test
    void aHiddenMemberDoesNotExistForMembersWithoutARunningPairing() {
        assertThat(ProfileDisclosure.as(MEMBER, Relationship.NONE, member(false))).isEmpty();
    }

    @Test
    void membersSeeOnlyNetworkAreasOfAVisibleMember() {
        MemberProfileView view = ProfileDisclosure.as(MEMBER, Relationship.NONE, member(true)).orElseThrow();
        assertThat(areas(view)).containsExactly("HOMELESSNESS");
        assertThat(view.mentorOffer().areas()).containsExactly("HOMELESSNESS");
    }

    @Test
    void theOtherSideOfARunningPairingSeesAHiddenMemberWithTheAreasSharedWithMentors() {
        MemberProfileView view = ProfileDisclosure.as(MEMBER, Relationship.ACTIVE_PAIRING, member(false))
                .orElseThrow();
        assertThat(areas(view)).containsExactly("CARE_SYSTEM", "HOMELESSNESS");
        assertThat(view.mentorOffer().areas()).containsExactly("CARE_SYSTEM", "HOMELESSNESS");
    }

    @Test
    void aRunningPairingNeverRevealsMatchingOrPrivateAreas() {
        MemberProfileView view = ProfileDisclosure.as(MEMBER, Relationship.ACTIVE_PAIRING, member(true))
                .orElseThrow();
        assertThat(areas(view)).doesNotContain("MENTAL_HEALTH", "POVERTY");
        assertThat(view.mentorOffer().areas()).doesNotContain("MENTAL_HEALTH");
    }

    @Test
    void aConnectionShowsAHiddenMemberWithTheirNetworkAreasOnly() {
        MemberProfileView view = ProfileDisclosure.as(MEMBER, Relationship.CONNECTED, member(false)).orElseThrow();
        assertThat(view.livedExperience()).extracting(MemberViews.SharedAreaView::code)
                .containsExactlyElementsOf(ProfileDisclosure.as(MEMBER, Relationship.NONE, member(true)).orElseThrow()
                        .livedExperience().stream().map(MemberViews.SharedAreaView::code).toList());
    }

    @Test
    void aBlockHidesEvenAVisibleMemberFromTheOtherButNotFromAdmins() {
        assertThat(ProfileDisclosure.as(MEMBER, Relationship.BLOCKED, member(true))).isEmpty();
        assertThat(ProfileDisclosure.as(ADMIN, Relationship.BLOCKED, member(true))).isPresent();
    }

    @Test
    void adminsSeeAHiddenMemberButOnlyTheAreasSharedWithTheNetwork() {
        MemberProfileView view = ProfileDisclosure.as(ADMIN, Relationship.NONE, member(false)).orElseThrow();
        assertThat(areas(view)).containsExactly("HOMELESSNESS");
    }
}
