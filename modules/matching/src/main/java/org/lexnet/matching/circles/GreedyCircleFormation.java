package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The baseline formation benchmarks compare against, as someone filling circles by hand in one pass might:
 * each seeker in turn joins the open circle (fewer than eight members) their arrival raises the fit of most,
 * or starts a new one when no open circle can take them; circles left below four members dissolve.
 * Facilitators are assigned as by {@link CircleFormation}.
 */
public final class GreedyCircleFormation {

    private GreedyCircleFormation() {
    }

    public static FormationResult form(List<CircleSeeker> seekers, List<FacilitatorOffer> facilitators) {
        SeekerTable table = new SeekerTable(seekers);
        Neighbourhood neighbourhood = new Neighbourhood(table);
        List<int[]> open = new ArrayList<>();
        List<int[]> full = new ArrayList<>();
        List<long[]> openSum = new ArrayList<>();
        List<int[]> openCount = new ArrayList<>();
        for (int i = 0; i < table.size; i++) {
            int best = -1;
            long bestGain = Long.MIN_VALUE;
            for (int c = 0; c < open.size(); c++) {
                int[] circle = open.get(c);
                int count = openCount.get(c)[0];
                if (!CircleShape.fits(table, circle, count, -1, i)) {
                    continue;
                }
                long sum = openSum.get(c)[0];
                long gain = CircleFit.scaled(sum + table.scoreWith(i, circle, count, -1), count + 1)
                        - CircleFit.scaled(sum, count);
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                open.add(new int[CircleFit.MAX_MEMBERS]);
                openSum.add(new long[1]);
                openCount.add(new int[1]);
                best = open.size() - 1;
            }
            int[] circle = open.get(best);
            int count = openCount.get(best)[0];
            openSum.get(best)[0] += table.scoreWith(i, circle, count, -1);
            circle[count] = i;
            openCount.get(best)[0] = count + 1;
            if (count + 1 == CircleFit.MAX_MEMBERS) {
                full.add(circle);
                open.remove(best);
                openSum.remove(best);
                openCount.remove(best);
            }
        }
        for (int c = 0; c < open.size(); c++) {
            int count = openCount.get(c)[0];
            if (count >= CircleFit.MIN_MEMBERS) {
                full.add(Arrays.copyOf(open.get(c), count));
            }
        }
        return CircleFormation.assemble(table, neighbourhood, full, facilitators);
    }
}
