package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over every pair of seekers who could share a circle, gathering what the engine needs: each
 * seeker's best partners, the groups of seekers linked by such pairs (no circle spans two groups), and
 * each seeker's best possible contribution to any circle, whose sum bounds the total fit.
 *
 * <h2>Kinds</h2>
 * Whether two seekers could share a circle depends only on their stage, slots, region and whether they meet
 * online, so seekers are grouped into kinds by those four, and compatibility, the groups and the contexts
 * below are worked out once per pair of kinds. The pair scan then only scores pairs of compatible kinds.
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
        component = new int[n];
        scaledBound = new long[n];

        int[] kindOf = new int[n];
        List<int[]> kindMembers = kinds(table, kindOf);
        int kinds = kindMembers.size();
        int[] sample = new int[kinds];
        for (int k = 0; k < kinds; k++) {
            sample[k] = kindMembers.get(k)[0];
        }
        // For each kind, the kinds it is compatible with and the contexts (as a bit mask) each pair shares.
        int[][] compatibleKinds = new int[kinds][];
        int[][] sharedContexts = new int[kinds][];
        int[] parent = new int[kinds];
        for (int a = 0; a < kinds; a++) {
            parent[a] = a;
        }
        for (int a = 0; a < kinds; a++) {
            int[] found = new int[kinds];
            int[] contexts = new int[kinds];
            int count = 0;
            for (int b = 0; b < kinds; b++) {
                boolean distinctPair = a != b || kindMembers.get(a).length > 1;
                if (distinctPair && table.compatible(sample[a], sample[b])) {
                    found[count] = b;
                    contexts[count++] = contexts(table, sample[a], sample[b]);
                    if (a != b) {
                        union(parent, a, b);
                    }
                }
            }
            compatibleKinds[a] = Arrays.copyOf(found, count);
            sharedContexts[a] = Arrays.copyOf(contexts, count);
        }

        int[] kindBest3 = new int[kinds * 3];
        int[] contextBest3 = new int[CONTEXTS * 3];
        for (int i = 0; i < n; i++) {
            int a = kindOf[i];
            int[] compatible = compatibleKinds[a];
            for (int b : compatible) {
                int at = b * 3;
                kindBest3[at] = 0;
                kindBest3[at + 1] = 0;
                kindBest3[at + 2] = 0;
                for (int j : kindMembers.get(b)) {
                    if (j == i) {
                        continue;
                    }
                    int score = table.pairScore(i, j);
                    offer(i, j, score);
                    keepBest3(kindBest3, at, score);
                    degree[i]++;
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

    /** Kinds in order of their first seeker; each kind's seekers ascending. */
    private static List<int[]> kinds(SeekerTable table, int[] kindOf) {
        Map<Long, Integer> ids = new HashMap<>();
        List<List<Integer>> members = new ArrayList<>();
        for (int i = 0; i < table.size; i++) {
            long key = ((((long) table.stage[i] * 8 + table.slots[i]) * 2 + (table.remote[i] ? 1 : 0)) << 32)
                    | (table.region[i] & 0xffffffffL);
            int kind = ids.computeIfAbsent(key, k -> {
                members.add(new ArrayList<>());
                return members.size() - 1;
            });
            members.get(kind).add(i);
            kindOf[i] = kind;
        }
        return members.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toList();
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
