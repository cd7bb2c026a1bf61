package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.AssignmentChecks.assertFeasible;

class ExactSolverTest {

    @Test
    void usesThePhasedSolverOnlyWhenSlotsAndRequestsAreAboutAsMany() {
        // 300 mentees, 100 mentors with 3 slots each and 10 edges per mentee: 300 usable slots for 300 requests.
        AssignmentProblem balanced = RandomProblems.sparse(new Random(1), 300, 100, 10, 3, 3, 50);
        AssignmentProblem crowded = RandomProblems.sparse(new Random(1), 600, 100, 10, 3, 3, 50);
        assertThat(ExactSolver.usesPhasedSolver(balanced)).isTrue();
        assertThat(ExactSolver.usesPhasedSolver(crowded)).isFalse();
    }

    @Test
    void isExactAndCertifiedWhicheverSolverItPicks() {
        Random random = new Random(5);
        int phased = 0;
        for (int instance = 0; instance < 300; instance++) {
            AssignmentProblem problem = RandomProblems.dense(random, 1 + random.nextInt(8), 1 + random.nextInt(4), 3,
                    0.2 + 0.6 * random.nextDouble(), random.nextBoolean() ? 3 : 100);
            Assignment solved = ExactSolver.solve(problem);
            assertFeasible(problem, solved);
            assertThat(OptimalityCertificate.check(problem, solved).optimal()).isTrue();
            assertThat(new long[] {solved.matched(), solved.totalScore()}).as("instance %d: %s", instance, problem)
                    .containsExactly(ExhaustiveSearch.optimum(problem));
            phased += ExactSolver.usesPhasedSolver(problem) ? 1 : 0;
        }
        assertThat(phased).isBetween(20, 280);
    }
}
