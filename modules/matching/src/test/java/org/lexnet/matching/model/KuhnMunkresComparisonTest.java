package org.lexnet.matching.model;

import org.jgrapht.Graph;
import org.jgrapht.alg.interfaces.MatchingAlgorithm;
import org.jgrapht.alg.matching.KuhnMunkresMinimalWeightBipartitePerfectMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares the solver with JGraphT's Kuhn-Munkres on instances of up to 200 mentees, turned into a square
 * min-weight perfect matching problem.
 *
 * <p>Each mentor becomes {@code capacity} slot vertices. Both sides are padded with dummies to
 * {@code N = max(mentees, slots)}. A real edge (mentee, slot of its mentor) weighs {@code BIG - (W + score)},
 * every other pair {@code BIG}, with {@code W = problem.matchWeight()} above any total score and
 * {@code BIG = W + maxScore + 1} so that weights stay positive. Every perfect matching then weighs
 * {@code N * BIG - sum over its real edges of (W + score)}, and since any set of real edges that respects
 * the capacities extends to a perfect matching through the {@code BIG} pairs, the lightest perfect matching
 * is exactly the assignment with the most mentees matched and then the highest total score.
 */
class KuhnMunkresComparisonTest {

    private static final int MAX_SCORE = 100;

    @Test
    void agreesWithKuhnMunkresOnSlotExpandedInstancesUpTo200Mentees() {
        Random random = new Random(1957L);
        int[] mentorsOfLargest = {40, 80, 130, 160};
        int fromMentors = 0;
        for (int instance = 0; instance < 24; instance++) {
            int mentees = instance < 20 ? 1 + random.nextInt(120) : 200;
            int mentors = instance < 20 ? 1 + random.nextInt(mentees) : mentorsOfLargest[instance - 20];
            double edgeProbability = Math.min(1.0, (2.0 + random.nextInt(8)) / mentors);
            AssignmentProblem problem = RandomProblems.dense(random, mentees, mentors, 3, edgeProbability, MAX_SCORE);

            Assignment solved = MinCostFlowSolver.solve(problem);
            long[] reference = kuhnMunkres(problem);

            assertThat(new long[] {solved.matched(), solved.totalScore()})
                    .as("instance %d (%d mentees, %d mentors, %d edges)", instance, mentees, mentors, problem.edges())
                    .containsExactly(reference);
            assertThat(OptimalityCertificate.check(problem, solved).optimal()).isTrue();
            Assignment phased = PrimalDualSolver.solve(problem);
            assertThat(new long[] {phased.matched(), phased.totalScore()}).as("phased solver, instance %d", instance)
                    .containsExactly(reference);
            assertThat(OptimalityCertificate.check(problem, phased).optimal()).isTrue();
            fromMentors += MinCostFlowSolverTest.searchesFromMentors(problem) ? 1 : 0;
        }
        // Both search directions must have been compared.
        assertThat(fromMentors).isBetween(4, 20);
    }

    private static int slots(AssignmentProblem problem) {
        int slots = 0;
        for (int capacity : problem.mentorCapacity()) {
            slots += capacity;
        }
        return slots;
    }

    /** Returns {matched, total} of the lightest perfect matching of the slot-expanded, padded graph. */
    private static long[] kuhnMunkres(AssignmentProblem problem) {
        int size = Math.max(problem.mentees(), slots(problem));
        int[] mentorOfSlot = new int[size];
        int slot = 0;
        for (int j = 0; j < problem.mentors(); j++) {
            for (int k = 0; k < problem.mentorCapacity()[j]; k++) {
                mentorOfSlot[slot++] = j;
            }
        }
        for (; slot < size; slot++) {
            mentorOfSlot[slot] = -1;
        }
        Map<Long, Integer> scoreOfPair = new HashMap<>();
        for (int e = 0; e < problem.edges(); e++) {
            scoreOfPair.put(pair(problem.edgeMentee()[e], problem.edgeMentor()[e]), problem.edgeScore()[e]);
        }
        long matchWeight = problem.matchWeight();
        double big = matchWeight + MAX_SCORE + 1;

        // Vertex v < size is mentee v (or a dummy when v >= mentees); vertex size + s is slot s.
        Graph<Integer, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
        Set<Integer> left = new LinkedHashSet<>();
        Set<Integer> right = new LinkedHashSet<>();
        for (int v = 0; v < size; v++) {
            graph.addVertex(v);
            graph.addVertex(size + v);
            left.add(v);
            right.add(size + v);
        }
        for (int v = 0; v < size; v++) {
            for (int s = 0; s < size; s++) {
                Integer score = v < problem.mentees() && mentorOfSlot[s] >= 0
                        ? scoreOfPair.get(pair(v, mentorOfSlot[s])) : null;
                DefaultWeightedEdge edge = graph.addEdge(v, size + s);
                graph.setEdgeWeight(edge, score == null ? big : big - (matchWeight + score));
            }
        }
        MatchingAlgorithm.Matching<Integer, DefaultWeightedEdge> matching =
                new KuhnMunkresMinimalWeightBipartitePerfectMatching<>(graph, left, right).getMatching();

        long matched = 0;
        long total = 0;
        for (DefaultWeightedEdge edge : matching.getEdges()) {
            int mentee = Math.min(graph.getEdgeSource(edge), graph.getEdgeTarget(edge));
            int s = Math.max(graph.getEdgeSource(edge), graph.getEdgeTarget(edge)) - size;
            Integer score = mentee < problem.mentees() && mentorOfSlot[s] >= 0
                    ? scoreOfPair.get(pair(mentee, mentorOfSlot[s])) : null;
            if (score != null) {
                matched++;
                total += score;
            }
        }
        return new long[] {matched, total};
    }

    private static long pair(int mentee, int mentor) {
        return ((long) mentee << 32) | mentor;
    }
}
