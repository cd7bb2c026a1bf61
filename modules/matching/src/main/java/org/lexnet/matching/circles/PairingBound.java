package org.lexnet.matching.circles;

import java.util.List;

/**
 * A second, usually tighter upper bound on the total fit, from linear programming duality
 * (docs/circle-formation.md). It costs a few scans over all pairs, so rounds do not compute it; the
 * benchmark does, to tell how much of the gap to {@link FormationResult#upperBound()} is the bound's.
 *
 * <p>A circle of {@code k} members has fit {@code Σ 2·w/(k−1)} over its pairs. Give each of its pairs the
 * value {@code x = 3/(k−1)} (at most 1 since {@code k ≥ 4}) and every member has pair values summing to 3:
 * any partition is a solution of the relaxation "maximise {@code Σ (2w/3)·x} over pairs who could share a
 * circle, with {@code 0 ≤ x ≤ 1} and each seeker's {@code x} summing to at most 3", at the same total. Any
 * {@code α ≥ 0} per seeker gives a solution of the dual, whose value
 * {@code 3·Σα + Σ max(0, 2w/3 − α_i − α_j)} is therefore at least the best total fit. Each sweep sets every
 * {@code α_i}, in turn, to the value that minimises that sum with the others fixed (the third largest
 * {@code 2w/3 − α_j} over i's partners, or 0), so the bound only goes down from sweep to sweep.
 */
public final class PairingBound {

    private PairingBound() {
    }

    public static double of(List<CircleSeeker> seekers, int sweeps) {
        SeekerTable table = new SeekerTable(seekers);
        SeekerKinds kinds = new SeekerKinds(table);
        double[] alpha = new double[table.size];
        for (int sweep = 0; sweep < sweeps; sweep++) {
            for (int i = 0; i < table.size; i++) {
                double first = 0;
                double second = 0;
                double third = 0;
                for (int b : kinds.compatible[kinds.kindOf[i]]) {
                    for (int j : kinds.members[b]) {
                        if (j == i) {
                            continue;
                        }
                        double c = 2.0 * table.pairScore(i, j) / 3 - alpha[j];
                        if (c > third) {
                            if (c > first) {
                                third = second;
                                second = first;
                                first = c;
                            } else if (c > second) {
                                third = second;
                                second = c;
                            } else {
                                third = c;
                            }
                        }
                    }
                }
                alpha[i] = third;
            }
        }
        double bound = 0;
        for (int i = 0; i < table.size; i++) {
            bound += 3 * alpha[i];
            for (int b : kinds.compatible[kinds.kindOf[i]]) {
                for (int j : kinds.members[b]) {
                    if (j > i) {
                        bound += Math.max(0, 2.0 * table.pairScore(i, j) / 3 - alpha[i] - alpha[j]);
                    }
                }
            }
        }
        return bound;
    }
}
