package org.lexnet.matching.model;

/**
 * A solver's answer to an {@link AssignmentProblem}: which mentor (and which edge) each mentee got, the
 * objective reached, and, from the exact solver, the dual potentials that let a certificate check start
 * from a proof instead of searching for one.
 *
 * <p>Arrays are indexed by mentee ({@code mentorOfMentee}, {@code edgeOfMentee}, {@code menteePotential})
 * or by mentor ({@code mentorPotential}); -1 marks an unmatched mentee. The potentials belong to the
 * residual network source → mentee → mentor → sink with arc cost {@code -(matchWeight + score)} on
 * mentee → mentor and source and sink at potential 0; they are {@code null} when a solver has none.
 * Like the problem, the arrays are handed over, not copied.
 */
public record Assignment(int matched, long totalScore, int[] mentorOfMentee, int[] edgeOfMentee,
                         long[] menteePotential, long[] mentorPotential) {

    /**
     * Compares the lexicographic objective: more mentees matched wins, then the higher total score.
     *
     * @return negative, zero or positive as this objective is worse than, equal to or better than other's
     */
    public int compareObjective(Assignment other) {
        int byMatched = Integer.compare(matched, other.matched);
        return byMatched != 0 ? byMatched : Long.compare(totalScore, other.totalScore);
    }

    /** Arrays are not printed: at scale they are huge, and the objective is what a reader compares. */
    @Override
    public String toString() {
        return "Assignment[matched=" + matched + ", totalScore=" + totalScore + "]";
    }
}
