package org.lexnet.matching.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A built {@link CandidateIndex} together with the mentors who changed since it was built, searched as
 * one: the same best k as an index built from the current mentors. Building an index over every mentor
 * costs far more than one search, so a live pool keeps one index for many searches and patches it with
 * the few mentors who changed since (a slot taken, an area narrowed, an offer closed) until a new index
 * replaces it.
 *
 * <p>Why the result is exact: every changed mentor is excluded from the index's search, so the index
 * gives the best k among the mentors who did not change (their rows are current); each changed mentor
 * is checked and scored afresh from their current state; the best k of both lists, by score and then
 * mentor id, is the best k of all current mentors.
 */
public final class PatchedCandidateIndex {

    private static final Comparator<Candidate> BEST_FIRST = Comparator
            .comparingInt((Candidate c) -> -c.score().total())
            .thenComparing(c -> c.mentor().mentorId());

    private final CandidateIndex index;
    private final Map<String, MentorCandidate> changed;
    private final Scorer scorer;

    /**
     * @param changed mentor id → their current state, for every mentor whose state differs from the one the
     *                index holds; a mentor who can no longer be proposed may be left out of the values by
     *                mapping to null or to a mentor the hard filters refuse
     */
    public PatchedCandidateIndex(CandidateIndex index, Map<String, MentorCandidate> changed, Scorer scorer) {
        this.index = Objects.requireNonNull(index, "index");
        this.changed = changed;
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    /** How many mentors are patched over the index. */
    public int changedCount() {
        return changed.size();
    }

    /**
     * The best {@code k} mentors the hard filters allow for this request, best first: by score, then by
     * mentor id. A candidate found among the changed mentors has no place in the index ({@code -1}).
     */
    public List<Candidate> topK(MenteeRequest request, int k) {
        if (changed.isEmpty()) {
            return index.topK(request, k);
        }
        Set<String> excluded = new HashSet<>(request.excludedMentorIds());
        excluded.addAll(changed.keySet());
        List<Candidate> best = new ArrayList<>(index.topK(withExcluded(request, excluded), k));
        for (MentorCandidate mentor : changed.values()) {
            if (mentor != null) {
                scorer.score(request, mentor).ifPresent(score -> best.add(new Candidate(mentor, -1, score)));
            }
        }
        best.sort(BEST_FIRST);
        return List.copyOf(best.subList(0, Math.min(k, best.size())));
    }

    private static MenteeRequest withExcluded(MenteeRequest request, Set<String> excluded) {
        return new MenteeRequest(request.requestId(), request.menteeId(), request.stageRank(), request.areas(),
                request.needs(), request.region(), request.remote(), request.sectors(), request.sharedExperience(),
                request.crossSector(), request.remoteOnly(), excluded);
    }
}
