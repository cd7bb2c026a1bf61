package org.lexnet.matching.model;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.AssignmentChecks.assertFeasible;

class SolverPropertiesTest {

    @Property
    void neverUsesAMissingEdgeNorTwoMentorsForAMenteeNorMoreSlotsThanAMentorHas(
            @ForAll("problems") AssignmentProblem problem) {
        assertFeasible(problem, MinCostFlowSolver.solve(problem));
    }

    @Property
    void everySolutionCarriesAnOptimalityCertificate(@ForAll("problems") AssignmentProblem problem) {
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, MinCostFlowSolver.solve(problem));
        assertThat(verdict.optimal()).as(verdict.reason()).isTrue();
    }

    @Property
    void thePhasedSolverIsFeasibleCertifiedAndAsGoodAsExhaustiveSearch(@ForAll("problems") AssignmentProblem problem) {
        Assignment phased = PrimalDualSolver.solve(problem);
        assertFeasible(problem, phased);
        OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, phased);
        assertThat(verdict.optimal()).as(verdict.reason()).isTrue();
        assertThat(new long[] {phased.matched(), phased.totalScore()}).containsExactly(ExhaustiveSearch.optimum(problem));
        assertThat(phased.compareObjective(MinCostFlowSolver.solve(problem))).isZero();
    }

    @Property
    void thePhasedSolverIsExactWhenEveryScoreIsTheSame(@ForAll("problems") AssignmentProblem problem) {
        int[] same = new int[problem.edges()];
        Arrays.fill(same, 7);
        AssignmentProblem tied = new AssignmentProblem(problem.mentees(), problem.mentorCapacity(), problem.edgeMentee(),
                problem.edgeMentor(), same);
        Assignment phased = PrimalDualSolver.solve(tied);
        assertFeasible(tied, phased);
        assertThat(OptimalityCertificate.check(tied, phased).optimal()).isTrue();
        assertThat(new long[] {phased.matched(), phased.totalScore()}).containsExactly(ExhaustiveSearch.optimum(tied));
    }

    @Property
    void thePhasedSolverIsExactOnContestedInstances(@ForAll("contestedProblems") AssignmentProblem problem) {
        Assignment phased = PrimalDualSolver.solve(problem);
        assertFeasible(problem, phased);
        assertThat(new long[] {phased.matched(), phased.totalScore()}).containsExactly(ExhaustiveSearch.optimum(problem));
    }

    @Property
    void isNeverWorseThanGreedy(@ForAll("problems") AssignmentProblem problem) {
        Assignment greedy = GreedySolver.solve(problem);
        assertFeasible(problem, greedy);
        assertThat(MinCostFlowSolver.solve(problem).compareObjective(greedy)).isNotNegative();
    }

    @Property
    void certificateRejectsGreedyExactlyWhenGreedyFallsShort(@ForAll("contestedProblems") AssignmentProblem problem) {
        Assignment greedy = GreedySolver.solve(problem);
        boolean greedyIsOptimal = greedy.compareObjective(MinCostFlowSolver.solve(problem)) == 0;
        assertThat(OptimalityCertificate.check(problem, greedy).optimal()).isEqualTo(greedyIsOptimal);
        Statistics.collect(greedyIsOptimal ? "greedy optimal" : "greedy worse");
        // The property only shows the certificate can fail if greedy often falls short.
        Statistics.coverage(coverage -> coverage.check("greedy worse").percentage(percent -> percent >= 5));
    }

    @Property
    void objectiveDoesNotDependOnEdgeOrder(@ForAll("problems") AssignmentProblem problem, @ForAll Random random) {
        int[] order = permutation(problem.edges(), random);
        int[] mentee = new int[problem.edges()];
        int[] mentor = new int[problem.edges()];
        int[] score = new int[problem.edges()];
        for (int e = 0; e < problem.edges(); e++) {
            mentee[order[e]] = problem.edgeMentee()[e];
            mentor[order[e]] = problem.edgeMentor()[e];
            score[order[e]] = problem.edgeScore()[e];
        }
        AssignmentProblem shuffled = new AssignmentProblem(problem.mentees(), problem.mentorCapacity(), mentee, mentor,
                score);
        assertSameObjective(shuffled, problem);
    }

    @Property
    void objectiveDoesNotDependOnHowMenteesAndMentorsAreNumbered(@ForAll("problems") AssignmentProblem problem,
                                                                 @ForAll Random random) {
        int[] newMentee = permutation(problem.mentees(), random);
        int[] newMentor = permutation(problem.mentors(), random);
        int[] capacity = new int[problem.mentors()];
        for (int j = 0; j < problem.mentors(); j++) {
            capacity[newMentor[j]] = problem.mentorCapacity()[j];
        }
        int[] mentee = new int[problem.edges()];
        int[] mentor = new int[problem.edges()];
        for (int e = 0; e < problem.edges(); e++) {
            mentee[e] = newMentee[problem.edgeMentee()[e]];
            mentor[e] = newMentor[problem.edgeMentor()[e]];
        }
        AssignmentProblem relabelled = new AssignmentProblem(problem.mentees(), capacity, mentee, mentor,
                problem.edgeScore());
        assertSameObjective(relabelled, problem);
    }

    @Property
    void moreCapacityNeverLowersTheObjective(@ForAll("problems") AssignmentProblem problem, @ForAll Random random) {
        if (problem.mentors() == 0) {
            return;
        }
        int[] capacity = problem.mentorCapacity().clone();
        capacity[random.nextInt(capacity.length)] += 1 + random.nextInt(2);
        AssignmentProblem roomier = new AssignmentProblem(problem.mentees(), capacity, problem.edgeMentee(),
                problem.edgeMentor(), problem.edgeScore());
        assertThat(MinCostFlowSolver.solve(roomier).compareObjective(MinCostFlowSolver.solve(problem)))
                .isNotNegative();
    }

    @Property
    void anExtraEdgeNeverLowersTheObjective(@ForAll("problems") AssignmentProblem problem, @ForAll Random random) {
        Set<Long> present = new HashSet<>();
        for (int e = 0; e < problem.edges(); e++) {
            present.add((long) problem.edgeMentee()[e] * problem.mentors() + problem.edgeMentor()[e]);
        }
        List<Long> absent = new ArrayList<>();
        for (long pair = 0; pair < (long) problem.mentees() * problem.mentors(); pair++) {
            if (!present.contains(pair)) {
                absent.add(pair);
            }
        }
        if (absent.isEmpty()) {
            return;
        }
        long pair = absent.get(random.nextInt(absent.size()));
        int edges = problem.edges();
        int[] mentee = Arrays.copyOf(problem.edgeMentee(), edges + 1);
        int[] mentor = Arrays.copyOf(problem.edgeMentor(), edges + 1);
        int[] score = Arrays.copyOf(problem.edgeScore(), edges + 1);
        mentee[edges] = (int) (pair / problem.mentors());
        mentor[edges] = (int) (pair % problem.mentors());
        score[edges] = 1 + random.nextInt(100);
        AssignmentProblem richer = new AssignmentProblem(problem.mentees(), problem.mentorCapacity(), mentee, mentor,
                score);
        assertThat(MinCostFlowSolver.solve(richer).compareObjective(MinCostFlowSolver.solve(problem)))
                .isNotNegative();
    }

    @Property
    void theSameInputGivesTheSameAssignment(@ForAll("problems") AssignmentProblem problem) {
        assertThat(MinCostFlowSolver.solve(problem).edgeOfMentee())
                .containsExactly(MinCostFlowSolver.solve(problem).edgeOfMentee());
    }

    /**
     * Up to 10 mentees and 5 mentors with 0..3 slots each, any subset of pairs as edges with scores 1..100;
     * scores are drawn from 1..3 half of the time so that equal scores and ties are common.
     */
    @Provide
    Arbitrary<AssignmentProblem> problems() {
        return problems(0, 10, 0, 5, 0, 3, 0);
    }

    /** Crowded instances: few slots and at least two edges per mentee on average, so greedy often falls short. */
    @Provide
    Arbitrary<AssignmentProblem> contestedProblems() {
        return problems(3, 10, 1, 4, 1, 2, 2);
    }

    private static Arbitrary<AssignmentProblem> problems(int minMentees, int maxMentees, int minMentors,
                                                         int maxMentors, int minCapacity, int maxCapacity,
                                                         int minEdgesPerMentee) {
        return Arbitraries.integers().between(minMentees, maxMentees).flatMap(mentees ->
                Arbitraries.integers().between(minMentors, maxMentors).flatMap(mentors -> {
                    Arbitrary<int[]> capacities = Arbitraries.integers().between(minCapacity, maxCapacity)
                            .array(int[].class).ofSize(mentors);
                    Arbitrary<List<int[]>> edges = mentees == 0 || mentors == 0
                            ? Arbitraries.just(List.of())
                            : Combinators.combine(Arbitraries.integers().between(0, mentees - 1),
                                    Arbitraries.integers().between(0, mentors - 1),
                                    Arbitraries.oneOf(Arbitraries.integers().between(1, 100),
                                            Arbitraries.integers().between(1, 3)))
                            .as((mentee, mentor, score) -> new int[] {mentee, mentor, score})
                            .list().ofMinSize(mentees * Math.min(minEdgesPerMentee, mentors)).ofMaxSize(mentees * mentors);
                    return Combinators.combine(capacities, edges).as((capacity, list) ->
                            withoutRepeatedPairs(mentees, capacity, list));
                }));
    }

    /** Keeps the first edge of each (mentee, mentor) pair: the problem allows one edge per pair. */
    private static AssignmentProblem withoutRepeatedPairs(int mentees, int[] capacity, List<int[]> edges) {
        Set<Long> seen = new HashSet<>();
        List<int[]> kept = new ArrayList<>();
        for (int[] edge : edges) {
            if (seen.add(((long) edge[0] << 32) | edge[1])) {
                kept.add(edge);
            }
        }
        int[] mentee = new int[kept.size()];
        int[] mentor = new int[kept.size()];
        int[] score = new int[kept.size()];
        for (int e = 0; e < kept.size(); e++) {
            mentee[e] = kept.get(e)[0];
            mentor[e] = kept.get(e)[1];
            score[e] = kept.get(e)[2];
        }
        return new AssignmentProblem(mentees, capacity, mentee, mentor, score);
    }

    private static int[] permutation(int size, Random random) {
        int[] permutation = new int[size];
        for (int i = 0; i < size; i++) {
            permutation[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int other = random.nextInt(i + 1);
            int value = permutation[i];
            permutation[i] = permutation[other];
            permutation[other] = value;
        }
        return permutation;
    }

    private static void assertSameObjective(AssignmentProblem changed, AssignmentProblem original) {
        Assignment changedSolution = MinCostFlowSolver.solve(changed);
        Assignment originalSolution = MinCostFlowSolver.solve(original);
        assertThat(changedSolution.matched()).isEqualTo(originalSolution.matched());
        assertThat(changedSolution.totalScore()).isEqualTo(originalSolution.totalScore());
    }
}
