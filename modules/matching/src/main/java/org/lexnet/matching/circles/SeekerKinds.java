package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Seekers grouped by what the hard rules look at: stage, slots, region and whether they meet online.
 * Whether two seekers could share a circle depends on their kinds alone, so it is worked out once per pair
 * of kinds, and a scan over pairs of seekers only visits pairs of compatible kinds.
 */
final class SeekerKinds {

    final int count;
    final int[] kindOf;
    /** Each kind's seekers, ascending; kinds in order of their first seeker. */
    final int[][] members;
    /**
     * For each kind, the kinds whose seekers can share a circle with its seekers, ascending; a kind is among
     * its own when it has at least two seekers and they are compatible.
     */
    final int[][] compatible;

    SeekerKinds(SeekerTable table) {
        kindOf = new int[table.size];
        Map<Long, Integer> ids = new HashMap<>();
        List<List<Integer>> grouped = new ArrayList<>();
        for (int i = 0; i < table.size; i++) {
            long key = ((((long) table.stage[i] * 8 + table.slots[i]) * 2 + (table.remote[i] ? 1 : 0)) << 32)
                    | (table.region[i] & 0xffffffffL);
            int kind = ids.computeIfAbsent(key, k -> {
                grouped.add(new ArrayList<>());
                return grouped.size() - 1;
            });
            grouped.get(kind).add(i);
            kindOf[i] = kind;
        }
        count = grouped.size();
        members = grouped.stream().map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        compatible = new int[count][];
        for (int a = 0; a < count; a++) {
            int[] found = new int[count];
            int n = 0;
            for (int b = 0; b < count; b++) {
                if ((a != b || members[a].length > 1) && table.compatible(sample(a), sample(b))) {
                    found[n++] = b;
                }
            }
            compatible[a] = Arrays.copyOf(found, n);
        }
    }

    int sample(int kind) {
        return members[kind][0];
    }
}
