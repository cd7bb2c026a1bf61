package org.lexnet.matching.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One assignment instance: mentees {@code 0..mentees-1}, mentors {@code 0..mentors()-1} with their free
 * slots, and the allowed pairs as parallel edge arrays (edge {@code e} pairs {@code edgeMentee[e]} with
 * {@code edgeMentor[e]} and is worth {@code edgeScore[e]}).
 *
 * <p>The arrays are taken over, not copied: an instance may hold millions of edges, and every solver
 * reads them as they are. Callers must not change them afterwards.
 */
public record AssignmentProblem(int mentees, int[] mentorCapacity, int[] edgeMentee, int[] edgeMentor,
                                int[] edgeScore) {

    /** Above this, the solvers' sums of match weights and potentials could overflow a {@code long}. */
    private static final long MAX_MATCH_WEIGHT = 1L << 58;

    public AssignmentProblem {
        Objects.requireNonNull(mentorCapacity, "mentorCapacity");
        Objects.requireNonNull(edgeMentee, "edgeMentee");
        Objects.requireNonNull(edgeMentor, "edgeMentor");
        Objects.requireNonNull(edgeScore, "edgeScore");
        if (mentees < 0) {
            throw new IllegalArgumentException("mentees must be >= 0, was " + mentees);
        }
        if (edgeMentor.length != edgeMentee.length || edgeScore.length != edgeMentee.length) {
            throw new IllegalArgumentException("edge arrays differ in length: " + edgeMentee.length + " mentees, "
                    + edgeMentor.length + " mentors, " + edgeScore.length + " scores");
        }
        for (int j = 0; j < mentorCapacity.length; j++) {
            if (mentorCapacity[j] < 0) {
                throw new IllegalArgumentException("mentor " + j + " has negative capacity " + mentorCapacity[j]);
            }
        }
        for (int e = 0; e < edgeMentee.length; e++) {
            if (edgeMentee[e] < 0 || edgeMentee[e] >= mentees) {
                throw new IllegalArgumentException("edge " + e + " names mentee " + edgeMentee[e]
                        + ", outside 0.." + (mentees - 1));
            }
            if (edgeMentor[e] < 0 || edgeMentor[e] >= mentorCapacity.length) {
                throw new IllegalArgumentException("edge " + e + " names mentor " + edgeMentor[e]
                        + ", outside 0.." + (mentorCapacity.length - 1));
            }
            if (edgeScore[e] < 1) {
                throw new IllegalArgumentException("edge " + e + " has score " + edgeScore[e] + ", must be >= 1");
            }
        }
        int repeated = firstRepeatedPair(mentees, mentorCapacity.length, edgeMentee, edgeMentor);
        if (repeated >= 0) {
            throw new IllegalArgumentException("edge " + repeated + " repeats the pair of mentee "
                    + edgeMentee[repeated] + " and mentor " + edgeMentor[repeated]);
        }
    }

    public int mentors() {
        return mentorCapacity.length;
    }

    public int edges() {
        return edgeMentee.length;
    }

    /**
     * The weight of one match in the min-cost-flow formulation: larger than any total score an assignment
     * can reach (one plus the sum over mentees of their best edge), so maximising the sum of
     * {@code matchWeight + score} over chosen edges maximises the number matched first and the total score
     * second. Solver and certificate use the same value so that the solver's duals fit the certificate.
     *
     * @throws IllegalArgumentException when scores are so large that 64-bit sums of it could overflow
     */
    public long matchWeight() {
        int[] best = new int[mentees];
        for (int e = 0; e < edgeMentee.length; e++) {
            best[edgeMentee[e]] = Math.max(best[edgeMentee[e]], edgeScore[e]);
        }
        long weight = 1;
        for (int score : best) {
            weight += score;
        }
        if (weight > MAX_MATCH_WEIGHT) {
            throw new IllegalArgumentException("scores too large for exact 64-bit arithmetic: sum of best scores "
                    + (weight - 1) + " exceeds " + MAX_MATCH_WEIGHT);
        }
        return weight;
    }

    /**
     * The smallest edge index that repeats the (mentee, mentor) pair of an earlier edge, or -1 if every pair
     * occurs at most once. Indexes must already be in range. Public so that file readers can name the
     * offending line before building the problem.
     */
    public static int firstRepeatedPair(int mentees, int mentors, int[] edgeMentee, int[] edgeMentor) {
        // Bucket edges by mentee (counting sort keeps index order inside a bucket), then one pass per bucket
        // with a per-mentor stamp: linear time and no hashing, which matters at millions of edges.
        int[] start = new int[mentees + 1];
        for (int mentee : edgeMentee) {
            start[mentee + 1]++;
        }
        for (int i = 0; i < mentees; i++) {
            start[i + 1] += start[i];
        }
        int[] byMentee = new int[edgeMentee.length];
        int[] next = Arrays.copyOf(start, mentees);
        for (int e = 0; e < edgeMentee.length; e++) {
            byMentee[next[edgeMentee[e]]++] = e;
        }
        int[] lastMenteeOfMentor = new int[mentors];
        Arrays.fill(lastMenteeOfMentor, -1);
        int repeated = -1;
        for (int i = 0; i < mentees; i++) {
            for (int k = start[i]; k < start[i + 1]; k++) {
                int e = byMentee[k];
                if (lastMenteeOfMentor[edgeMentor[e]] == i) {
                    if (repeated < 0 || e < repeated) {
                        repeated = e;
                    }
                } else {
                    lastMenteeOfMentor[edgeMentor[e]] = i;
                }
            }
        }
        return repeated;
    }

    /** Small instances print in full so that a failing property shows its counterexample. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("AssignmentProblem[mentees=").append(mentees)
                .append(", mentorCapacity=").append(Arrays.toString(mentorCapacity));
        if (edges() > 64) {
            return text.append(", edges=").append(edges()).append(']').toString();
        }
        text.append(", edges=[");
        for (int e = 0; e < edges(); e++) {
            text.append(e == 0 ? "" : ", ").append('(').append(edgeMentee[e]).append(',').append(edgeMentor[e])
                    .append(',').append(edgeScore[e]).append(')');
        }
        return text.append("]]").toString();
    }
}
