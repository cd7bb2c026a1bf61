package org.lexnet.matching.circles;

import java.util.Objects;
import java.util.Set;

/**
 * A member who agreed to facilitate circles, as formation sees them.
 *
 * @param stage    0 = ASPIRING … 3 = SENIOR; only EXPERIENCED (2) or SENIOR (3) can be assigned
 * @param capacity how many circles of this round they can take on
 * @param focus    competency codes they can facilitate; empty means any
 * @param region   their region, or {@code null}; a regional circle needs a facilitator of its region
 * @param remote   whether they facilitate online; a remote circle needs that
 * @param slots    the times they can meet
 */
public record FacilitatorOffer(String memberId, int stage, int capacity, Set<String> focus, String region,
                               boolean remote, Set<MeetingSlot> slots) {

    public FacilitatorOffer {
        Objects.requireNonNull(memberId, "memberId");
        if (stage < 0 || stage > 3) {
            throw new IllegalArgumentException("stage must be 0..3, was " + stage);
        }
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, was " + capacity);
        }
        focus = Set.copyOf(Objects.requireNonNull(focus, "focus"));
        slots = Set.copyOf(Objects.requireNonNull(slots, "slots"));
    }
}
