package org.lexnet.matching.circles;

import java.util.Objects;
import java.util.Set;

/**
 * A member waiting for a peer-learning circle, as formation sees them.
 *
 * @param stage   0 = ASPIRING, 1 = EMERGING, 2 = EXPERIENCED, 3 = SENIOR
 * @param focus   competency codes they want the circle to work on
 * @param areas   areas of lived experience they consented to at {@code MATCHING} or wider, and only those:
 *                formation counts them but never names them
 * @param sectors the sectors they work in
 * @param region  their region, or {@code null} when none is recorded (then they can only join remote circles)
 * @param remote  whether they are happy to meet online
 * @param slots   the times they can meet
 */
public record CircleSeeker(String memberId, int stage, Set<String> focus, Set<String> areas, Set<String> sectors,
                           String region, boolean remote, Set<MeetingSlot> slots) {

    public CircleSeeker {
        Objects.requireNonNull(memberId, "memberId");
        if (stage < 0 || stage > 3) {
            throw new IllegalArgumentException("stage must be 0..3, was " + stage);
        }
        focus = Set.copyOf(Objects.requireNonNull(focus, "focus"));
        areas = Set.copyOf(Objects.requireNonNull(areas, "areas"));
        sectors = Set.copyOf(Objects.requireNonNull(sectors, "sectors"));
        slots = Set.copyOf(Objects.requireNonNull(slots, "slots"));
    }
}
