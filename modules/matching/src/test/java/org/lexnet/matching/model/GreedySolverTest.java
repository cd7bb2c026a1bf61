package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GreedySolverTest {

    @Test
    void takesTheHighestScoresFirst() {
        // Mentor 0 has one slot; mentee 1's edge scores higher, so mentee 0 falls back to mentor 1.
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 1, 0},
                new int[] {0, 0, 1}, new int[] {5, 7, 2});
        Assignment greedy = GreedySolver.solve(problem);
        assertThat(greedy.mentorOfMentee()).containsExactly(1, 0);
        assertThat(greedy.edgeOfMentee()).containsExactly(2, 1);
        assertThat(greedy.matched()).isEqualTo(2);
        assertThat(greedy.totalScore()).isEqualTo(9);
    }

    @Test
    void breaksEqualScoresByTheLowerEdgeIndex() {
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {1}, new int[] {2, 0, 1},
                new int[] {0, 0, 0}, new int[] {4, 4, 4});
        assertThat(GreedySolver.solve(problem).mentorOfMentee()).containsExactly(-1, -1, 0);
    }

    @Test
    void fillsAMentorUpToItsCapacityAndGivesEachMenteeOneMentor() {
        AssignmentProblem problem = new AssignmentProblem(4, new int[] {2, 1}, new int[] {0, 1, 2, 3, 0},
                new int[] {0, 0, 0, 0, 1}, new int[] {9, 8, 7, 6, 10});
        Assignment greedy = GreedySolver.solve(problem);
        assertThat(greedy.mentorOfMentee()).containsExactly(1, 0, 0, -1);
        assertThat(greedy.totalScore()).isEqualTo(25);
    }

    @Test
    void canMatchFewerThanTheExactSolver() {
        // Greedy pairs mentee 0 with mentor 0 (9) and strands mentee 1; the optimum matches both.
        AssignmentProblem problem = new AssignmentProblem(2, new int[] {1, 1}, new int[] {0, 0, 1},
                new int[] {0, 1, 0}, new int[] {9, 5, 4});
        assertThat(GreedySolver.solve(problem).matched()).isEqualTo(1);
        assertThat(MinCostFlowSolver.solve(problem).matched()).isEqualTo(2);
    }

    @Test
    void hasNoDualPotentials() {
        Assignment greedy = GreedySolver.solve(new AssignmentProblem(1, new int[] {1}, new int[] {0}, new int[] {0},
                new int[] {1}));
        assertThat(greedy.menteePotential()).isNull();
        assertThat(greedy.mentorPotential()).isNull();
    }
}
