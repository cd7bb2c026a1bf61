package org.lexnet.matching.model;

/** The lexicographic optimum by trying every choice (one edge or none) for every mentee: tiny instances only. */
final class ExhaustiveSearch {

    private final AssignmentProblem problem;
    private final int[] freeSlots;
    private final int[][] edgesOfMentee;
    private int bestMatched = -1;
    private long bestTotal;

    private ExhaustiveSearch(AssignmentProblem problem) {
        this.problem = problem;
        this.freeSlots = problem.mentorCapacity().clone();
        int[] degree = new int[problem.mentees()];
        for (int e = 0; e < problem.edges(); e++) {
            degree[problem.edgeMentee()[e]]++;
        }
        edgesOfMentee = new int[problem.mentees()][];
        for (int i = 0; i < problem.mentees(); i++) {
            edgesOfMentee[i] = new int[degree[i]];
            degree[i] = 0;
        }
        for (int e = 0; e < problem.edges(); e++) {
            int i = problem.edgeMentee()[e];
            edgesOfMentee[i][degree[i]++] = e;
        }
    }

    /** Returns {matched, total} of the best assignment. */
    static long[] optimum(AssignmentProblem problem) {
        ExhaustiveSearch search = new ExhaustiveSearch(problem);
        search.choose(0, 0, 0);
        return new long[] {search.bestMatched, search.bestTotal};
    }

    private void choose(int mentee, int matched, long total) {
        if (mentee == problem.mentees()) {
            if (matched > bestMatched || matched == bestMatched && total > bestTotal) {
                bestMatched = matched;
                bestTotal = total;
            }
            return;
        }
        choose(mentee + 1, matched, total);
        for (int e : edgesOfMentee[mentee]) {
            int mentor = problem.edgeMentor()[e];
            if (freeSlots[mentor] > 0) {
                freeSlots[mentor]--;
                choose(mentee + 1, matched + 1, total + problem.edgeScore()[e]);
                freeSlots[mentor]++;
            }
        }
    }
}
