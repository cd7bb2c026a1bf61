package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A good partition of a large pool: circles grown greedily around the seekers with the fewest possible
 * partners first, then improved by local search until no single move helps. The moves are: a waiting
 * seeker joins a circle or takes a member's seat; a member moves to another circle, swaps with a member of
 * another circle, or steps out to wait. Only circles of a seeker's best partners are tried, which is what
 * keeps a pass linear in the pool. Every move keeps the hard rules and sizes, and is taken only when it
 * raises the total fit, so the search ends. The order of everything is fixed, so the same pool gives the
 * same circles.
 */
final class LocalSearchPartition {

    /** Passes of local search after each construction; each one that changes nothing ends the search early. */
    static final int MAX_PASSES = 40;
    /** Rounds of (grow circles among those waiting, then local search). */
    static final int MAX_ROUNDS = 4;

    private static final int NONE = -1;

    private final SeekerTable table;
    private final Neighbourhood neighbourhood;
    private final int[] circleOf;
    private final List<int[]> members = new ArrayList<>();
    private int[] count = new int[16];
    private long[] sum = new long[16];
    private int[] seen = new int[16];
    private int stamp;

    private LocalSearchPartition(SeekerTable table, Neighbourhood neighbourhood) {
        this.table = table;
        this.neighbourhood = neighbourhood;
        this.circleOf = new int[table.size];
        Arrays.fill(circleOf, NONE);
    }

    /** Circles (as seeker indexes) among {@code pool}, which must be closed under partnership. */
    static List<int[]> solve(SeekerTable table, Neighbourhood neighbourhood, int[] pool) {
        return new LocalSearchPartition(table, neighbourhood).run(pool);
    }

    private List<int[]> run(int[] pool) {
        int[] seeds = Arrays.stream(pool).boxed()
                .sorted((a, b) -> neighbourhood.degree[a] != neighbourhood.degree[b]
                        ? Integer.compare(neighbourhood.degree[a], neighbourhood.degree[b]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int grown = 0;
            for (int seed : seeds) {
                if (circleOf[seed] == NONE && growAround(seed, pool)) {
                    grown++;
                }
            }
            int moves = 0;
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                int improved = 0;
                for (int i : pool) {
                    if (improve(i)) {
                        improved++;
                    }
                }
                moves += improved;
                if (improved == 0) {
                    break;
                }
            }
            if (grown == 0 && moves == 0) {
                break;
            }
        }
        List<int[]> circles = new ArrayList<>();
        for (int c = 0; c < members.size(); c++) {
            if (count[c] > 0) {
                circles.add(Arrays.copyOf(members.get(c), count[c]));
            }
        }
        return circles;
    }

    /**
     * Grows a circle of the minimum size around a waiting seed, adding each time the waiting seeker who
     * scores best with those already in it; first among the partners of its members, then among everyone.
     */
    private boolean growAround(int seed, int[] pool) {
        int[] group = new int[CircleFit.MAX_MEMBERS];
        group[0] = seed;
        int size = 1;
        while (size < CircleFit.MIN_MEMBERS) {
            int best = NONE;
            long bestScore = -1;
            for (int g = 0; g < size; g++) {
                int from = group[g] * Neighbourhood.PARTNERS;
                for (int p = 0; p < neighbourhood.partners[group[g]]; p++) {
                    int candidate = neighbourhood.partner[from + p];
                    long score = joinScore(candidate, group, size);
                    if (score > bestScore || (score == bestScore && score >= 0 && candidate < best)) {
                        best = candidate;
                        bestScore = score;
                    }
                }
            }
            if (best == NONE) {
                for (int candidate : pool) {
                    if (table.compatible(seed, candidate)) {
                        long score = joinScore(candidate, group, size);
                        if (score > bestScore) {
                            best = candidate;
                            bestScore = score;
                        }
                    }
                }
            }
            if (best == NONE || bestScore < 0) {
                return false;
            }
            group[size++] = best;
        }
        int c = newCircle();
        for (int g = 0; g < size; g++) {
            add(c, group[g]);
        }
        return true;
    }

    /** The candidate's score with the group, or -1 if it is placed already, in the group, or breaks a rule. */
    private long joinScore(int candidate, int[] group, int size) {
        if (circleOf[candidate] != NONE) {
            return -1;
        }
        for (int g = 0; g < size; g++) {
            if (group[g] == candidate) {
                return -1;
            }
        }
        if (!CircleShape.fits(table, group, size, NONE, candidate)) {
            return -1;
        }
        return table.scoreWith(candidate, group, size, NONE);
    }

    /** Applies the best improving move for seeker i, if any. */
    private boolean improve(int i) {
        int home = circleOf[i];
        int[] homeMembers = home == NONE ? null : members.get(home);
        int homeCount = home == NONE ? 0 : count[home];
        long homeSum = home == NONE ? 0 : sum[home];
        long homeFit = CircleFit.scaled(homeSum, homeCount);
        long iWithHome = home == NONE ? 0 : table.scoreWith(i, homeMembers, homeCount, NONE);
        long homeWithout = CircleFit.scaled(homeSum - iWithHome, homeCount - 1);

        long bestGain = 0;
        int bestCircle = NONE;
        int bestSwap = NONE;
        boolean bestLeave = false;
        if (home != NONE && homeCount > CircleFit.MIN_MEMBERS && homeWithout - homeFit > bestGain) {
            bestGain = homeWithout - homeFit;
            bestLeave = true;
        }
        stamp++;
        if (home != NONE) {
            mark(home);
        }
        int from = i * Neighbourhood.PARTNERS;
        for (int p = 0; p < neighbourhood.partners[i]; p++) {
            int target = circleOf[neighbourhood.partner[from + p]];
            if (target == NONE || !mark(target)) {
                continue;
            }
            int[] targetMembers = members.get(target);
            int targetCount = count[target];
            long targetSum = sum[target];
            long targetFit = CircleFit.scaled(targetSum, targetCount);
            long iWithTarget = table.scoreWith(i, targetMembers, targetCount, NONE);
            boolean canLeaveHome = home == NONE || homeCount > CircleFit.MIN_MEMBERS;
            if (canLeaveHome && targetCount < CircleFit.MAX_MEMBERS
                    && CircleShape.fits(table, targetMembers, targetCount, NONE, i)) {
                long gain = (home == NONE ? 0 : homeWithout - homeFit)
                        + CircleFit.scaled(targetSum + iWithTarget, targetCount + 1) - targetFit;
                if (gain > bestGain) {
                    bestGain = gain;
                    bestCircle = target;
                    bestSwap = NONE;
                    bestLeave = false;
                }
            }
            for (int t = 0; t < targetCount; t++) {
                int m = targetMembers[t];
                if (!CircleShape.fits(table, targetMembers, targetCount, m, i)) {
                    continue;
                }
                int im = table.pairScore(i, m);
                long mWithTarget = table.scoreWith(m, targetMembers, targetCount, NONE);
                long gain = CircleFit.scaled(targetSum - mWithTarget + iWithTarget - im, targetCount) - targetFit;
                if (home != NONE) {
                    if (!CircleShape.fits(table, homeMembers, homeCount, i, m)) {
                        continue;
                    }
                    long mWithHome = table.scoreWith(m, homeMembers, homeCount, i);
                    gain += CircleFit.scaled(homeSum - iWithHome + mWithHome, homeCount) - homeFit;
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    bestCircle = target;
                    bestSwap = m;
                    bestLeave = false;
                }
            }
        }
        if (bestLeave) {
            remove(home, i);
            return true;
        }
        if (bestCircle == NONE) {
            return false;
        }
        if (bestSwap == NONE) {
            if (home != NONE) {
                remove(home, i);
            }
            add(bestCircle, i);
        } else {
            remove(bestCircle, bestSwap);
            if (home != NONE) {
                remove(home, i);
                add(home, bestSwap);
            }
            add(bestCircle, i);
        }
        return true;
    }

    /** Marks a circle as tried for the current seeker; false if it was already. */
    private boolean mark(int circle) {
        if (seen[circle] == stamp) {
            return false;
        }
        seen[circle] = stamp;
        return true;
    }

    private int newCircle() {
        int c = members.size();
        members.add(new int[CircleFit.MAX_MEMBERS]);
        if (c == count.length) {
            count = Arrays.copyOf(count, c * 2);
            sum = Arrays.copyOf(sum, c * 2);
            seen = Arrays.copyOf(seen, c * 2);
        }
        return c;
    }

    private void add(int c, int i) {
        int[] circle = members.get(c);
        sum[c] += table.scoreWith(i, circle, count[c], NONE);
        circle[count[c]++] = i;
        circleOf[i] = c;
    }

    private void remove(int c, int i) {
        int[] circle = members.get(c);
        int at = 0;
        while (circle[at] != i) {
            at++;
        }
        circle[at] = circle[--count[c]];
        sum[c] -= table.scoreWith(i, circle, count[c], NONE);
        circleOf[i] = NONE;
    }
}
