package org.lexnet.matching.model;

import java.util.Arrays;
import java.util.Random;

/** Seeded random assignment instances for the solver tests. */
final class RandomProblems {

    private RandomProblems() {
    }

    /** Each (mentee, mentor) pair is an edge with the given probability; edges come in shuffled order. */
    static AssignmentProblem dense(Random random, int mentees, int mentors, int maxCapacity, double edgeProbability,
                                   int maxScore) {
        int[] capacity = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            capacity[j] = random.nextInt(maxCapacity + 1);
        }
        int[] mentee = new int[mentees * mentors];
        int[] mentor = new int[mentees * mentors];
        int[] score = new int[mentees * mentors];
        int edges = 0;
        for (int i = 0; i < mentees; i++) {
            for (int j = 0; j < mentors; j++) {
                if (random.nextDouble() < edgeProbability) {
                    mentee[edges] = i;
                    mentor[edges] = j;
                    score[edges++] = 1 + random.nextInt(maxScore);
                }
            }
        }
        return shuffled(random, mentees, capacity, mentee, mentor, score, edges);
    }

    /** Each mentee gets up to edgesPerMentee distinct random mentors, like top-k candidate generation. */
    static AssignmentProblem sparse(Random random, int mentees, int mentors, int edgesPerMentee, int minCapacity,
                                    int maxCapacity, int maxScore) {
        int[] capacity = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            capacity[j] = minCapacity + random.nextInt(maxCapacity - minCapacity + 1);
        }
        int perMentee = Math.min(edgesPerMentee, mentors);
        int[] mentee = new int[mentees * perMentee];
        int[] mentor = new int[mentees * perMentee];
        int[] score = new int[mentees * perMentee];
        int[] chosenBy = new int[mentors];
        Arrays.fill(chosenBy, -1);
        int edges = 0;
        for (int i = 0; i < mentees; i++) {
            for (int k = 0; k < perMentee; k++) {
                int j;
                do {
                    j = random.nextInt(mentors);
                } while (chosenBy[j] == i);
                chosenBy[j] = i;
                mentee[edges] = i;
                mentor[edges] = j;
                score[edges++] = 1 + random.nextInt(maxScore);
            }
        }
        return new AssignmentProblem(mentees, capacity, mentee, mentor, score);
    }

    private static AssignmentProblem shuffled(Random random, int mentees, int[] capacity, int[] mentee, int[] mentor,
                                              int[] score, int edges) {
        for (int e = edges - 1; e > 0; e--) {
            int other = random.nextInt(e + 1);
            swap(mentee, e, other);
            swap(mentor, e, other);
            swap(score, e, other);
        }
        return new AssignmentProblem(mentees, capacity, Arrays.copyOf(mentee, edges),
                Arrays.copyOf(mentor, edges), Arrays.copyOf(score, edges));
    }

    private static void swap(int[] values, int a, int b) {
        int value = values[a];
        values[a] = values[b];
        values[b] = value;
    }
}
