package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.List;

/**
 * The best partition of a small group of seekers, by dynamic programming over subsets: for each subset,
 * its lowest seeker either waits or forms a circle with some of the others, and the rest is solved the same
 * way. {@code 3^m} steps for {@code m} seekers, so only for groups of up to {@link #MAX_SEEKERS}.
 */
final class ExactPartition {

    static final int MAX_SEEKERS = 14;

    private ExactPartition() {
    }

    /** Circles (as seeker indexes into the table) of a best partition of {@code group}. */
    static List<int[]> solve(SeekerTable table, int[] group) {
        int m = group.length;
        if (m > MAX_SEEKERS) {
            throw new IllegalArgumentException(m + " seekers is too many for the exact partition");
        }
        int subsets = 1 << m;
        long[] circleFit = new long[subsets];
        int[] members = new int[CircleFit.MAX_MEMBERS];
        for (int subset = 0; subset < subsets; subset++) {
            int k = Integer.bitCount(subset);
            circleFit[subset] = -1;
            if (k < CircleFit.MIN_MEMBERS || k > CircleFit.MAX_MEMBERS) {
                continue;
            }
            int count = 0;
            for (int b = 0; b < m; b++) {
                if ((subset & (1 << b)) != 0) {
                    members[count++] = group[b];
                }
            }
            if (CircleShape.fits(table, members, count, -1, -1)) {
                circleFit[subset] = CircleFit.scaled(table.pairSum(members, count), count);
            }
        }
        long[] best = new long[subsets];
        int[] choice = new int[subsets];
        for (int mask = 1; mask < subsets; mask++) {
            int lowest = mask & -mask;
            int rest = mask ^ lowest;
            best[mask] = best[rest];
            choice[mask] = 0;
            // Every subset of the rest, with the lowest seeker added, as the lowest seeker's circle.
            for (int sub = rest; sub > 0; sub = (sub - 1) & rest) {
                int circle = sub | lowest;
                if (circleFit[circle] >= 0) {
                    long candidate = circleFit[circle] + best[mask ^ circle];
                    if (candidate > best[mask]) {
                        best[mask] = candidate;
                        choice[mask] = circle;
                    }
                }
            }
        }
        List<int[]> circles = new ArrayList<>();
        for (int mask = subsets - 1; mask != 0; ) {
            int circle = choice[mask];
            if (circle == 0) {
                mask ^= mask & -mask;
                continue;
            }
            int[] chosen = new int[Integer.bitCount(circle)];
            int count = 0;
            for (int b = 0; b < m; b++) {
                if ((circle & (1 << b)) != 0) {
                    chosen[count++] = group[b];
                }
            }
            circles.add(chosen);
            mask ^= circle;
        }
        return circles;
    }
}
