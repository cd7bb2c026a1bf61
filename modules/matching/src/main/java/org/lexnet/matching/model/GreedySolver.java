package org.lexnet.matching.model;

import java.util.Arrays;

/**
 * The greedy-by-score baseline the exact solver is measured against: edges from the highest score down
 * (equal scores by lower edge index), each taken if its mentee is still unmatched and its mentor still
 * has a free slot.
 */
public final class GreedySolver {

    private GreedySolver() {
    }

    /** Returns the greedy assignment; it has no dual potentials. */
    public static Assignment solve(AssignmentProblem problem) {
        int edges = problem.edges();
        int[] score = problem.edgeScore();
        // One primitive sort instead of a comparator over boxed indexes: the key puts the higher score first
        // (scores are positive ints, so MAX_VALUE - score fits in 31 bits) and the edge index in the low bits.
        long[] order = new long[edges];
        for (int e = 0; e < edges; e++) {
            order[e] = ((long) (Integer.MAX_VALUE - score[e]) << 31) | e;
        }
        Arrays.sort(order);

        int[] freeSlots = problem.mentorCapacity().clone();
        int[] mentorOfMentee = new int[problem.mentees()];
        int[] edgeOfMentee = new int[problem.mentees()];
        Arrays.fill(mentorOfMentee, -1);
        Arrays.fill(edgeOfMentee, -1);
        int matched = 0;
        long total = 0;
        for (long key : order) {
            int e = (int) (key & Integer.MAX_VALUE);
            int mentee = problem.edgeMentee()[e];
            int mentor = problem.edgeMentor()[e];
            if (mentorOfMentee[mentee] < 0 && freeSlots[mentor] > 0) {
                mentorOfMentee[mentee] = mentor;
                edgeOfMentee[mentee] = e;
                freeSlots[mentor]--;
                matched++;
                total += score[e];
            }
        }
        return new Assignment(matched, total, mentorOfMentee, edgeOfMentee, null, null);
    }
}
