package org.lexnet.query.member;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.member.MemberDirectory.Row;
import org.lexnet.query.member.MemberViews.AreaView;
import org.lexnet.query.member.MemberViews.BandwidthView;
import org.lexnet.query.member.MemberViews.OfferView;
import org.lexnet.query.member.MemberViews.OwnProfile;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * A member's own profile, complete: what {@code GET /api/v1/members/me} answers and what their export
 * holds. Nothing is filtered, because the viewer is the member.
 */
@Component
public class OwnProfiles {

    private final MemberDirectory directory;

    OwnProfiles(MemberDirectory directory) {
        this.directory = directory;
    }

    /** Empty until the member directory has the member (a moment after registration). */
    public Optional<OwnProfile> of(MemberId member) {
        return directory.find(member).map(OwnProfiles::view);
    }

    private static OwnProfile view(Row me) {
        return new OwnProfile(me.memberId().toString(), me.displayName(), me.region(), me.remote(),
                me.stage(), me.managementYears(), me.roles(), me.sectors(), me.needs(), me.strengths(),
                me.learningPreferences(), me.visibleInNetwork(), me.paused(),
                me.areas().entrySet().stream().map(e -> new AreaView(e.getKey(), e.getValue())).toList(),
                me.offer() == null ? null : new OfferView(me.offer().capacity(), me.offer().stages(),
                        me.offer().areas(), me.offer().strengths(), me.offer().open()),
                me.registeredAt(), me.version(), new BandwidthView(me.maxNewPerMonth(), me.quietUntil()));
    }
}
