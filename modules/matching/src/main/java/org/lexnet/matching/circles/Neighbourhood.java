package org.lexnet.matching.circles;

import java.util.Arrays;

/**
 * One pass over every pair of seekers who could share a circle, gathering what the engine needs: each
 * seeker's best partners, the groups of seekers linked by such pairs (no circle spans two groups), and
 * each seeker's best possible contribution to any circle, whose sum bounds the total fit. Compatibility,
 * the groups and the contexts below are worked out once per pair of {@link SeekerKinds}, and only pairs of
 * compatible kinds are scored.
 *
 * <h2>The bound</h2>
 * A circle that holds seeker {@code i} fits some context (a band of two adjacent stages, a slot, and
 * either {@code i}'s region or online), and so does every other member. {@code i}'s contribution is the
 * mean of their pair scores with 3 to 7 other members of that context, which is at most the mean of the
 * 3 best scores {@code i} has with anyone fitting that context. The largest of these over {@code i}'s
 * contexts bounds {@code i}'s contribution in every circle; a seeker who has fewer than 3 partners in every
 * context can join no circle and contributes 0.
 */
final class Neighbourhood {

    /** Best partners kept per seeker: enough to reach the circles worth trying in local search. */
    static final int PARTNERS = 24;

    /** Band (0..2) × slot (0..2) × format (0 = a region, 1 = online). */
    private static final int CONTEXTS = 3 * 3 * 2;

    final int[] partner;
    final int[] partnerScore;
    final int[] partners;
    final int[] component;
    final long[] scaledBound;

    Neighbourhood(SeekerTable table) {
        int n = table.size;
        partner = new int[n * PARTNERS];
        partnerScore = new int[n * PARTNERS];
        partners = new int[n];
        component = new int[n];
        scaledBound = new long[n];

        SeekerKinds kinds = new SeekerKinds(table);
        int[] parent = new int[kinds.count];
        for (int a = 0; a < kinds.count; a++) {
            parent[a] = a;
        }
        // For each pair of compatible kinds, the contexts (as a bit mask) they share.
        int[][] sharedContexts = new int[kinds.count][];
        for (int a = 0; a < kinds.count; a++) {
            int[] compatible = kinds.compatible[a];
            sharedContexts[a] = new int[compatible.length];
            for (int c = 0; c < compatible.length; c++) {
                sharedContexts[a][c] = contexts(table, kinds.sample(a), kinds.sample(compatible[c]));
                if (compatible[c] != a) {
                    union(parent, a, compatible[c]);
                }
            }
        }

        int[] kindBest3 = new int[kinds.count * 3];
        int[] contextBest3 = new int[CONTEXTS * 3];
        for (int i = 0; i < n; i++) {
            int a = kinds.kindOf[i];
            int[] compatible = kinds.compatible[a];
            for (int b : compatible) {
                int at = b * 3;
                kindBest3[at] = 0;
                kindBest3[at + 1] = 0;
                kindBest3[at + 2] = 0;
                for (int j : kinds.members[b]) {
                    if (j == i) {
                        continue;
                    }
                    int score = table.pairScore(i, j);
                    offer(i, j, score);
                    keepBest3(kindBest3, at, score);
                }
            }
            Arrays.fill(contextBest3, 0);
            for (int c = 0; c < compatible.length; c++) {
                int at = compatible[c] * 3;
                for (int shared = sharedContexts[a][c]; shared != 0; shared &= shared - 1) {
                    int context = Integer.numberOfTrailingZeros(shared);
                    for (int t = 0; t < 3 && kindBest3[at + t] > 0; t++) {
                        keepBest3(contextBest3, context * 3, kindBest3[at + t]);
                    }
                }
            }
            long best = 0;
            for (int context = 0; context < CONTEXTS; context++) {
                int at = context * 3;
                if (contextBest3[at + 2] > 0) {
                    best = Math.max(best, (long) contextBest3[at] + contextBest3[at + 1] + contextBest3[at + 2]);
                }
            }
            // The mean of three scores, times SCALE.
            scaledBound[i] = best * CircleFit.SCALE / 3;
            component[i] = find(parent, a);
        }
    }

    long scaledUpperBound() {
        long sum = 0;
        for (long b : scaledBound) {
            sum += b;
        }
        return sum;
    }

    /** The contexts both fit, one bit per (band, slot, format). */
    private static int contexts(SeekerTable table, int i, int j) {
        int bands = table.bands[i] & table.bands[j];
        int slots = table.slots[i] & table.slots[j];
        int formats = (table.region[i] != SeekerTable.NO_REGION && table.region[i] == table.region[j] ? 1 : 0)
                | (table.remote[i] && table.remote[j] ? 2 : 0);
        int mask = 0;
        for (int lo = 0; lo < 3; lo++) {
            for (int slot = 0; slot < 3; slot++) {
                for (int format = 0; format < 2; format++) {
                    if ((bands & (1 << lo)) != 0 && (slots & (1 << slot)) != 0 && (formats & (1 << format)) != 0) {
                        mask |= 1 << ((lo * 3 + slot) * 2 + format);
                    }
                }
            }
        }
        return mask;
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
            // The smaller root wins, so that a group's name does not depend on the order of unions.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
