package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The best total fit of a small pool by enumerating every partition into valid circles and waiting seekers,
 * written from the rules in docs/circle-formation.md and sharing no code with the engine but
 * {@link CircleFit#pairScore}: a test oracle, exponential, for up to about 12 seekers.
 */
final class BruteForcePartition {

    private final List<CircleSeeker> seekers;
    private final boolean[] used;
    private long best;

    private BruteForcePartition(List<CircleSeeker> seekers) {
        this.seekers = seekers;
        this.used = new boolean[seekers.size()];
    }

    /** The best total fit, times {@link CircleFit#SCALE}. */
    static long bestScaledFit(List<CircleSeeker> seekers) {
        BruteForcePartition search = new BruteForcePartition(seekers);
        search.partition(0);
        return search.best;
    }

    /** Whether these seekers may form a circle: size, stage band, a common slot and a common format. */
    static boolean validCircle(List<CircleSeeker> members) {
        return members.size() >= 4 && members.size() <= 8 && fitTogether(members);
    }

    /** The hard rules but size; a group that breaks them cannot be mended by adding members. */
    private static boolean fitTogether(List<CircleSeeker> members) {
        int low = members.stream().mapToInt(CircleSeeker::stage).min().orElseThrow();
        int high = members.stream().mapToInt(CircleSeeker::stage).max().orElseThrow();
        Set<MeetingSlot> common = new HashSet<>(members.get(0).slots());
        members.forEach(m -> common.retainAll(m.slots()));
        String region = members.get(0).region();
        boolean oneRegion = region != null && members.stream().allMatch(m -> Objects.equals(region, m.region()));
        boolean allRemote = members.stream().allMatch(CircleSeeker::remote);
        return high - low <= 1 && !common.isEmpty() && (oneRegion || allRemote);
    }

    /** The circle's fit times {@link CircleFit#SCALE}: 2 · (sum of pair scores) / (k − 1), times 420. */
    static long scaledFit(List<CircleSeeker> members) {
        long sum = 0;
        for (int a = 0; a < members.size(); a++) {
            for (int b = a + 1; b < members.size(); b++) {
                sum += CircleFit.pairScore(members.get(a), members.get(b));
            }
        }
        return 840 * sum / (members.size() - 1);
    }

    private void partition(long soFar) {
        int first = 0;
        while (first < used.length && used[first]) {
            first++;
        }
        if (first == used.length) {
            best = Math.max(best, soFar);
            return;
        }
        used[first] = true;
        // The first free seeker waits...
        partition(soFar);
        // ...or forms a circle with 3 to 7 of the later free seekers.
        chooseCircle(first, first + 1, new int[] {first}, 1, soFar);
        used[first] = false;
    }

    private void chooseCircle(int first, int from, int[] circle, int size, long soFar) {
        List<CircleSeeker> members = new ArrayList<>();
        for (int a = 0; a < size; a++) {
            members.add(seekers.get(circle[a]));
        }
        if (!fitTogether(members)) {
            return;
        }
        if (size >= 4) {
            partition(soFar + scaledFit(members));
        }
        if (size == 8) {
            return;
        }
        for (int next = from; next < used.length; next++) {
            if (!used[next]) {
                int[] grown = Arrays.copyOf(circle, size + 1);
                grown[size] = next;
                used[next] = true;
                chooseCircle(first, next + 1, grown, size + 1, soFar);
                used[next] = false;
            }
        }
    }
}
