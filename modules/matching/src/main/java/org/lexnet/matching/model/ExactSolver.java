package org.lexnet.matching.model;

/**
 * The exact solver the matching round uses: {@link PrimalDualSolver} when the mentors' usable slots and
 * the requests are about as many, {@link MinCostFlowSolver} otherwise. Both return a lexicographic optimum
 * (most matched, then highest total score) with exact duals; they differ only in speed, and possibly in
 * which of several equally good assignments they pick.
 *
 * <p>Why the split (docs/benchmarks.md): with as many slots as requests the row-by-row searches of
 * {@link MinCostFlowSolver} find little room and each crosses much of the graph, and the phased solver was
 * about twice as fast at 48k × 20k; with twice as many requests as slots most row-by-row searches end
 * after a few steps, and the phased solver's whole-graph searches were about four times slower at
 * 100k × 20k.
 */
public final class ExactSolver {

    /** At or above this {@link SideSizes#balance()} the phased solver is used. */
    static final double PHASED_FROM_BALANCE = 0.9;

    private ExactSolver() {
    }

    public static Assignment solve(AssignmentProblem problem) {
        return usesPhasedSolver(problem) ? PrimalDualSolver.solve(problem) : MinCostFlowSolver.solve(problem);
    }

    static boolean usesPhasedSolver(AssignmentProblem problem) {
        return SideSizes.of(problem).balance() >= PHASED_FROM_BALANCE;
    }
}
