package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.AssignmentChecks.assertFeasible;

/** The phased solver against exhaustive search, the row-by-row solver and the certificate. */
class PrimalDualSolverTest {

    @Test
    void matchesExhaustiveSearchOnSmallRandomInstances() {
        Random random = new Random(20261130L);
        int mentorRowsSeen = 0;
        for (int instance = 0; instance < 1000; instance++) {
            int mentees = 1 + random.nextInt(8);
            int mentors = 1 + random.nextInt(4);
            // Scores from 1..3 half of the time, so that ties and tight plateaus are common.
            int maxScore = random.nextBoolean() ? 3 : 100;
            AssignmentProblem problem = RandomProblems.dense(random, mentees, mentors, 3,
                    0.2 + 0.6 * random.nextDouble(), maxScore);
            Assignment solved = solveAndCertify(problem);
            long[] best = ExhaustiveSearch.optimum(problem);
            assertThat(new long[] {solved.matched(), solved.totalScore()}).as("instance %d: %s", instance, problem)
                    .containsExactly(best);
            mentorRowsSeen += MinCostFlowSolverTest.searchesFromMentors(problem) ? 1 : 0;
        }
        assertThat(mentorRowsSeen).isBetween(100, 900);
    }

    @Test
    void agreesWithTheRowByRowSolverOnSparseInstancesWhereSlotsAreAboutAsManyAsRequests() {
        Random random = new Random(48_000);
        for (int instance = 0; instance < 40; instance++) {
            int mentees = 200 + random.nextInt(800);
            int mentors = mentees / 3 + random.nextInt(mentees / 3);
            // Capacities 0..5 average 2.5 slots a mentor, so slots and requests come out close to each other.
            AssignmentProblem problem = RandomProblems.sparse(random, mentees, mentors, 1 + random.nextInt(12), 0, 5,
                    1 + random.nextInt(instance % 2 == 0 ? 3 : 150));
            Assignment solved = solveAndCertify(problem);
            Assignment rowByRow = MinCostFlowSolver.solve(problem);
            assertThat(solved.compareObjective(rowByRow)).as("instance %d: %s vs %s", instance, solved, rowByRow)
                    .isZero();
        }
    }

    @Test
    void reportsPotentialsUnderWhichNoResidualArcHasNegativeReducedCost() {
        Random random = new Random(17);
        for (int instance = 0; instance < 100; instance++) {
            int mentees = 50 + random.nextInt(250);
            int mentors = 5 + random.nextInt(mentees / 2);
            AssignmentProblem problem = RandomProblems.sparse(random, mentees, mentors, 1 + random.nextInt(8), 0, 5,
                    1 + random.nextInt(100));
            MinCostFlowSolverTest.assertDualFeasible(problem, PrimalDualSolver.solve(problem));
        }
    }

    @Test
    void aLaterMenteeDisplacesAnEarlierOneWhenOnlyOneOfThemCanBeMatched() {
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {1, 1, 1}, new int[] {0, 1, 2, 2},
                new int[] {0, 0, 1, 2}, new int[] {1, 100, 5, 6});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.mentorOfMentee()).containsExactly(-1, 0, 2);
    }

    @Test
    void moreMatchesBeatAHigherScore() {
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 0, 1},
                new int[] {0, 1, 0}, new int[] {100, 1, 1});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isEqualTo(2);
        assertThat(solved.totalScore()).isEqualTo(2);
    }

    @Test
    void zeroCapacityMentorsMenteesWithoutEdgesAndAnEmptyProblem() {
        AssignmentProblem problem = new AssignmentProblem(4, new int[] {0, 2, 0}, new int[] {0, 1, 1, 3},
                new int[] {0, 0, 1, 2}, new int[] {5, 6, 7, 9});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.mentorOfMentee()).containsExactly(-1, 1, -1, -1);
        assertThat(solveAndCertify(new AssignmentProblem(0, new int[0], new int[0], new int[0], new int[0]))
                .matched()).isZero();
        assertThat(solveAndCertify(new AssignmentProblem(3, new int[] {2, 1}, new int[0], new int[0], new int[0]))
                .mentorOfMentee()).containsExactly(-1, -1, -1);
    }

    @Test
    void oneMentorWithLargeCapacityTakesEveryoneConnected() {
        int mentees = 1000;
        int[] mentee = new int[mentees];
        int[] score = new int[mentees];
        for (int i = 0; i < mentees; i++) {
            mentee[i] = i;
            score[i] = 1 + i % 7;
        }
        AssignmentProblem problem = new AssignmentProblem(mentees + 5, new int[] {1_000_000}, mentee,
                new int[mentees], score);
        assertThat(solveAndCertify(problem).matched()).isEqualTo(mentees);
    }

    @Test
    void sameInputGivesTheSameAssignmentAndPotentials() {
        AssignmentProblem problem = RandomProblems.sparse(new Random(7), 2000, 800, 10, 0, 4, 3);
        Assignment first = PrimalDualSolver.solve(problem);
        Assignment second = PrimalDualSolver.solve(problem);
        assertThat(second.edgeOfMentee()).containsExactly(first.edgeOfMentee());
        assertThat(second.menteePotential()).containsExactly(first.menteePotential());
        assertThat(second.mentorPotential()).containsExactly(first.mentorPotential());
    }

    @Test
    void solvesATenThousandByFourThousandInstanceWithAboutAsManySlotsAsRequestsProvably() {
        AssignmentProblem problem = RandomProblems.sparse(new Random(10_000), 10_000, 4_000, 30, 1, 4, 100);
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.compareObjective(MinCostFlowSolver.solve(problem))).isZero();
    }

    private static Assignment solveAndCertify(AssignmentProblem problem) {
        Assignment solved = PrimalDualSolver.solve(problem);
        assertFeasible(problem, solved);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, solved);
        assertThat(verdict.optimal()).as("certificate for %s: %s", problem, verdict.reason()).isTrue();
        return solved;
    }
}
