package org.lexnet.matching.model;

import java.util.Arrays;

/**
 * Solves an {@link AssignmentProblem} exactly: as many mentees matched as possible, and among those
 * assignments the highest total score.
 *
 * <h2>Formulation</h2>
 * One side is taken as rows, the other as columns: rows are mentors when the mentors' usable slots
 * ({@code sum min(capacity, degree)}) are fewer than the mentees that have an edge, else rows are mentees.
 * The network is source → row (capacity = the row's capacity) → column (one arc per edge, capacity 1,
 * cost {@code -(W + score)}) → sink (capacity = the column's capacity), closed by an uncapacitated arc
 * sink → source of cost 0. {@code W = problem.matchWeight()} exceeds every total score, so a circulation
 * of minimum cost is exactly a lexicographic optimum: one more match is worth more than any score.
 *
 * <h2>Why adding one row unit at a time is exact</h2>
 * Let {@code G_k} be the network in which the source arcs carry only the units processed so far, and let
 * the current flow {@code f} be a min-cost circulation of {@code G_k} (true for {@code k = 0}: the only
 * circulation is empty). Processing unit {@code k+1} of row {@code r} adds one unit of capacity on
 * source → r. A circulation of {@code G_{k+1}} either leaves that unit empty (cost ≥ cost(f)), or uses it
 * and is then a flow of {@code G_k} sending one unit from {@code r} to the source; the cheapest such flow
 * is {@code f} plus a shortest r → source path {@code P} of the residual graph {@code G_f}, which has no
 * negative cycle because {@code f} is optimal (the successive-shortest-path lemma). So {@code f + P} is
 * optimal for {@code G_{k+1}} if {@code cost(P) < 0}, and {@code f} stays optimal otherwise. A path to
 * the source ends either through the sink (an augmenting path: one more match, cost about {@code -W}, so
 * it always wins when it exists) or through another loaded row's arc back to the source (an exchange:
 * {@code r} takes that row's place when this raises the total score). This holds in any order and whether
 * or not the unit can be used, which is the point: a plain row-by-row Hungarian pass commits to early rows
 * and misses that a later row should displace one of them when not every row can be matched. A unit that
 * finds no improving path stays in the network unused, and that spare unit on source → r never goes away
 * (searches end at the source instead of passing through it, and no later search starts at r, so its
 * load can only drop). A simple cycle crosses source → r at most once, so further units of r could never
 * lower the cost: they are skipped, and after the last row the current flow is optimal for the whole
 * network.
 *
 * <h2>The search</h2>
 * Dijkstra on reduced costs {@code c(a→b) + p(a) - p(b) ≥ 0} over the rows and columns; the source and
 * the sink keep potential 0 throughout, so reaching a column with free capacity or a loaded row offers an
 * end point at distance {@code d + p(node)}. A path improves iff its reduced length is below {@code p(r)},
 * which bounds the search. The search stops as soon as the next node is no closer than the best end point
 * found (early exit), and only the nodes it settled get their potential lowered by {@code D - d(node)}:
 * that keeps every residual reduced cost non-negative and the path tight, so the potentials at the end
 * are dual solutions the {@link OptimalityCertificate} can verify in one pass. Scanning from the scarcer
 * side is what makes this fast: the other side has room, so most searches end after a few steps. When
 * both sides are within a few percent of each other, the last searches find little room anywhere and
 * cross much of the graph, which makes such instances several times slower.
 *
 * <h2>Ties</h2>
 * Rows are processed in index order, a row's edges in input order, heap ties go to the lower node id, and
 * a distance or end point is only replaced by a strictly better one. The result is therefore a function
 * of the input alone. Permuting the edges may select a different optimum of equal objective.
 */
public final class MinCostFlowSolver {

    private static final long UNREACHED = Long.MAX_VALUE;

    private final int rows;
    private final int[] rowCapacity;
    private final int[] rowLoad;
    private final int[] colCapacity;
    private final int[] colLoad;
    private final long matchWeight;

    /**
     * One arc per edge, grouped by row (CSR) in input order. An arc in use stands for its residual arc back
     * from the column; the others are the residual arcs row → column.
     */
    private final int[] arcStart;
    private final int[] arcCol;
    private final int[] arcScore;
    private final int[] arcEdge;
    private final boolean[] arcUsed;

    /** Each column's used arcs (its residual arcs back to rows), in a block of min(capacity, degree). */
    private final int[] slotStart;
    private final int[] slotArc;
    private final int[] slotRow;

    /** Node ids: rows are 0..rows-1, column c is rows + c. */
    private final long[] potential;
    private final long[] distance;
    private final int[] predecessor;
    /** For a column, the arc it was reached by; for a row, the slot of the column arc it was reached by. */
    private final int[] predecessorLink;
    private final int[] touched;
    private int touchedCount;
    private final int[] settled;
    private int settledCount;
    private final IntMinHeap heap;

    private MinCostFlowSolver(int rows, int cols, int[] rowCapacity, int[] colCapacity, int[] edgeRow,
                              int[] edgeCol, int[] edgeScore, long matchWeight) {
        this.rows = rows;
        this.rowCapacity = rowCapacity;
        this.colCapacity = colCapacity;
        this.rowLoad = new int[rows];
        this.colLoad = new int[cols];
        this.matchWeight = matchWeight;
        int edges = edgeRow.length;

        arcStart = new int[rows + 1];
        int[] colDegree = new int[cols];
        for (int e = 0; e < edges; e++) {
            arcStart[edgeRow[e] + 1]++;
            colDegree[edgeCol[e]]++;
        }
        for (int r = 0; r < rows; r++) {
            arcStart[r + 1] += arcStart[r];
        }
        arcCol = new int[edges];
        arcScore = new int[edges];
        arcEdge = new int[edges];
        arcUsed = new boolean[edges];
        int[] next = Arrays.copyOf(arcStart, rows);
        for (int e = 0; e < edges; e++) {
            int a = next[edgeRow[e]]++;
            arcCol[a] = edgeCol[e];
            arcScore[a] = edgeScore[e];
            arcEdge[a] = e;
        }

        slotStart = new int[cols + 1];
        for (int c = 0; c < cols; c++) {
            slotStart[c + 1] = slotStart[c] + Math.min(colCapacity[c], colDegree[c]);
        }
        slotArc = new int[slotStart[cols]];
        slotRow = new int[slotStart[cols]];

        int nodes = rows + cols;
        potential = new long[nodes];
        // Columns start at 0 (all free, so arcs to the sink are tight); a row starts at W + its best score,
        // which makes its best arc tight and all others non-negative. A row without edges needs 0 so that
        // its unused source arc is non-negative too.
        for (int r = 0; r < rows; r++) {
            int best = -1;
            for (int a = arcStart[r]; a < arcStart[r + 1]; a++) {
                best = Math.max(best, arcScore[a]);
            }
            potential[r] = best < 0 ? 0 : matchWeight + best;
        }
        distance = new long[nodes];
        Arrays.fill(distance, UNREACHED);
        predecessor = new int[nodes];
        predecessorLink = new int[nodes];
        touched = new int[nodes];
        settled = new int[nodes];
        heap = new IntMinHeap(distance);
    }

    /** Returns an optimal assignment for the lexicographic objective (see the class comment). */
    public static Assignment solve(AssignmentProblem problem) {
        long matchWeight = problem.matchWeight();
        int[] menteeCapacity = new int[problem.mentees()];
        Arrays.fill(menteeCapacity, 1);
        boolean rowsAreMentors = mentorsAreScarcer(problem);
        MinCostFlowSolver solver = rowsAreMentors
                ? new MinCostFlowSolver(problem.mentors(), problem.mentees(), problem.mentorCapacity(),
                        menteeCapacity, problem.edgeMentor(), problem.edgeMentee(), problem.edgeScore(), matchWeight)
                : new MinCostFlowSolver(problem.mentees(), problem.mentors(), menteeCapacity,
                        problem.mentorCapacity(), problem.edgeMentee(), problem.edgeMentor(), problem.edgeScore(),
                        matchWeight);
        solver.run();
        return solver.toAssignment(problem, rowsAreMentors);
    }

    static boolean mentorsAreScarcer(AssignmentProblem problem) {
        return SideSizes.of(problem).mentorsAreScarcer();
    }

    private void run() {
        for (int r = 0; r < rows; r++) {
            for (int unit = 0; unit < rowCapacity[r]; unit++) {
                if (!improveWithOneMoreUnit(r)) {
                    break;
                }
            }
        }
    }

    /**
     * Adds one unit of row r's capacity: finds the shortest residual path from r to the source and applies
     * it if it lowers the cost. Returns whether the flow changed.
     */
    private boolean improveWithOneMoreUnit(int r) {
        long best = potential[r];
        int end = -1;
        distance[r] = 0;
        touched[touchedCount++] = r;
        heap.addOrDecrease(r);
        while (!heap.isEmpty()) {
            int x = heap.poll();
            long dx = distance[x];
            if (dx >= best) {
                break;
            }
            settled[settledCount++] = x;
            long px = potential[x];
            if (x < rows) {
                for (int a = arcStart[x], stop = arcStart[x + 1]; a < stop; a++) {
                    if (arcUsed[a]) {
                        continue;
                    }
                    int col = arcCol[a];
                    int v = rows + col;
                    long dv = dx + px - potential[v] - matchWeight - arcScore[a];
                    if (dv < best && dv < distance[v]) {
                        reach(v, dv, x, a);
                        // A column with room ends a path at the sink, whose potential is 0.
                        if (colLoad[col] < colCapacity[col] && dv + potential[v] < best) {
                            best = dv + potential[v];
                            end = v;
                        }
                    }
                }
            } else {
                int col = x - rows;
                for (int k = slotStart[col], stop = k + colLoad[col]; k < stop; k++) {
                    int u = slotRow[k];
                    long du = dx + px - potential[u] + matchWeight + arcScore[slotArc[k]];
                    if (du < best && du < distance[u]) {
                        reach(u, du, x, k);
                        // u is loaded (it holds this slot), so it can hand one unit back to the source.
                        if (du + potential[u] < best) {
                            best = du + potential[u];
                            end = u;
                        }
                    }
                }
            }
        }
        // Truncated Dijkstra update: nodes not settled have distance >= best and keep their potential.
        for (int i = 0; i < settledCount; i++) {
            int x = settled[i];
            potential[x] += distance[x] - best;
        }
        if (end >= 0) {
            augment(r, end);
        }
        for (int i = 0; i < touchedCount; i++) {
            distance[touched[i]] = UNREACHED;
        }
        touchedCount = 0;
        settledCount = 0;
        heap.clear();
        return end >= 0;
    }

    private void reach(int node, long nodeDistance, int from, int link) {
        if (distance[node] == UNREACHED) {
            touched[touchedCount++] = node;
        }
        distance[node] = nodeDistance;
        predecessor[node] = from;
        predecessorLink[node] = link;
        heap.addOrDecrease(node);
    }

    /** Flips the arcs of the path from r to end; each column's new arc takes the slot its old one left. */
    private void augment(int r, int end) {
        int x = end;
        if (end < rows) {
            rowLoad[end]--;
        } else {
            int col = end - rows;
            x = placeArcInto(end, slotStart[col] + colLoad[col]++);
        }
        while (x != r) {
            int slot = predecessorLink[x];
            arcUsed[slotArc[slot]] = false;
            x = placeArcInto(predecessor[x], slot);
        }
        rowLoad[r]++;
    }

    /** Marks the arc that reached column node v as used, stores it in the slot, and returns its row. */
    private int placeArcInto(int v, int slot) {
        int a = predecessorLink[v];
        int u = predecessor[v];
        arcUsed[a] = true;
        slotArc[slot] = a;
        slotRow[slot] = u;
        return u;
    }

    private Assignment toAssignment(AssignmentProblem problem, boolean rowsAreMentors) {
        int[] mentorOfMentee = new int[problem.mentees()];
        int[] edgeOfMentee = new int[problem.mentees()];
        Arrays.fill(mentorOfMentee, -1);
        Arrays.fill(edgeOfMentee, -1);
        int matched = 0;
        long total = 0;
        for (int a = 0; a < arcUsed.length; a++) {
            if (arcUsed[a]) {
                int e = arcEdge[a];
                mentorOfMentee[problem.edgeMentee()[e]] = problem.edgeMentor()[e];
                edgeOfMentee[problem.edgeMentee()[e]] = e;
                matched++;
                total += problem.edgeScore()[e];
            }
        }
        // With mentors as rows the network runs sink-ward from mentors; reversing every arc keeps each cost
        // and negating the potentials keeps every reduced cost, giving the duals of mentee → mentor.
        long[] menteePotential = new long[problem.mentees()];
        long[] mentorPotential = new long[problem.mentors()];
        for (int i = 0; i < problem.mentees(); i++) {
            menteePotential[i] = rowsAreMentors ? -potential[rows + i] : potential[i];
        }
        for (int j = 0; j < problem.mentors(); j++) {
            mentorPotential[j] = rowsAreMentors ? -potential[j] : potential[problem.mentees() + j];
        }
        return new Assignment(matched, total, mentorOfMentee, edgeOfMentee, menteePotential, mentorPotential);
    }
}
