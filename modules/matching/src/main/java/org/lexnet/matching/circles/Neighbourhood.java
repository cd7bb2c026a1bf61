package org.lexnet.matching.circles;

import java.util.Arrays;

/**
 * One pass over every pair of seekers who could share a circle, gathering what the engine needs: each
 * seeker's best partners, the groups of seekers linked by such pairs (no circle spans two groups), and
 * each seeker's best possible contribution to any circle, whose sum bounds the total fit.
 *
 * <h2>The bound</h2>
 * A circle that holds seeker {@code i} fits some context (a band of two adjacent stages, a slot, and
 * either {@code i}'s region or remote), and so does every other member. {@code i}'s contribution is the
 * mean of their pair scores with 3 to 7 other members of that context, which is at most the mean of the
 * 3 best scores {@code i} has with anyone fitting that context. The largest of these over {@code i}'s
 * contexts bounds {@code i}'s contribution in every circle; a seeker who has fewer than 3 partners in every
 * context can join no circle and contributes 0.
 */
final class Neighbourhood {

    /** Best partners kept per seeker: enough to reach the circles worth trying in local search. */
    static final int PARTNERS = 24;

    private static final int CONTEXTS = 3 * 3 * 2;

    final int[] partner;
    final int[] partnerScore;
    final int[] partners;
    /** How many seekers each could share a circle with. */
    final int[] degree;
    final int[] component;
    final long[] scaledBound;

    Neighbourhood(SeekerTable table) {
        int n = table.size;
        partner = new int[n * PARTNERS];
        partnerScore = new int[n * PARTNERS];
        partners = new int[n];
        degree = new int[n];
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        int[] best3 = new int[n * CONTEXTS * 3];

        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> table.stage[a] != table.stage[b]
                ? Integer.compare(table.stage[a], table.stage[b]) : Integer.compare(a, b));
        int[] order = new int[n];
        int[] stageEnd = new int[5];
        for (int p = 0; p < n; p++) {
            order[p] = boxed[p];
            stageEnd[table.stage[order[p]] + 1] = p + 1;
        }
        for (int s = 1; s < 5; s++) {
            stageEnd[s] = Math.max(stageEnd[s], stageEnd[s - 1]);
        }
        for (int p = 0; p < n; p++) {
            int i = order[p];
            int end = stageEnd[Math.min(table.stage[i] + 2, 4)];
            for (int q = p + 1; q < end; q++) {
                int j = order[q];
                if (!table.compatible(i, j)) {
                    continue;
                }
                int score = table.pairScore(i, j);
                offer(i, j, score);
                offer(j, i, score);
                union(parent, i, j);
                degree[i]++;
                degree[j]++;
                int bands = table.bands[i] & table.bands[j];
                int slots = table.slots[i] & table.slots[j];
                int formats = (table.region[i] != SeekerTable.NO_REGION && table.region[i] == table.region[j] ? 1 : 0)
                        | (table.remote[i] && table.remote[j] ? 2 : 0);
                for (int lo = 0; lo < 3; lo++) {
                    if ((bands & (1 << lo)) == 0) {
                        continue;
                    }
                    for (int slot = 0; slot < 3; slot++) {
                        if ((slots & (1 << slot)) == 0) {
                            continue;
                        }
                        for (int format = 0; format < 2; format++) {
                            if ((formats & (1 << format)) != 0) {
                                int context = (lo * 3 + slot) * 2 + format;
                                keepBest3(best3, (i * CONTEXTS + context) * 3, score);
                                keepBest3(best3, (j * CONTEXTS + context) * 3, score);
                            }
                        }
                    }
                }
            }
        }
        component = new int[n];
        scaledBound = new long[n];
        for (int i = 0; i < n; i++) {
            component[i] = find(parent, i);
            long best = 0;
            for (int context = 0; context < CONTEXTS; context++) {
                int at = (i * CONTEXTS + context) * 3;
                if (best3[at + 2] > 0) {
                    best = Math.max(best, (long) best3[at] + best3[at + 1] + best3[at + 2]);
                }
            }
            // The mean of three scores, times SCALE.
            scaledBound[i] = best * CircleFit.SCALE / 3;
        }
    }

    long scaledUpperBound() {
        long sum = 0;
        for (long b : scaledBound) {
            sum += b;
        }
        return sum;
    }

    /** Keeps the {@link #PARTNERS} best by score, earlier offers first among equals. */
    private void offer(int i, int j, int score) {
        int base = i * PARTNERS;
        int count = partners[i];
        if (count == PARTNERS && partnerScore[base + count - 1] >= score) {
            return;
        }
        int at = count == PARTNERS ? count - 1 : count;
        while (at > 0 && partnerScore[base + at - 1] < score) {
            partner[base + at] = partner[base + at - 1];
            partnerScore[base + at] = partnerScore[base + at - 1];
            at--;
        }
        partner[base + at] = j;
        partnerScore[base + at] = score;
        if (count < PARTNERS) {
            partners[i] = count + 1;
        }
    }

    private static void keepBest3(int[] best3, int at, int score) {
        if (score > best3[at]) {
            best3[at + 2] = best3[at + 1];
            best3[at + 1] = best3[at];
            best3[at] = score;
        } else if (score > best3[at + 1]) {
            best3[at + 2] = best3[at + 1];
            best3[at + 1] = score;
        } else if (score > best3[at + 2]) {
            best3[at + 2] = score;
        }
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            // The smaller root wins, so that a component's name does not depend on the order of unions.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
