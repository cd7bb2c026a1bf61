package org.lexnet.query.member;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.member.MemberDirectory.Row;
import org.lexnet.query.member.MemberViews.MemberProfileView;
import org.lexnet.query.member.MemberViews.OfferView;
import org.lexnet.query.member.MemberViews.SharedAreaView;
import org.lexnet.query.web.Viewer;

import java.util.List;
import java.util.Optional;

/**
 * Decides what one member may see of another. The rules, in one place:
 * <ul>
 *   <li>a member hidden from the network ({@code visibleInNetwork} off) does not exist for other
 *       members (404); admins still see their profile;</li>
 *   <li>lived-experience areas are shown only where the owner chose {@code NETWORK} — to members and
 *       to admins alike: the admin role runs the programme, it does not override consent;</li>
 *   <li>an offer's areas follow the same consent (an offer cannot reveal what the profile hides).</li>
 * </ul>
 * Pairings (MENTORS areas) and connections widen this in later issues.
 */
final class ProfileDisclosure {

    private ProfileDisclosure() {
    }

    static Optional<MemberProfileView> as(Viewer viewer, Row member) {
        if (!member.visibleInNetwork() && !viewer.admin()) {
            return Optional.empty();
        }
        List<String> shared = member.areas().entrySet().stream()
                .filter(e -> e.getValue().allows(Visibility.NETWORK))
                .map(java.util.Map.Entry::getKey)
                .toList();
        OfferView offer = member.offer() == null ? null
                : new OfferView(member.offer().capacity(), member.offer().stages(),
                                member.offer().areas().stream().filter(shared::contains).toList(),
                                member.offer().strengths(), member.offer().open());
        return Optional.of(new MemberProfileView(member.memberId().toString(), member.displayName(), member.region(),
                member.remote(), member.stage(), member.managementYears(), member.roles(), member.sectors(),
                member.needs(), member.strengths(), member.learningPreferences(), member.paused(),
                shared.stream().map(SharedAreaView::new).toList(), offer));
    }
}
