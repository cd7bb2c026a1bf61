package org.lexnet.matching.model;

/**
 * The candidates of many requests in compact form, as the solver wants them: for request {@code r}
 * (its position in the list asked for) the edges {@code firstEdge(r)} up to {@code endEdge(r)}
 * (exclusive), best first, each a mentor index and a score. Plain arrays rather than objects because a
 * full round holds millions of edges.
 */
public final class CandidateEdges {

    private final int[] offsets;
    private final int[] mentorIndexes;
    private final int[] scores;
    private final long mentorsScored;

    CandidateEdges(int[] offsets, int[] mentorIndexes, int[] scores, long mentorsScored) {
        this.offsets = offsets;
        this.mentorIndexes = mentorIndexes;
        this.scores = scores;
        this.mentorsScored = mentorsScored;
    }

    public int requestCount() {
        return offsets.length - 1;
    }

    public int edgeCount() {
        return mentorIndexes.length;
    }

    public int firstEdge(int request) {
        return offsets[request];
    }

    public int endEdge(int request) {
        return offsets[request + 1];
    }

    /** How many candidates the request got (fewer than k when fewer mentors pass the hard filters). */
    public int count(int request) {
        return offsets[request + 1] - offsets[request];
    }

    /** The mentor's index in the list the {@link CandidateIndex} was built from. */
    public int mentorIndex(int edge) {
        return mentorIndexes[edge];
    }

    /** The pair's score, the same total {@link Scorer} gives; at least {@link Score#BASE}. */
    public int score(int edge) {
        return scores[edge];
    }

    /**
     * How many (request, mentor) pairs were scored in full to find these edges, over all requests: the
     * measure of how much the pruning saved against requests × mentors.
     */
    public long mentorsScored() {
        return mentorsScored;
    }
}
