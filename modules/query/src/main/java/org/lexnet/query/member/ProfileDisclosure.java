package org.lexnet.query.member;

import org.lexnet.query.member.MemberDirectory.Row;
import org.lexnet.query.member.MemberViews.MemberProfileView;
import org.lexnet.query.member.MemberViews.OfferView;
import org.lexnet.query.member.MemberViews.SharedAreaView;
import org.lexnet.query.web.Viewer;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what one member may see of another, given how the two stand to each other. The rules, in one
 * place:
 * <ul>
 *   <li>a member hidden from the network ({@code visibleInNetwork} off) does not exist for other
 *       members (404), except for the other side of an active or paused pairing with them; admins
 *       still see their profile;</li>
 *   <li>lived-experience areas are shown where the owner chose {@code NETWORK}; to the other side of
 *       an active or paused pairing also those marked {@code MENTORS} or {@code CIRCLE}; to the members
 *       of a circle one sits in or facilitates those marked {@code CIRCLE}. The admin role widens nothing
 *       here: it runs the programme, it does not override consent;</li>
 *   <li>an offer's areas follow the same consent (an offer cannot reveal what the profile hides).</li>
 * </ul>
 * A connection or a shared circle shows the two to each other even when hidden (NETWORK areas only); a block, either way,
 * makes each a 404 to the other — as if hidden, so the blocked member learns nothing more.
 */
final class ProfileDisclosure {

    private ProfileDisclosure() {
    }

    static Optional<MemberProfileView> as(Viewer viewer, Relationship relationship, Row member) {
        if (!viewer.admin() && relationship == Relationship.BLOCKED) {
            return Optional.empty();
        }
        if (!member.visibleInNetwork() && !viewer.admin() && relationship == Relationship.NONE) {
            return Optional.empty();
        }
        List<String> shared = member.areas().entrySet().stream()
                .filter(e -> e.getValue().allows(relationship.audience()))
                .map(Map.Entry::getKey)
                .toList();
        OfferView offer = member.offer() == null ? null
                : new OfferView(member.offer().capacity(), member.offer().stages(),
                                member.offer().areas().stream().filter(shared::contains).toList(),
                                member.offer().strengths(), member.offer().open());
        return Optional.of(new MemberProfileView(member.memberId().toString(), member.displayName(), member.region(),
                member.remote(), member.stage(), member.managementYears(), member.roles(), member.sectors(),
                member.needs(), member.strengths(), member.learningPreferences(), member.paused(),
                shared.stream().map(SharedAreaView::new).toList(), offer, List.of()));
    }
}
