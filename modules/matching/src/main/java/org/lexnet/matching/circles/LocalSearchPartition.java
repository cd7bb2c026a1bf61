package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A good partition of a large pool (docs/circle-formation.md).
 *
 * <ol>
 * <li>Construction: circles of four grown greedily around the seekers with the highest possible
 * contribution first (their upper bound), each time adding the waiting seeker who scores best with those
 * already in. Growing around the hardest seekers first was tried and ends 2.5% lower.</li>
 * <li>Local search until no single move helps: a waiting seeker joins a circle or takes a member's seat;
 * a member moves to another circle, swaps with a member of another circle, or steps out to wait.</li>
 * <li>Re-division: two neighbouring circles' members are divided between them in the best of all ways
 * (any number exchanged at once), followed by local search again, until nothing improves.</li>
 * </ol>
 *
 * <p>Only circles of a seeker's best partners are tried, and a seeker (or circle) is looked at again only
 * when a circle around it changed since it was last found without a move, which keeps passes cheap. Every
 * move keeps the hard rules and sizes, and is taken only when it raises the total fit (an integer), so the
 * search ends. The order of everything is fixed, so the same pool gives the same circles.
 */
final class LocalSearchPartition {

    /** Passes of local search after each construction; each one that changes nothing ends the search early. */
    static final int MAX_PASSES = 40;
    /** Rounds of (grow circles among those waiting, then local search). */
    static final int MAX_ROUNDS = 4;
    /** Passes of re-dividing pairs of circles, each followed by single-seeker moves. */
    static final int MAX_RESPLIT_PASSES = 10;
    /** Two circles are re-divided only up to this many members together (2^(n-1) divisions). */
    static final int MAX_RESPLIT_SEEKERS = 12;
    /** The closest partners of each member whose circles are tried for a re-division. */
    static final int RESPLIT_PARTNERS = 8;

    private static final int NONE = -1;
    private static final int MIXED = -3;

    private final SeekerTable table;
    private final Neighbourhood neighbourhood;
    private final int[] circleOf;
    private final List<int[]> members = new ArrayList<>();
    private int[] count = new int[16];
    private long[] sum = new long[16];
    private int[] seen = new int[16];
    private int stamp;
    /** The change counter when each circle last changed. */
    private long[] version = new long[16];
    private long changes;
    /** The change counter when each seeker was last found to have no improving move. */
    private final long[] settledAt;
    /** Work arrays of {@link #resplit}, one entry per subset of the two circles' members. */
    private final int[] subsetBands = new int[1 << MAX_RESPLIT_SEEKERS];
    private final int[] subsetSlots = new int[1 << MAX_RESPLIT_SEEKERS];
    private final int[] subsetRegion = new int[1 << MAX_RESPLIT_SEEKERS];
    private final boolean[] subsetRemote = new boolean[1 << MAX_RESPLIT_SEEKERS];
    private final long[] subsetSum = new long[1 << MAX_RESPLIT_SEEKERS];
    /** Pair scores of the two circles' members, row x holding x's scores with every later member. */
    private final int[] pairScores = new int[MAX_RESPLIT_SEEKERS * MAX_RESPLIT_SEEKERS];
    /** The change counter when each circle was last found to have no improving re-division. */
    private long[] resplitSettledAt = new long[16];
    {
        Arrays.fill(resplitSettledAt, -1);
    }

    private LocalSearchPartition(SeekerTable table, Neighbourhood neighbourhood) {
        this.table = table;
        this.neighbourhood = neighbourhood;
        this.circleOf = new int[table.size];
        Arrays.fill(circleOf, NONE);
        this.settledAt = new long[table.size];
        Arrays.fill(settledAt, -1);
    }

    /** Circles (as seeker indexes) among {@code pool}, which must be closed under partnership. */
    static List<int[]> solve(SeekerTable table, Neighbourhood neighbourhood, int[] pool) {
        return new LocalSearchPartition(table, neighbourhood).run(pool);
    }

    private List<int[]> run(int[] pool) {
        int[] seeds = Arrays.stream(pool).boxed()
                .sorted((a, b) -> neighbourhood.scaledBound[a] != neighbourhood.scaledBound[b]
                        ? Long.compare(neighbourhood.scaledBound[b], neighbourhood.scaledBound[a])
                        : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            int grown = 0;
            for (int seed : seeds) {
                if (circleOf[seed] == NONE && growAround(seed, pool)) {
                    grown++;
                }
            }
            int changes = localSearch(pool);
            for (int resplits = 0; resplits < MAX_RESPLIT_PASSES; resplits++) {
                int resplit = resplitPass();
                if (resplit == 0) {
                    break;
                }
                changes += resplit + localSearch(pool);
            }
            if (grown == 0 && changes == 0) {
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

    /** Single-seeker moves until a pass changes nothing; returns the moves made. */
    private int localSearch(int[] pool) {
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
        return moves;
    }

    /**
     * Tries every circle against the circles of its members' closest partners, re-dividing the two circles'
     * members between them in the best way; returns the circles improved.
     */
    private int resplitPass() {
        int improved = 0;
        for (int a = 0; a < members.size(); a++) {
            if (count[a] == 0 || (resplitSettledAt[a] >= 0 && !circleChangedSince(a, resplitSettledAt[a]))) {
                continue;
            }
            long checkedAt = changes;
            stamp++;
            mark(a);
            int[] own = Arrays.copyOf(members.get(a), count[a]);
            search:
            for (int member : own) {
                int from = member * Neighbourhood.PARTNERS;
                for (int p = 0; p < Math.min(RESPLIT_PARTNERS, neighbourhood.partners[member]); p++) {
                    int b = circleOf[neighbourhood.partner[from + p]];
                    if (b != NONE && mark(b) && count[a] + count[b] <= MAX_RESPLIT_SEEKERS && resplit(a, b)) {
                        improved++;
                        break search;
                    }
                }
            }
            if (changes == checkedAt) {
                resplitSettledAt[a] = checkedAt;
            }
        }
        return improved;
    }

    /** Whether circle a or a circle of its members' closest partners changed since {@code when}. */
    private boolean circleChangedSince(int a, long when) {
        if (version[a] > when) {
            return true;
        }
        int[] own = members.get(a);
        for (int k = 0; k < count[a]; k++) {
            int from = own[k] * Neighbourhood.PARTNERS;
            for (int p = 0; p < Math.min(RESPLIT_PARTNERS, neighbourhood.partners[own[k]]); p++) {
                int b = circleOf[neighbourhood.partner[from + p]];
                if (b != NONE && version[b] > when) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Re-divides the members of circles a and b into two valid circles, if some division has a higher total
     * fit: every division is tried, which covers exchanging any number of members at once.
     */
    private boolean resplit(int a, int b) {
        int u = count[a] + count[b];
        int[] union = new int[u];
        System.arraycopy(members.get(a), 0, union, 0, count[a]);
        System.arraycopy(members.get(b), 0, union, count[a], count[b]);
        for (int x = 0; x < u; x++) {
            for (int y = x + 1; y < u; y++) {
                pairScores[x * MAX_RESPLIT_SEEKERS + y] = table.pairScore(union[x], union[y]);
            }
        }
        // Shape and pair sum of every subset, each from the subset without its lowest member.
        int subsets = 1 << u;
        for (int mask = 1; mask < subsets; mask++) {
            int x = Integer.numberOfTrailingZeros(mask);
            int rest = mask & (mask - 1);
            int seeker = union[x];
            int region = table.region[seeker] == SeekerTable.NO_REGION ? MIXED : table.region[seeker];
            if (rest == 0) {
                subsetBands[mask] = table.bands[seeker];
                subsetSlots[mask] = table.slots[seeker];
                subsetRegion[mask] = region;
                subsetRemote[mask] = table.remote[seeker];
                subsetSum[mask] = 0;
                continue;
            }
            subsetBands[mask] = subsetBands[rest] & table.bands[seeker];
            subsetSlots[mask] = subsetSlots[rest] & table.slots[seeker];
            subsetRegion[mask] = subsetRegion[rest] == region ? region : MIXED;
            subsetRemote[mask] = subsetRemote[rest] && table.remote[seeker];
            long sumWith = 0;
            for (int others = rest; others != 0; others &= others - 1) {
                sumWith += pairScores[x * MAX_RESPLIT_SEEKERS + Integer.numberOfTrailingZeros(others)];
            }
            subsetSum[mask] = subsetSum[rest] + sumWith;
        }
        long best = CircleFit.scaled(sum[a], count[a]) + CircleFit.scaled(sum[b], count[b]);
        int bestSplit = -1;
        int all = subsets - 1;
        // The first member always goes to the first side, so each division is seen once.
        for (int rest = 0; rest < 1 << (u - 1); rest++) {
            int side = (rest << 1) | 1;
            int other = all ^ side;
            int sizeA = Integer.bitCount(side);
            int sizeB = u - sizeA;
            if (sizeA < CircleFit.MIN_MEMBERS || sizeA > CircleFit.MAX_MEMBERS || sizeB < CircleFit.MIN_MEMBERS
                    || sizeB > CircleFit.MAX_MEMBERS || !subsetFits(side) || !subsetFits(other)) {
                continue;
            }
            long value = CircleFit.scaled(subsetSum[side], sizeA) + CircleFit.scaled(subsetSum[other], sizeB);
            if (value > best) {
                best = value;
                bestSplit = side;
            }
        }
        if (bestSplit < 0) {
            return false;
        }
        for (int x = 0; x < u; x++) {
            remove(circleOf[union[x]], union[x]);
        }
        for (int x = 0; x < u; x++) {
            add((bestSplit & (1 << x)) != 0 ? a : b, union[x]);
        }
        return true;
    }

    private boolean subsetFits(int mask) {
        return subsetBands[mask] != 0 && subsetSlots[mask] != 0 && (subsetRegion[mask] >= 0 || subsetRemote[mask]);
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

    /**
     * Applies the best improving move for seeker i, if any. Skipped when neither i's circle nor any circle
     * of its partners changed since i was last found without a move: the answer would be the same.
     */
    private boolean improve(int i) {
        if (settledAt[i] >= 0 && !changedSince(i, settledAt[i])) {
            return false;
        }
        boolean moved = bestMove(i);
        if (!moved) {
            settledAt[i] = changes;
        }
        return moved;
    }

    private boolean changedSince(int i, long when) {
        if (circleOf[i] != NONE && version[circleOf[i]] > when) {
            return true;
        }
        int from = i * Neighbourhood.PARTNERS;
        for (int p = 0; p < neighbourhood.partners[i]; p++) {
            int c = circleOf[neighbourhood.partner[from + p]];
            if (c != NONE && version[c] > when) {
                return true;
            }
        }
        return false;
    }

    private boolean bestMove(int i) {
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
            version = Arrays.copyOf(version, c * 2);
            resplitSettledAt = Arrays.copyOf(resplitSettledAt, c * 2);
            Arrays.fill(resplitSettledAt, c, c * 2, -1);
        }
        return c;
    }

    private void add(int c, int i) {
        int[] circle = members.get(c);
        sum[c] += table.scoreWith(i, circle, count[c], NONE);
        circle[count[c]++] = i;
        circleOf[i] = c;
        version[c] = ++changes;
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
        version[c] = ++changes;
    }
}
