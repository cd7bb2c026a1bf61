package org.lexnet.matching.circles;

import org.lexnet.matching.model.Assignment;
import org.lexnet.matching.model.AssignmentProblem;
import org.lexnet.matching.model.ExactSolver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Assigns facilitators to formed circles: as many circles facilitated as possible, then the highest total
 * facilitator score, never more circles per facilitator than their capacity. It is the matcher's
 * capacitated assignment ({@link ExactSolver}) with circles in the place of requests.
 *
 * <p>A facilitator can take a circle when they have capacity, are EXPERIENCED or SENIOR and at or above
 * the circle's highest stage, share one of the circle's common slots, meet in the circle's format (its
 * region, or online when every member can meet online), are not a member of it, and either named no focus
 * or share one of its focus codes. Score: {@link #BASE} + {@link #SHARED_FOCUS} per shared focus code +
 * {@link #NEAREST_STAGE} when they are at the nearest allowed stage above the circle (close enough to
 * remember the journey) + {@link #SAME_REGION} for a regional circle in their region.
 */
final class FacilitatorAssignment {

    static final int LOWEST_FACILITATOR_STAGE = 2;
    static final int BASE = 1;
    static final int SHARED_FOCUS = 10;
    static final int NEAREST_STAGE = 4;
    static final int SAME_REGION = 3;

    private FacilitatorAssignment() {
    }

    /** For each circle, the index of its facilitator in {@code facilitators}, or -1. */
    static int[] assign(List<CircleDraft> circles, List<FacilitatorOffer> facilitators) {
        int[] capacity = new int[facilitators.size()];
        List<int[]> edges = new ArrayList<>();
        for (int f = 0; f < facilitators.size(); f++) {
            capacity[f] = facilitators.get(f).capacity();
        }
        for (int c = 0; c < circles.size(); c++) {
            for (int f = 0; f < facilitators.size(); f++) {
                int score = score(circles.get(c), facilitators.get(f));
                if (score > 0) {
                    edges.add(new int[] {c, f, score});
                }
            }
        }
        int[] edgeCircle = new int[edges.size()];
        int[] edgeFacilitator = new int[edges.size()];
        int[] edgeScore = new int[edges.size()];
        for (int e = 0; e < edges.size(); e++) {
            edgeCircle[e] = edges.get(e)[0];
            edgeFacilitator[e] = edges.get(e)[1];
            edgeScore[e] = edges.get(e)[2];
        }
        Assignment assignment = ExactSolver.solve(
                new AssignmentProblem(circles.size(), capacity, edgeCircle, edgeFacilitator, edgeScore));
        return assignment.mentorOfMentee();
    }

    /** The facilitator's score for the circle, or 0 when they cannot take it. */
    static int score(CircleDraft circle, FacilitatorOffer facilitator) {
        if (facilitator.capacity() <= 0 || facilitator.stage() < Math.max(LOWEST_FACILITATOR_STAGE, circle.highStage())
                || (SeekerTable.slotMask(facilitator.slots()) & circle.slots()) == 0
                || !(sameRegion(circle, facilitator) || (circle.allRemote() && facilitator.remote()))
                || circle.memberIds().contains(facilitator.memberId())) {
            return 0;
        }
        Set<String> shared = new HashSet<>(facilitator.focus());
        shared.retainAll(circle.focus());
        if (!facilitator.focus().isEmpty() && !circle.focus().isEmpty() && shared.isEmpty()) {
            return 0;
        }
        int nearest = Math.min(3, Math.max(LOWEST_FACILITATOR_STAGE, circle.highStage() + 1));
        return BASE + SHARED_FOCUS * shared.size() + (facilitator.stage() == nearest ? NEAREST_STAGE : 0)
                + (sameRegion(circle, facilitator) ? SAME_REGION : 0);
    }

    static boolean sameRegion(CircleDraft circle, FacilitatorOffer facilitator) {
        return circle.region() != null && circle.region().equals(facilitator.region());
    }
}
