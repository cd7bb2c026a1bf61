package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class OptimalityCertificateTest {

    /** Two mentees, two single-slot mentors; mentee 0 likes both, mentee 1 only mentor 0. */
    private static final AssignmentProblem CROSSED = new AssignmentProblem(2, new int[] {1, 1},
            new int[] {0, 0, 1}, new int[] {0, 1, 0}, new int[] {9, 5, 4});

    @Test
    void acceptsTheSolversAssignment() {
        Assignment solved = MinCostFlowSolver.solve(CROSSED);
        assertThat(solved.mentorOfMentee()).containsExactly(1, 0);
        assertThat(OptimalityCertificate.check(CROSSED, solved).optimal()).isTrue();
    }

    @Test
    void acceptsAnOptimalAssignmentThatCarriesNoPotentials() {
        Assignment solved = MinCostFlowSolver.solve(CROSSED);
        Assignment bare = new Assignment(solved.matched(), solved.totalScore(), solved.mentorOfMentee(),
                solved.edgeOfMentee(), null, null);
        assertThat(OptimalityCertificate.check(CROSSED, bare).optimal()).isTrue();
    }

    @Test
    void wrongPotentialsOnlyCostTimeAndNeverChangeTheVerdict() {
        AssignmentProblem problem = RandomProblems.dense(new Random(3), 30, 8, 3, 0.4, 50);
        Assignment solved = MinCostFlowSolver.solve(problem);
        long[] noise = new Random(4).longs(problem.mentees(), -1000, 1000).toArray();
        long[] mentorNoise = new Random(5).longs(problem.mentors(), -1000, 1000).toArray();
        Assignment scrambled = new Assignment(solved.matched(), solved.totalScore(), solved.mentorOfMentee(),
                solved.edgeOfMentee(), noise, mentorNoise);
        assertThat(OptimalityCertificate.check(problem, scrambled).optimal()).isTrue();

        Assignment greedy = GreedySolver.solve(problem);
        assertThat(greedy.compareObjective(solved)).as("this instance must make greedy fall short").isNegative();
        Assignment greedyWithOptimalDuals = new Assignment(greedy.matched(), greedy.totalScore(),
                greedy.mentorOfMentee(), greedy.edgeOfMentee(), solved.menteePotential(), solved.mentorPotential());
        assertThat(OptimalityCertificate.check(problem, greedyWithOptimalDuals).optimal()).isFalse();
    }

    @Test
    void rejectsLeavingAMenteeUnmatchedWhenAMentorHasRoom() {
        Assignment partial = new Assignment(1, 9, new int[] {0, -1}, new int[] {0, -1}, null, null);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(
                new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 1}, new int[] {0, 1}, new int[] {9, 4}),
                partial);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("augmenting path from unmatched mentee 1 to mentor 1");
    }

    @Test
    void rejectsAMatchingThatAReassignmentWouldEnlarge() {
        // Greedy gives mentor 0 to mentee 0 (score 9) and leaves mentee 1 out; moving mentee 0 to mentor 1
        // matches both. No mentor is idle next to mentee 1, so only a longer path finds this.
        Assignment greedy = GreedySolver.solve(CROSSED);
        assertThat(greedy.mentorOfMentee()).containsExactly(0, -1);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(CROSSED, greedy);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("not the most mentees matched");
    }

    @Test
    void rejectsAnAssignmentThatAnExchangeWouldImprove() {
        // Both mentees want the single slot; the one matched is worth less.
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1}, new int[] {0, 1}, new int[] {0, 0},
                new int[] {3, 8});
        Assignment worse = new Assignment(1, 3, new int[] {0, -1}, new int[] {0, -1}, null, null);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, worse);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("higher total score is possible");
    }

    @Test
    void rejectsAnAssignmentThatASwapBetweenTwoMatchedMenteesWouldImprove() {
        // Both matched, but crossing them gains 10 + 10 - 1 - 1.
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 0, 1, 1},
                new int[] {0, 1, 0, 1}, new int[] {1, 10, 10, 1});
        Assignment crossedWrongly = new Assignment(2, 2, new int[] {0, 1}, new int[] {0, 3}, null, null);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, crossedWrongly);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("higher total score is possible");
    }

    @Test
    void rejectsMoreMenteesThanAMentorsCapacity() {
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1}, new int[] {0, 1}, new int[] {0, 0},
                new int[] {3, 8});
        Assignment overfull = new Assignment(2, 11, new int[] {0, 0}, new int[] {0, 1}, null, null);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, overfull);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("more mentees than their capacity");
    }

    @Test
    void rejectsAPairingWithoutAnEdge() {
        Assignment invented = new Assignment(2, 13, new int[] {1, 1}, new int[] {1, 1}, null, null);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(CROSSED, invented);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("mentee 1 is given mentor 1 by edge 1");
    }

    @Test
    void rejectsAnEdgeThatBelongsToAnotherMentor() {
        Assignment mislabelled = new Assignment(2, 9, new int[] {1, 0}, new int[] {0, 2}, null, null);
        assertThat(OptimalityCertificate.check(CROSSED, mislabelled).optimal()).isFalse();
    }

    @Test
    void rejectsMisreportedTotals() {
        Assignment solved = MinCostFlowSolver.solve(CROSSED);
        Assignment boasting = new Assignment(solved.matched(), solved.totalScore() + 1, solved.mentorOfMentee(),
                solved.edgeOfMentee(), solved.menteePotential(), solved.mentorPotential());
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(CROSSED, boasting);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("reported matched=2 total=10 but the edges give matched=2 total=9");
    }

    @Test
    void rejectsArraysOfTheWrongLength() {
        Assignment shortArrays = new Assignment(0, 0, new int[] {-1}, new int[] {-1}, null, null);
        assertThat(OptimalityCertificate.check(CROSSED, shortArrays).optimal()).isFalse();
        Assignment solved = MinCostFlowSolver.solve(CROSSED);
        Assignment shortPotentials = new Assignment(solved.matched(), solved.totalScore(), solved.mentorOfMentee(),
                solved.edgeOfMentee(), Arrays.copyOf(solved.menteePotential(), 1), solved.mentorPotential());
        assertThat(OptimalityCertificate.check(CROSSED, shortPotentials).optimal()).isFalse();
    }

    @Test
    void rejectsPotentialsLargeEnoughToOverflowTheSearch() {
        Assignment solved = MinCostFlowSolver.solve(CROSSED);
        Assignment extreme = new Assignment(solved.matched(), solved.totalScore(), solved.mentorOfMentee(),
                solved.edgeOfMentee(), new long[] {Long.MIN_VALUE, 0}, solved.mentorPotential());
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(CROSSED, extreme);
        assertThat(verdict.optimal()).isFalse();
        assertThat(verdict.reason()).contains("overflow");
    }

    @Test
    void acceptsTheEmptyAssignmentWhenNothingCanBeMatched() {
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {0}, new int[] {0}, new int[] {0},
                new int[] {5});
        Assignment empty = new Assignment(0, 0, new int[] {-1, -1}, new int[] {-1, -1}, null, null);
        assertThat(OptimalityCertificate.check(problem, empty).optimal()).isTrue();
    }
}
