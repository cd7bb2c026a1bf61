package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.AssignmentChecks.assertFeasible;

class MinCostFlowSolverTest {

    @Test
    void matchesExhaustiveSearchOnSmallRandomInstances() {
        Random random = new Random(20240604L);
        int mentorRowsSeen = 0;
        for (int instance = 0; instance < 500; instance++) {
            int mentees = 1 + random.nextInt(8);
            int mentors = 1 + random.nextInt(4);
            AssignmentProblem problem = RandomProblems.dense(random, mentees, mentors, 3,
                    0.2 + 0.6 * random.nextDouble(), 100);
            Assignment solved = solveAndCertify(problem);
            long[] best = ExhaustiveSearch.optimum(problem);
            assertThat(new long[] {solved.matched(), solved.totalScore()}).as("instance %d: %s", instance, problem)
                    .containsExactly(best);
            mentorRowsSeen += searchesFromMentors(problem) ? 1 : 0;
        }
        // Both search directions must have been exercised, or the comparison proves less than it seems.
        assertThat(mentorRowsSeen).isBetween(50, 450);
    }

    /** The solver's rule: search from the mentors when their usable slots are fewer than mentees with edges. */
    static boolean searchesFromMentors(AssignmentProblem problem) {
        int[] mentorDegree = new int[problem.mentors()];
        Set<Integer> menteesWithEdges = new HashSet<>();
        for (int e = 0; e < problem.edges(); e++) {
            mentorDegree[problem.edgeMentor()[e]]++;
            menteesWithEdges.add(problem.edgeMentee()[e]);
        }
        int usableSlots = 0;
        for (int j = 0; j < problem.mentors(); j++) {
            usableSlots += Math.min(problem.mentorCapacity()[j], mentorDegree[j]);
        }
        return usableSlots < menteesWithEdges.size();
    }

    @Test
    void aLaterMenteeDisplacesAnEarlierOneWhenOnlyOneOfThemCanBeMatched() {
        // Three usable slots for three mentees, so the search runs from the mentees, in index order. Mentee 0
        // takes mentor 0 (worth 1); mentee 1 wants only mentor 0 (worth 100) and finds no free slot behind it.
        // A row-by-row pass that never lets a later row displace an earlier one would keep mentee 0.
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {1, 1, 1}, new int[] {0, 1, 2, 2},
                new int[] {0, 0, 1, 2}, new int[] {1, 100, 5, 6});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.mentorOfMentee()).containsExactly(-1, 0, 2);
        assertThat(solved.totalScore()).isEqualTo(106);
    }

    @Test
    void aLaterMentorDisplacesAnEarlierOneWhenOnlyOneOfThemCanBeUsed() {
        // Two usable slots for three mentees, so the search runs from the mentors. Mentor 0 takes mentee 0
        // (worth 1), its only option; mentor 1 is worth 100 to the same mentee and must push mentor 0 out.
        // Mentor 2 has no free slot and only gives mentees 1 and 2 an edge.
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {1, 1, 0}, new int[] {0, 0, 1, 2},
                new int[] {0, 1, 2, 2}, new int[] {1, 100, 7, 7});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.mentorOfMentee()).containsExactly(1, -1, -1);
        assertThat(solved.totalScore()).isEqualTo(100);
    }

    @Test
    void moreMatchesBeatAHigherScore() {
        // Mentee 0 alone on mentor 0 scores 100; giving mentor 0 to mentee 1 (score 1) and mentor 1 to mentee 0
        // scores less but matches two, which is what the objective asks for first.
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 0, 1},
                new int[] {0, 1, 0}, new int[] {100, 1, 1});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isEqualTo(2);
        assertThat(solved.totalScore()).isEqualTo(2);
    }

    @Test
    void noEdgesMatchesNobody() {
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {2, 1}, new int[0], new int[0], new int[0]);
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isZero();
        assertThat(solved.mentorOfMentee()).containsExactly(-1, -1, -1);
        assertThat(solved.edgeOfMentee()).containsExactly(-1, -1, -1);
    }

    @Test
    void emptyProblemHasEmptyAssignment() {
        Assignment solved = solveAndCertify(new AssignmentProblem(0, new int[0], new int[0], new int[0], new int[0]));
        assertThat(solved.matched()).isZero();
        assertThat(solved.mentorOfMentee()).isEmpty();
    }

    @Test
    void mentorsWithoutCapacityAreNeverUsed() {
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {0, 0}, new int[] {0, 1, 1},
                new int[] {0, 0, 1}, new int[] {5, 6, 7});
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isZero();
    }

    @Test
    void oneMentorWithLargeCapacityTakesEveryoneConnected() {
        int mentees = 1000;
        int[] mentee = new int[mentees];
        int[] mentor = new int[mentees];
        int[] score = new int[mentees];
        for (int i = 0; i < mentees; i++) {
            mentee[i] = i;
            score[i] = 1 + i % 7;
        }
        AssignmentProblem problem = new AssignmentProblem(mentees + 5, new int[] {1_000_000}, mentee, mentor, score);
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isEqualTo(mentees);
    }

    @Test
    void allMenteesCompeteForOneSlotAndTheBestWins() {
        int mentees = 50;
        int[] mentee = new int[mentees];
        int[] score = new int[mentees];
        for (int i = 0; i < mentees; i++) {
            mentee[i] = i;
            score[i] = i == 31 ? 99 : 1 + i % 10;
        }
        AssignmentProblem problem = new AssignmentProblem(mentees, new int[] {1}, mentee, new int[mentees], score);
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.matched()).isEqualTo(1);
        assertThat(solved.mentorOfMentee()[31]).isZero();
    }

    @Test
    void equalScoresAreBrokenTheSameWayEveryTime() {
        // Four mentees, two single-slot mentors, every pair scores 7: many optima, one answer.
        int[] mentee = {0, 0, 1, 1, 2, 2, 3, 3};
        int[] mentor = {0, 1, 0, 1, 0, 1, 0, 1};
        int[] score = {7, 7, 7, 7, 7, 7, 7, 7};
        AssignmentProblem problem = new AssignmentProblem(4, new int[] {1, 1}, mentee, mentor, score);
        Assignment first = solveAndCertify(problem);
        assertThat(first.matched()).isEqualTo(2);
        assertThat(first.totalScore()).isEqualTo(14);
        for (int run = 0; run < 5; run++) {
            Assignment again = MinCostFlowSolver.solve(problem);
            assertThat(again.edgeOfMentee()).containsExactly(first.edgeOfMentee());
        }
    }

    @Test
    void sameInputGivesTheSameAssignmentOnLargerInstances() {
        AssignmentProblem problem = RandomProblems.sparse(new Random(7), 2000, 400, 10, 0, 4, 20);
        Assignment first = MinCostFlowSolver.solve(problem);
        Assignment second = MinCostFlowSolver.solve(problem);
        assertThat(second.edgeOfMentee()).containsExactly(first.edgeOfMentee());
        assertThat(second.menteePotential()).containsExactly(first.menteePotential());
        assertThat(second.mentorPotential()).containsExactly(first.mentorPotential());
    }

    @Test
    void reportsPotentialsUnderWhichNoResidualArcHasNegativeReducedCost() {
        Random random = new Random(99);
        for (int instance = 0; instance < 100; instance++) {
            int mentees = 50 + random.nextInt(250);
            int mentors = 5 + random.nextInt(mentees / 2);
            AssignmentProblem problem = RandomProblems.sparse(random, mentees, mentors, 1 + random.nextInt(8), 0, 5,
                    1 + random.nextInt(100));
            Assignment solved = MinCostFlowSolver.solve(problem);
            assertDualFeasible(problem, solved);
        }
    }

    /** Source and sink at potential 0; every arc of the residual graph must have c + p(tail) - p(head) >= 0. */
    static void assertDualFeasible(AssignmentProblem problem, Assignment solved) {
        long matchWeight = problem.matchWeight();
        long[] mentee = solved.menteePotential();
        long[] mentor = solved.mentorPotential();
        int[] load = new int[problem.mentors()];
        for (int i = 0; i < problem.mentees(); i++) {
            if (solved.mentorOfMentee()[i] >= 0) {
                load[solved.mentorOfMentee()[i]]++;
                assertThat(mentee[i]).as("mentee %d → source", i).isNotNegative();
            } else {
                assertThat(mentee[i]).as("source → mentee %d", i).isNotPositive();
            }
        }
        for (int e = 0; e < problem.edges(); e++) {
            int i = problem.edgeMentee()[e];
            int j = problem.edgeMentor()[e];
            long cost = matchWeight + problem.edgeScore()[e];
            if (solved.edgeOfMentee()[i] == e) {
                assertThat(cost + mentor[j] - mentee[i]).as("used edge %d back to its mentee", e).isNotNegative();
            } else {
                assertThat(-cost + mentee[i] - mentor[j]).as("unused edge %d", e).isNotNegative();
            }
        }
        for (int j = 0; j < problem.mentors(); j++) {
            if (load[j] < problem.mentorCapacity()[j]) {
                assertThat(mentor[j]).as("mentor %d → sink", j).isNotNegative();
            }
            if (load[j] > 0) {
                assertThat(mentor[j]).as("sink → mentor %d", j).isNotPositive();
            }
        }
    }

    @Test
    void solvesATenThousandByTwoThousandInstanceWithThirtyEdgesPerMenteeProvably() {
        AssignmentProblem problem = RandomProblems.sparse(new Random(10_000), 10_000, 2_000, 30, 1, 5, 100);
        Assignment solved = solveAndCertify(problem);
        assertThat(solved.compareObjective(GreedySolver.solve(problem))).isPositive();
    }

    private static Assignment solveAndCertify(AssignmentProblem problem) {
        Assignment solved = MinCostFlowSolver.solve(problem);
        assertFeasible(problem, solved);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, solved);
        assertThat(verdict.optimal()).as("certificate for %s: %s", problem, verdict.reason()).isTrue();
        return solved;
    }
}
