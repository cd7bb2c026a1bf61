package org.lexnet.matching.circles;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One circle a round proposes.
 *
 * @param memberIds     4 to 8 members, in the order of the round's input
 * @param facilitatorId the facilitator assigned, or {@code null} when none could be
 * @param lowStage      the lowest member stage; {@code highStage - lowStage} is 0 or 1
 * @param focus         1 to 3 competency codes the members share most, most shared first (empty only if no
 *                      member named one)
 * @param slot          the meeting slot every member (and the facilitator) can make
 * @param region        the region all members share, or {@code null} for a remote circle
 * @param fit           the circle's fit (docs/circle-formation.md): the sum over members of their mean
 *                      pair score with the others
 * @param reasons       short sentences an admin can read; they count areas of lived experience but never
 *                      name them
 */
public record FormedCircle(List<String> memberIds, String facilitatorId, int lowStage, int highStage,
                           Set<String> focus, MeetingSlot slot, String region, double fit, List<String> reasons) {

    public FormedCircle {
        memberIds = List.copyOf(memberIds);
        // Ordered (most shared first) and the same order on every JVM, unlike Set.copyOf.
        focus = Collections.unmodifiableSet(new LinkedHashSet<>(focus));
        reasons = List.copyOf(reasons);
    }
}
