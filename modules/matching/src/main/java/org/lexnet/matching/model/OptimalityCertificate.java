package org.lexnet.matching.model;

import java.util.Arrays;

/**
 * Checks, independently of any solver, that an assignment is feasible and optimal for the lexicographic
 * objective (most mentees matched, then highest total score).
 *
 * <p>The proof is the classical one for min-cost flow on the residual graph of source → mentee (capacity
 * 1) → mentor (capacity 1 per edge, cost {@code -(W + score)}) → sink (capacity = free slots):
 * <ol>
 *   <li>no augmenting source → sink path, found by breadth-first search: the number matched is maximum;
 *   <li>no negative-cost cycle among mentees, mentors, source and sink, found by Bellman-Ford (FIFO queue):
 *       no exchange of edges keeps that number and raises the total score. A cycle crosses as many mentee → mentor arcs forwards as backwards, so
 *       {@code W} cancels on it and any value would do; the certificate uses {@code problem.matchWeight()}
 *       only because that is the scale of the exact solver's dual potentials.
 * </ol>
 * When the assignment carries potentials they are the starting labels of Bellman-Ford, which then ends
 * after one pass if they are valid duals. That only saves time: Bellman-Ford decides correctly from any
 * starting labels, so a wrong potential (within ±2^60, against overflow) can slow the check but never
 * make it accept.
 */
public final class OptimalityCertificate {

    /** Starting labels beyond this could overflow once arc costs (at most about 2^59) are added. */
    private static final long MAX_START_LABEL = 1L << 60;

    /** The outcome: whether the assignment is proven optimal, and why not if it is not. */
    public record Verdict(boolean optimal, String reason) {
    }

    private OptimalityCertificate() {
    }

    public static Verdict check(AssignmentProblem problem, Assignment assignment) {
        String defect = feasibilityDefect(problem, assignment);
        if (defect != null) {
            return new Verdict(false, defect);
        }
        ResidualGraph residual = new ResidualGraph(problem, assignment);
        defect = residual.augmentingPath();
        if (defect == null) {
            defect = residual.negativeCycle(assignment);
        }
        return defect == null
                ? new Verdict(true, "feasible, no augmenting path and no negative cycle in the residual graph")
                : new Verdict(false, defect);
    }

    private static String feasibilityDefect(AssignmentProblem problem, Assignment assignment) {
        int mentees = problem.mentees();
        if (assignment.mentorOfMentee() == null || assignment.mentorOfMentee().length != mentees
                || assignment.edgeOfMentee() == null || assignment.edgeOfMentee().length != mentees) {
            return "mentorOfMentee and edgeOfMentee must both have one entry per mentee (" + mentees + ")";
        }
        if ((assignment.menteePotential() == null) != (assignment.mentorPotential() == null)
                || assignment.menteePotential() != null && (assignment.menteePotential().length != mentees
                || assignment.mentorPotential().length != problem.mentors())) {
            return "potentials must be both absent or given for every mentee and every mentor";
        }
        if (assignment.menteePotential() != null
                && !(withinLabelRange(assignment.menteePotential()) && withinLabelRange(assignment.mentorPotential()))) {
            return "potentials must lie within +-2^60, or the search for a negative cycle could overflow";
        }
        int[] load = new int[problem.mentors()];
        int matched = 0;
        long total = 0;
        for (int i = 0; i < mentees; i++) {
            int mentor = assignment.mentorOfMentee()[i];
            int e = assignment.edgeOfMentee()[i];
            if (mentor == -1 && e == -1) {
                continue;
            }
            if (e < 0 || e >= problem.edges() || problem.edgeMentee()[e] != i
                    || problem.edgeMentor()[e] != mentor) {
                return "mentee " + i + " is given mentor " + mentor + " by edge " + e
                        + ", which is not an edge between them";
            }
            if (++load[mentor] > problem.mentorCapacity()[mentor]) {
                return "mentor " + mentor + " gets more mentees than their capacity "
                        + problem.mentorCapacity()[mentor];
            }
            matched++;
            total += problem.edgeScore()[e];
        }
        if (matched != assignment.matched() || total != assignment.totalScore()) {
            return "reported matched=" + assignment.matched() + " total=" + assignment.totalScore()
                    + " but the edges give matched=" + matched + " total=" + total;
        }
        return null;
    }

    private static boolean withinLabelRange(long[] potentials) {
        for (long potential : potentials) {
            if (potential > MAX_START_LABEL || potential < -MAX_START_LABEL) {
                return false;
            }
        }
        return true;
    }

    /** The residual graph of a feasible assignment in CSR form; mentees, then mentors, then source and sink. */
    private static final class ResidualGraph {

        private final int mentees;
        private final int nodes;
        private final int source;
        private final int sink;
        private final int[] start;
        private final int[] head;
        private final long[] cost;

        ResidualGraph(AssignmentProblem problem, Assignment assignment) {
            mentees = problem.mentees();
            source = mentees + problem.mentors();
            sink = source + 1;
            nodes = sink + 1;
            long matchWeight = problem.matchWeight();
            int[] load = new int[problem.mentors()];
            for (int mentor : assignment.mentorOfMentee()) {
                if (mentor >= 0) {
                    load[mentor]++;
                }
            }
            int[] edgeOfMentee = assignment.edgeOfMentee();
            // Arcs are listed first and grouped by tail afterwards (a counting sort into CSR form).
            int arcs = mentees + problem.edges() + problem.mentors() * 2;
            int[] arcTail = new int[arcs];
            int[] arcHead = new int[arcs];
            long[] arcCost = new long[arcs];
            int count = 0;
            for (int i = 0; i < mentees; i++) {
                boolean matched = edgeOfMentee[i] >= 0;
                arcTail[count] = matched ? i : source;
                arcHead[count++] = matched ? source : i;
            }
            for (int e = 0; e < problem.edges(); e++) {
                int mentee = problem.edgeMentee()[e];
                int mentor = mentees + problem.edgeMentor()[e];
                boolean used = edgeOfMentee[mentee] == e;
                long weight = matchWeight + problem.edgeScore()[e];
                arcTail[count] = used ? mentor : mentee;
                arcHead[count] = used ? mentee : mentor;
                arcCost[count++] = used ? weight : -weight;
            }
            for (int j = 0; j < problem.mentors(); j++) {
                if (load[j] < problem.mentorCapacity()[j]) {
                    arcTail[count] = mentees + j;
                    arcHead[count++] = sink;
                }
                if (load[j] > 0) {
                    arcTail[count] = sink;
                    arcHead[count++] = mentees + j;
                }
            }
            start = new int[nodes + 1];
            for (int a = 0; a < count; a++) {
                start[arcTail[a] + 1]++;
            }
            for (int v = 0; v < nodes; v++) {
                start[v + 1] += start[v];
            }
            head = new int[count];
            cost = new long[count];
            int[] next = Arrays.copyOf(start, nodes);
            for (int a = 0; a < count; a++) {
                int at = next[arcTail[a]]++;
                head[at] = arcHead[a];
                cost[at] = arcCost[a];
            }
        }

        /** Breadth-first search from the source; names the path's ends if the sink is reachable. */
        String augmentingPath() {
            int[] parent = new int[nodes];
            Arrays.fill(parent, -1);
            int[] queue = new int[nodes];
            int size = 0;
            queue[size++] = source;
            parent[source] = source;
            for (int next = 0; next < size; next++) {
                int v = queue[next];
                for (int a = start[v]; a < start[v + 1]; a++) {
                    int w = head[a];
                    if (parent[w] < 0) {
                        parent[w] = v;
                        queue[size++] = w;
                    }
                }
            }
            if (parent[sink] < 0) {
                return null;
            }
            int lastMentor = parent[sink];
            int firstMentee = lastMentor;
            while (parent[firstMentee] != source) {
                firstMentee = parent[firstMentee];
            }
            return "not the most mentees matched: an augmenting path from unmatched mentee " + firstMentee
                    + " to mentor " + (lastMentor - mentees) + " (who has a free slot) matches one more";
        }

        /**
         * Bellman-Ford with a FIFO queue from the given labels. Each label is the start label plus the cost
         * of a walk whose length is tracked; a walk of {@code nodes} arcs repeats a node, and since every step
         * strictly lowered a label, the repeated stretch is a negative cycle. Without one the queue empties.
         */
        String negativeCycle(Assignment assignment) {
            long[] label = new long[nodes];
            if (assignment.menteePotential() != null) {
                System.arraycopy(assignment.menteePotential(), 0, label, 0, mentees);
                System.arraycopy(assignment.mentorPotential(), 0, label, mentees, source - mentees);
            }
            int[] walkLength = new int[nodes];
            boolean[] queued = new boolean[nodes];
            int[] queue = new int[nodes];
            int headAt = 0;
            int size = nodes;
            for (int v = 0; v < nodes; v++) {
                queue[v] = v;
                queued[v] = true;
            }
            while (size > 0) {
                int v = queue[headAt];
                headAt = headAt + 1 == nodes ? 0 : headAt + 1;
                size--;
                queued[v] = false;
                for (int a = start[v]; a < start[v + 1]; a++) {
                    int w = head[a];
                    if (label[v] + cost[a] < label[w]) {
                        label[w] = label[v] + cost[a];
                        walkLength[w] = walkLength[v] + 1;
                        if (walkLength[w] >= nodes) {
                            return "a higher total score is possible with as many matched: the residual graph has"
                                    + " a negative-cost cycle (detected at " + describe(w) + ")";
                        }
                        if (!queued[w]) {
                            queued[w] = true;
                            queue[(headAt + size) % nodes] = w;
                            size++;
                        }
                    }
                }
            }
            return null;
        }

        private String describe(int node) {
            if (node == source) {
                return "the source";
            }
            if (node == sink) {
                return "the sink";
            }
            return node < mentees ? "mentee " + node : "mentor " + (node - mentees);
        }
    }
}
