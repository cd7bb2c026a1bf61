package org.lexnet.matching.model;

/**
 * How much each side of an instance can take part: the mentors' usable slots ({@code sum min(capacity,
 * degree)}) and the mentees that have an edge. The solvers search from the scarcer side, and which solver is
 * faster depends on how close the two are.
 */
record SideSizes(long usableSlots, long menteesWithEdges) {

    static SideSizes of(AssignmentProblem problem) {
        int[] mentorDegree = new int[problem.mentors()];
        boolean[] menteeHasEdge = new boolean[problem.mentees()];
        for (int e = 0; e < problem.edges(); e++) {
            mentorDegree[problem.edgeMentor()[e]]++;
            menteeHasEdge[problem.edgeMentee()[e]] = true;
        }
        long usableSlots = 0;
        for (int j = 0; j < problem.mentors(); j++) {
            usableSlots += Math.min(problem.mentorCapacity()[j], mentorDegree[j]);
        }
        long menteesWithEdges = 0;
        for (boolean hasEdge : menteeHasEdge) {
            menteesWithEdges += hasEdge ? 1 : 0;
        }
        return new SideSizes(usableSlots, menteesWithEdges);
    }

    boolean mentorsAreScarcer() {
        return usableSlots < menteesWithEdges;
    }

    /** The smaller side over the larger: 1 when slots and requests are as many, near 0 when one side dwarfs the other. */
    double balance() {
        long larger = Math.max(usableSlots, menteesWithEdges);
        return larger == 0 ? 1 : (double) Math.min(usableSlots, menteesWithEdges) / larger;
    }
}
