package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lexnet.matching.model.ScoringFixtures.bruteForceTopK;
import static org.lexnet.matching.model.ScoringFixtures.randomMentors;
import static org.lexnet.matching.model.ScoringFixtures.randomRequests;
import static org.lexnet.matching.model.ScoringFixtures.randomWeights;

class PatchedCandidateIndexTest {

    /**
     * An index built from an older pool, patched with the mentors who changed, left or arrived since,
     * finds what scoring every current mentor finds: same mentors, same scores, same order.
     */
    @Test
    void aPatchedIndexEqualsScoringEveryCurrentMentor() {
        int[] ks = {1, 3, 30, 1000};
        int checked = 0;
        for (long seed = 1; seed <= 200; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Scorer scorer = new Scorer(seed % 2 == 0 ? ScoringWeights.defaults() : randomWeights(random));
            List<MentorCandidate> before = randomMentors(random, random.nextInt(300));
            CandidateIndex index = new CandidateIndex(before, scorer);

            Map<String, MentorCandidate> current = new LinkedHashMap<>();
            before.forEach(m -> current.put(m.mentorId(), m));
            Map<String, MentorCandidate> changed = new HashMap<>();
            List<MentorCandidate> fresh = randomMentors(random, 40);
            for (int i = 0; i < fresh.size(); i++) {
                MentorCandidate state = fresh.get(i);
                if (!before.isEmpty() && i % 4 != 0) {
                    // an existing mentor in a new state (offer, slots, areas, consent...), or gone
                    String id = before.get(random.nextInt(before.size())).mentorId();
                    state = random.nextInt(5) == 0 ? null : renamed(state, id);
                    if (state == null) {
                        current.remove(id);
                    } else {
                        current.put(id, state);
                    }
                    changed.put(id, state);
                } else {
                    current.put(state.mentorId(), state);
                    changed.put(state.mentorId(), state);
                }
            }
            PatchedCandidateIndex patched = new PatchedCandidateIndex(index, changed, scorer);
            List<MentorCandidate> now = new ArrayList<>(current.values());
            for (MenteeRequest request : randomRequests(random, 15, now)) {
                int k = ks[random.nextInt(ks.length)];
                assertThat(summary(patched.topK(request, k))).as("seed %d, k=%d", seed, k)
                        .isEqualTo(summary(bruteForceTopK(scorer, now, request, k)));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(3000);
    }

    @Test
    void withNothingChangedItIsTheIndexItself() {
        SplittableRandom random = new SplittableRandom(5);
        Scorer scorer = new Scorer(ScoringWeights.defaults());
        List<MentorCandidate> mentors = randomMentors(random, 200);
        CandidateIndex index = new CandidateIndex(mentors, scorer);
        PatchedCandidateIndex patched = new PatchedCandidateIndex(index, Map.of(), scorer);
        for (MenteeRequest request : randomRequests(random, 20, mentors)) {
            assertThat(patched.topK(request, 10)).isEqualTo(index.topK(request, 10));
        }
    }

    private static MentorCandidate renamed(MentorCandidate m, String id) {
        return new MentorCandidate(id, m.stageRank(), m.areas(), m.strengths(), m.region(), m.remote(), m.sectors(),
                m.mentoredStageRanks(), m.freeSlots(), m.acceptingMentees());
    }

    /** Mentor and score: where a candidate sits in the list an index was built from does not matter here. */
    private static List<String> summary(List<Candidate> candidates) {
        return candidates.stream().map(c -> c.mentor().mentorId() + "=" + c.score()).toList();
    }
}
