package org.lexnet.matching.model;

import java.util.Arrays;

/**
 * Solves an {@link AssignmentProblem} exactly, like {@link MinCostFlowSolver} and on the same network,
 * but by phases: one shortest-path search from every row with room at once, then as many augmenting
 * paths of that same length as a depth-first search finds on the tight arcs, then the next phase.
 *
 * <h2>The network</h2>
 * Rows and columns as in {@link MinCostFlowSolver}: the scarcer side is the rows. Source → row (capacity
 * = the row's capacity), row → column (one arc per edge, capacity 1, cost {@code -(W + score)}), column →
 * sink (capacity = the column's capacity), and the closing arc sink → source of cost 0. A minimum-cost
 * circulation is exactly the lexicographic optimum (most matched, then highest total score).
 *
 * <h2>Why it is exact</h2>
 * This is the successive-shortest-path method from the source to the sink: starting from the empty flow,
 * which is the cheapest flow of value 0, augmenting along a shortest source → sink path of the residual
 * graph gives the cheapest flow of the next value. The cost of the cheapest flow is convex in its value,
 * so the cheapest circulation is the cheapest flow of the first value at which the next shortest path no
 * longer costs less than 0: the method stops there. Potentials {@code π} keep every residual arc's reduced
 * cost {@code c(a→b) + π(a) - π(b)} non-negative (source → row, row → column, column → row, column → sink,
 * and the arcs back to the source and from the sink as well), so each search is a Dijkstra search, and
 * after it {@code π += min(distance, D)} (D the shortest distance to the sink) keeps them non-negative and
 * makes every shortest path tight. Any source → sink path made of tight arcs then is a shortest path; each
 * augmentation along one reverses tight arcs only, so the reduced costs stay non-negative and the next
 * tight path found is again shortest. A phase augments until a round of depth-first searches finds no more
 * tight paths; then a new search sets the next distances. Unlike the row-by-row method, no search starts from a
 * single row and crosses the graph alone: the searches of a phase share one tree.
 *
 * <h2>Duals</h2>
 * In the last search the cap is {@code π(source) - π(sink)}, the length at which a path stops improving,
 * instead of D; afterwards source and sink have equal potential and every residual arc, the closing arc
 * and its reverse included, has a non-negative reduced cost: the potentials, shifted so that the source
 * and the sink are at 0, are the exact duals the {@link OptimalityCertificate} checks in one pass.
 *
 * <h2>Ties</h2>
 * Rows enter a search in index order, heap ties go to the lower node id, the depth-first searches start
 * from rows in the order the search reached them and follow arcs in input order: the result is a
 * function of the input alone. It may be a different optimum of equal objective than the row-by-row
 * solver's.
 */
public final class PrimalDualSolver {

    private static final long UNREACHED = Long.MAX_VALUE;

    private final int rows;
    private final int nodes;
    private final int[] rowCapacity;
    private final int[] rowLoad;
    private final int[] colCapacity;
    private final int[] colLoad;
    private final long matchWeight;

    /** Arcs grouped by row (CSR) in input order; an arc in use stands for its residual arc column → row. */
    private final int[] arcStart;
    private final int[] arcCol;
    private final int[] arcScore;
    private final int[] arcEdge;
    private final boolean[] arcUsed;

    /** Each column's used arcs (its residual arcs back to rows), in a block of min(capacity, degree). */
    private final int[] slotStart;
    private final int[] slotArc;
    private final int[] slotRow;

    /** Node ids: rows are 0..rows-1, column c is rows + c. The source and the sink have their own fields. */
    private final long[] potential;
    private long sourcePotential;
    private long sinkPotential;

    private final long[] distance;
    private final int[] settled;
    private int settledCount;
    private final int[] touched;
    private int touchedCount;
    private final IntMinHeap heap;

    /**
     * The depth-first search: the node a path arrived by and the link it used (for a column the arc, for a
     * row the slot of the column's arc), as {@link #augment} reads them.
     */
    private final int[] predecessor;
    private final int[] predecessorLink;
    private final int[] cursor;
    /** The depth-first round a node was last entered in; whether it was exhausted then. */
    private final int[] visitedInPhase;
    /** The phase whose search reached the node within the shortest distance: rows so marked are seeds. */
    private final int[] onShortestPathsInPhase;
    private final boolean[] dead;
    private final boolean[] onPath;
    private final int[] stack;
    private int phase;
    private int dfsRound;

    private PrimalDualSolver(int rows, int cols, int[] rowCapacity, int[] colCapacity, int[] edgeRow,
                             int[] edgeCol, int[] edgeScore, long matchWeight) {
        this.rows = rows;
        this.nodes = rows + cols;
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

        potential = new long[nodes];
        // A row starts at W + its best score, which makes its best arc tight and all others non-negative;
        // columns and the sink start at 0 (column → sink tight). The source sits at the highest row potential,
        // so every source → row arc is non-negative, and a row without edges (never used) sits with it.
        int bestOverall = 0;
        for (int r = 0; r < rows; r++) {
            int best = 0;
            for (int a = arcStart[r]; a < arcStart[r + 1]; a++) {
                best = Math.max(best, arcScore[a]);
            }
            potential[r] = best;
            bestOverall = Math.max(bestOverall, best);
        }
        sourcePotential = matchWeight + bestOverall;
        for (int r = 0; r < rows; r++) {
            potential[r] = arcStart[r] == arcStart[r + 1] ? sourcePotential : matchWeight + potential[r];
        }

        distance = new long[nodes];
        Arrays.fill(distance, UNREACHED);
        settled = new int[nodes];
        touched = new int[nodes];
        heap = new IntMinHeap(distance);
        predecessor = new int[nodes];
        predecessorLink = new int[nodes];
        cursor = new int[nodes];
        visitedInPhase = new int[nodes];
        onShortestPathsInPhase = new int[nodes];
        dead = new boolean[nodes];
        onPath = new boolean[nodes];
        stack = new int[nodes];
    }

    /** Returns an optimal assignment for the lexicographic objective, with exact dual potentials. */
    public static Assignment solve(AssignmentProblem problem) {
        long matchWeight = problem.matchWeight();
        int[] menteeCapacity = new int[problem.mentees()];
        Arrays.fill(menteeCapacity, 1);
        boolean rowsAreMentors = MinCostFlowSolver.mentorsAreScarcer(problem);
        PrimalDualSolver solver = rowsAreMentors
                ? new PrimalDualSolver(problem.mentors(), problem.mentees(), problem.mentorCapacity(),
                        menteeCapacity, problem.edgeMentor(), problem.edgeMentee(), problem.edgeScore(), matchWeight)
                : new PrimalDualSolver(problem.mentees(), problem.mentors(), menteeCapacity,
                        problem.mentorCapacity(), problem.edgeMentee(), problem.edgeMentor(), problem.edgeScore(),
                        matchWeight);
        solver.run();
        return solver.toAssignment(problem, rowsAreMentors);
    }

    private void run() {
        while (true) {
            // A path improves the circulation only if its reduced length is below this.
            long improving = sourcePotential - sinkPotential;
            long shortest = search(improving);
            updatePotentials(Math.min(shortest, improving));
            if (shortest >= improving) {
                return;
            }
            augmentAlongTightPaths();
        }
    }

    /**
     * Dijkstra from every row with room (rows without edges too: their potential must follow the source's),
     * on reduced costs. Returns the shortest distance to the sink, or
     * {@code bound} if none is below it; every node closer than the returned value is settled.
     */
    private long search(long bound) {
        settledCount = 0;
        touchedCount = 0;
        long best = bound;
        for (int r = 0; r < rows; r++) {
            if (rowLoad[r] < rowCapacity[r]) {
                long dr = sourcePotential - potential[r];
                if (dr < best) {
                    touched[touchedCount++] = r;
                    distance[r] = dr;
                    heap.addOrDecrease(r);
                }
            }
        }
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
                        reach(v, dv);
                        // A column with room ends a path at the sink.
                        if (colLoad[col] < colCapacity[col] && dv + potential[v] - sinkPotential < best) {
                            best = dv + potential[v] - sinkPotential;
                        }
                    }
                }
            } else {
                int col = x - rows;
                for (int k = slotStart[col], stop = k + colLoad[col]; k < stop; k++) {
                    int u = slotRow[k];
                    long du = dx + px - potential[u] + matchWeight + arcScore[slotArc[k]];
                    if (du < best && du < distance[u]) {
                        reach(u, du);
                    }
                }
            }
        }
        heap.clear();
        return best;
    }

    private void reach(int node, long nodeDistance) {
        if (distance[node] == UNREACHED) {
            touched[touchedCount++] = node;
        }
        distance[node] = nodeDistance;
        heap.addOrDecrease(node);
    }

    /** {@code π += min(distance, cap)}: nodes not settled are at least {@code cap} away. */
    private void updatePotentials(long cap) {
        phase++;
        for (int i = 0; i < settledCount; i++) {
            int x = settled[i];
            potential[x] += distance[x] - cap;
        }
        for (int x = 0; x < nodes; x++) {
            potential[x] += cap;
        }
        sinkPotential += cap;
        for (int i = 0; i < touchedCount; i++) {
            int x = touched[i];
            if (distance[x] <= cap) {
                onShortestPathsInPhase[x] = phase;
            }
            distance[x] = UNREACHED;
        }
    }

    /**
     * Augments along tight paths in rounds of depth-first searches until a round finds none. A round
     * cannot find them all: an augmentation turns arcs around, and the reversed arcs (tight as well) can
     * open paths through nodes the round has already given up on; another round is cheaper than another
     * shortest-path search, which would only find the same distance again.
     */
    private void augmentAlongTightPaths() {
        boolean augmented;
        do {
            augmented = augmentInOneRound();
        } while (augmented);
    }

    /**
     * Depth-first search on tight arcs from each row with room whose source arc is tight and which the
     * search reached within the shortest distance, augmenting along every path found to a column with room
     * and a tight sink arc. A node whose arcs are exhausted is dead for the round, and each node's arc
     * cursor only moves forward, so a round costs about one pass over the tight arcs plus the paths.
     */
    private boolean augmentInOneRound() {
        dfsRound++;
        boolean augmented = false;
        for (int i = 0; i < touchedCount; i++) {
            int r = touched[i];
            while (r < rows && onShortestPathsInPhase[r] == phase && rowLoad[r] < rowCapacity[r]
                    && potential[r] == sourcePotential && !isDead(r)) {
                int end = tightPathFrom(r);
                if (end < 0) {
                    break;
                }
                augment(r, end);
                augmented = true;
            }
        }
        return augmented;
    }

    private boolean isDead(int x) {
        return visitedInPhase[x] == dfsRound && dead[x];
    }

    private void visit(int x) {
        if (visitedInPhase[x] != dfsRound) {
            visitedInPhase[x] = dfsRound;
            dead[x] = false;
            cursor[x] = x < rows ? arcStart[x] : slotStart[x - rows];
        }
    }

    /** Returns the column node a tight path from r reaches with room at the sink, or -1. */
    private int tightPathFrom(int r) {
        int depth = 0;
        visit(r);
        stack[depth++] = r;
        onPath[r] = true;
        int found = -1;
        while (depth > 0) {
            int x = stack[depth - 1];
            int next = -1;
            if (x < rows) {
                long px = potential[x] - matchWeight;
                // The cursor lives in a local while scanning: kept in the array, every step would store it.
                int a = cursor[x];
                for (int stop = arcStart[x + 1]; a < stop; a++) {
                    int v = rows + arcCol[a];
                    if (!arcUsed[a] && px - arcScore[a] == potential[v] && !onPath[v] && !isDead(v)) {
                        next = v;
                        predecessorLink[v] = a;
                        break;
                    }
                }
                cursor[x] = a;
            } else {
                int col = x - rows;
                if (colLoad[col] < colCapacity[col] && potential[x] == sinkPotential) {
                    found = x;
                    break;
                }
                long px = potential[x] + matchWeight;
                int k = cursor[x];
                for (int stop = slotStart[col] + colLoad[col]; k < stop; k++) {
                    int u = slotRow[k];
                    if (px + arcScore[slotArc[k]] == potential[u] && !onPath[u] && !isDead(u)) {
                        next = u;
                        predecessorLink[u] = k;
                        break;
                    }
                }
                cursor[x] = k;
            }
            if (next < 0) {
                visit(x);
                dead[x] = true;
                onPath[x] = false;
                depth--;
            } else {
                visit(next);
                predecessor[next] = x;
                onPath[next] = true;
                stack[depth++] = next;
            }
        }
        for (int i = 0; i < depth; i++) {
            onPath[stack[i]] = false;
        }
        return found;
    }

    /** Flips the arcs of the path from r to the column node end; each column's new arc takes the slot its old one left. */
    private void augment(int r, int end) {
        int col = end - rows;
        int x = placeArcInto(end, slotStart[col] + colLoad[col]++);
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
        // Shifted so that the source (and the sink, equal to it now) is at 0. With mentors as rows the
        // network runs sink-ward from mentors; reversing every arc keeps each cost and negating the
        // potentials keeps every reduced cost, giving the duals of mentee → mentor.
        long[] menteePotential = new long[problem.mentees()];
        long[] mentorPotential = new long[problem.mentors()];
        for (int i = 0; i < problem.mentees(); i++) {
            long p = potential[rowsAreMentors ? rows + i : i] - sourcePotential;
            menteePotential[i] = rowsAreMentors ? -p : p;
        }
        for (int j = 0; j < problem.mentors(); j++) {
            long p = potential[rowsAreMentors ? j : problem.mentees() + j] - sourcePotential;
            mentorPotential[j] = rowsAreMentors ? -p : p;
        }
        return new Assignment(matched, total, mentorOfMentee, edgeOfMentee, menteePotential, mentorPotential);
    }
}
