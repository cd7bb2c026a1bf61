package org.lexnet.matching.model;

import static org.assertj.core.api.Assertions.assertThat;

/** Feasibility asserted directly from the problem, without the certificate under test. */
final class AssignmentChecks {

    private AssignmentChecks() {
    }

    static void assertFeasible(AssignmentProblem problem, Assignment assignment) {
        assertThat(assignment.mentorOfMentee()).hasSize(problem.mentees());
        assertThat(assignment.edgeOfMentee()).hasSize(problem.mentees());
        int[] load = new int[problem.mentors()];
        int matched = 0;
        long total = 0;
        for (int i = 0; i < problem.mentees(); i++) {
            int e = assignment.edgeOfMentee()[i];
            int mentor = assignment.mentorOfMentee()[i];
            if (e < 0) {
                assertThat(mentor).as("mentor of unmatched mentee %d", i).isEqualTo(-1);
                continue;
            }
            assertThat(problem.edgeMentee()[e]).as("mentee of edge %d given to mentee %d", e, i).isEqualTo(i);
            assertThat(problem.edgeMentor()[e]).as("mentor of edge %d given to mentee %d", e, i).isEqualTo(mentor);
            load[mentor]++;
            matched++;
            total += problem.edgeScore()[e];
        }
        for (int j = 0; j < problem.mentors(); j++) {
            assertThat(load[j]).as("mentees of mentor %d", j).isLessThanOrEqualTo(problem.mentorCapacity()[j]);
        }
        assertThat(assignment.matched()).as("reported matched").isEqualTo(matched);
        assertThat(assignment.totalScore()).as("reported total").isEqualTo(total);
    }
}
