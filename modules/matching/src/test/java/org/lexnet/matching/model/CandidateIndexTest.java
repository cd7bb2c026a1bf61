package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;
import org.lexnet.matching.bench.SyntheticPool;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lexnet.matching.model.ScoringFixtures.bruteForceTopK;
import static org.lexnet.matching.model.ScoringFixtures.mentee;
import static org.lexnet.matching.model.ScoringFixtures.mentor;
import static org.lexnet.matching.model.ScoringFixtures.randomMentors;
import static org.lexnet.matching.model.ScoringFixtures.randomRequests;
import static org.lexnet.matching.model.ScoringFixtures.randomWeights;

class CandidateIndexTest {

    private static final Scorer DEFAULT = new Scorer(ScoringWeights.defaults());

    /** The proof that pruning is exact: on many random pools and weights, topK is the brute-force top k. */
    @Test
    void topKEqualsScoringEveryMentorAndSorting() {
        int[] ks = {1, 2, 5, 30, 1000};
        int checked = 0;
        for (long seed = 1; seed <= 300; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Scorer scorer = seed % 3 == 0 ? DEFAULT : new Scorer(randomWeights(random));
            List<MentorCandidate> mentors = randomMentors(random, random.nextInt(400));
            CandidateIndex index = new CandidateIndex(mentors, scorer);
            for (MenteeRequest request : randomRequests(random, 20, mentors)) {
                int k = ks[random.nextInt(ks.length)];
                assertThat(index.topK(request, k))
                        .as("seed %d, %s, k=%d", seed, request, k)
                        .isEqualTo(bruteForceTopK(scorer, mentors, request, k));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(6000);
    }

    @Test
    void topKEqualsBruteForceOnALargeSyntheticPool() {
        List<MentorCandidate> mentors = SyntheticPool.mentors(20_000, 7);
        CandidateIndex index = new CandidateIndex(mentors, DEFAULT);
        for (MenteeRequest request : SyntheticPool.requests(25, 8)) {
            assertThat(index.topK(request, 30)).isEqualTo(bruteForceTopK(DEFAULT, mentors, request, 30));
        }
    }

    @Test
    void candidatesForManyRequestsAreWhatTopKGivesEachOne() {
        SplittableRandom random = new SplittableRandom(99);
        List<MentorCandidate> mentors = randomMentors(random, 300);
        List<MenteeRequest> requests = randomRequests(random, 700, mentors);
        CandidateIndex index = new CandidateIndex(mentors, DEFAULT);

        CandidateEdges edges = index.candidates(requests, 7);

        assertThat(edges.requestCount()).isEqualTo(requests.size());
        int edgeCount = 0;
        for (int r = 0; r < requests.size(); r++) {
            List<Candidate> top = index.topK(requests.get(r), 7);
            assertThat(edges.count(r)).isEqualTo(top.size());
            for (int i = 0; i < top.size(); i++) {
                assertThat(edges.mentorIndex(edges.firstEdge(r) + i)).isEqualTo(top.get(i).mentorIndex());
                assertThat(edges.score(edges.firstEdge(r) + i)).isEqualTo(top.get(i).score().total());
            }
            assertThat(edges.endEdge(r)).isEqualTo(edges.firstEdge(r) + top.size());
            edgeCount += top.size();
        }
        assertThat(edges.edgeCount()).isEqualTo(edgeCount);
    }

    @Test
    void pruningScoresFarFewerMentorsThanThePoolHolds() {
        List<MentorCandidate> mentors = SyntheticPool.mentors(20_000, 11);
        List<MenteeRequest> requests = SyntheticPool.requests(1_000, 12);
        CandidateIndex index = new CandidateIndex(mentors, DEFAULT);

        CandidateEdges topFive = index.candidates(requests, 5);
        CandidateEdges topThirty = index.candidates(requests, 30);

        // Measured about 1% and 3.5% of the pool per request; the bounds leave room for other weights.
        assertThat(topFive.mentorsScored() / (double) requests.size()).isLessThan(0.05 * mentors.size());
        assertThat(topThirty.mentorsScored() / (double) requests.size()).isLessThan(0.10 * mentors.size());
        assertThat(topThirty.edgeCount()).isGreaterThan(25 * requests.size());
    }

    @Test
    void oneIndexServesManyThreadsAtOnce() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        List<MentorCandidate> mentors = randomMentors(random, 500);
        List<MenteeRequest> requests = randomRequests(random, 200, mentors);
        CandidateIndex index = new CandidateIndex(mentors, DEFAULT);
        List<List<Candidate>> expected = new ArrayList<>();
        for (MenteeRequest request : requests) {
            expected.add(bruteForceTopK(DEFAULT, mentors, request, 10));
        }

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(threads.submit(() -> {
                    for (int r = 0; r < requests.size(); r++) {
                        if (!index.topK(requests.get(r), 10).equals(expected.get(r))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void candidatesCarryTheScorersBreakdownAndTheMentorsPlaceInTheList() {
        MentorCandidate paused = mentor().id("mentor-paused").paused().build();
        MentorCandidate good = mentor().id("mentor-good").strengths("CONFIDENCE").build();
        MenteeRequest request = mentee().needs("CONFIDENCE").build();
        CandidateIndex index = new CandidateIndex(List.of(paused, good), DEFAULT);

        List<Candidate> top = index.topK(request, 5);

        assertThat(top).hasSize(1);
        assertThat(top.get(0).mentor()).isEqualTo(good);
        assertThat(top.get(0).mentorIndex()).isEqualTo(1);
        assertThat(top.get(0).score()).isEqualTo(DEFAULT.score(request, good).orElseThrow());
    }

    @Test
    void equalScoresAreOrderedByMentorId() {
        List<MentorCandidate> mentors = List.of(mentor().id("mentor-c").build(), mentor().id("mentor-a").build(),
                mentor().id("mentor-b").build());
        CandidateIndex index = new CandidateIndex(mentors, DEFAULT);

        assertThat(index.topK(mentee().build(), 2)).extracting(c -> c.mentor().mentorId())
                .containsExactly("mentor-a", "mentor-b");
    }

    @Test
    void onlyMentorsWhoCanTakeAMenteeNowAreIndexed() {
        CandidateIndex index = new CandidateIndex(List.of(mentor().id("a").paused().build(),
                mentor().id("b").freeSlots(0).build(), mentor().id("c").build()), DEFAULT);

        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void anEmptyPoolOrKOfZeroGivesNoCandidates() {
        assertThat(new CandidateIndex(List.of(), DEFAULT).topK(mentee().build(), 5)).isEmpty();
        assertThat(new CandidateIndex(List.of(mentor().build()), DEFAULT).topK(mentee().build(), 0)).isEmpty();
        assertThat(new CandidateIndex(List.of(), DEFAULT).candidates(List.of(mentee().build()), 5).edgeCount())
                .isZero();
    }

    @Test
    void aNegativeKIsRefused() {
        CandidateIndex index = new CandidateIndex(List.of(mentor().build()), DEFAULT);

        assertThatThrownBy(() -> index.topK(mentee().build(), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMentorListedTwiceIsRefused() {
        List<MentorCandidate> twice = List.of(mentor().id("m").build(), mentor().id("m").build());

        assertThatThrownBy(() -> new CandidateIndex(twice, DEFAULT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("m appears twice");
    }
}
