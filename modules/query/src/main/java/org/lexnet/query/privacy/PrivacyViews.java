package org.lexnet.query.privacy;

import org.lexnet.coreapi.member.Visibility;

import java.time.Instant;
import java.util.List;

/** What a member can get about themselves: their consent history. */
final class PrivacyViews {

    private PrivacyViews() {
    }

    /** Every change of consent the member made, in time order, and what each level means. */
    record ConsentHistoryView(String memberId, List<ConsentChange> changes, List<ConsentLevel> levels) {
    }

    /**
     * One area's consent changed: {@code from} null when the area was first recorded, {@code to} null
     * when it was removed; {@code audience} says in words what {@code to} lets happen.
     */
    record ConsentChange(String area, Visibility from, Visibility to, String audience, Instant at) {
    }

    record ConsentLevel(Visibility visibility, String audience) {
    }
}
