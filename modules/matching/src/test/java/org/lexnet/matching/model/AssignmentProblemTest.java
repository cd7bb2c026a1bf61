package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentProblemTest {

    @Test
    void rejectsEdgeArraysOfDifferentLengths() {
        assertThatThrownBy(() -> new AssignmentProblem(1, new int[] {1}, new int[] {0}, new int[] {0, 0}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
    }

    @Test
    void rejectsIndexesOutsideTheProblem() {
        assertThatThrownBy(() -> new AssignmentProblem(1, new int[] {1}, new int[] {1}, new int[] {0}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge 0 names mentee 1");
        assertThatThrownBy(() -> new AssignmentProblem(1, new int[] {1}, new int[] {0}, new int[] {-1}, new int[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("edge 0 names mentor -1");
    }

    @Test
    void rejectsScoresBelowOneAndNegativeCapacity() {
        assertThatThrownBy(() -> new AssignmentProblem(1, new int[] {1}, new int[] {0}, new int[] {0}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("score 0");
        assertThatThrownBy(() -> new AssignmentProblem(1, new int[] {-1}, new int[0], new int[0], new int[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative capacity");
    }

    @Test
    void rejectsASecondEdgeForTheSamePair() {
        assertThatThrownBy(() -> new AssignmentProblem(2, new int[] {1, 1}, new int[] {1, 0, 1},
                new int[] {1, 1, 1}, new int[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("edge 2 repeats the pair of mentee 1 and mentor 1");
    }

    @Test
    void matchWeightExceedsEveryPossibleTotal() {
        // Best edges: mentee 0 → 7, mentee 1 → 5, mentee 2 has none; no assignment can total more than 12.
        AssignmentProblem problem = new AssignmentProblem(3, new int[] {2, 2}, new int[] {0, 0, 1},
                new int[] {0, 1, 1}, new int[] {3, 7, 5});
        assertThat(problem.matchWeight()).isEqualTo(13);
    }
}
