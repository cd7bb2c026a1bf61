package org.lexnet.matching;

import org.lexnet.matching.model.Assignment;
import org.lexnet.matching.model.AssignmentProblem;
import org.lexnet.matching.model.Candidate;
import org.lexnet.matching.model.CandidateEdges;
import org.lexnet.matching.model.CandidateIndex;
import org.lexnet.matching.model.ExactSolver;
import org.lexnet.matching.model.HardFilters;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.model.Score;
import org.lexnet.matching.model.Scorer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The matcher's decisions over a pool: the best candidates for one request, and the optimal plan for
 * a whole waiting pool (top-k candidates per request, then the exact solver with each mentor's free
 * slots as a hard limit). Pure computation over the model; proposing is the caller's job.
 */
@Component
public class MatchingEngine {

    private final MatchingSettings settings;
    private final Scorer scorer;

    MatchingEngine(MatchingSettings settings) {
        this.settings = settings;
        this.scorer = new Scorer(settings.scoringWeights());
    }

    public Scorer scorer() {
        return scorer;
    }

    /** The optimal plan for every waiting request at once, with the reason for each one left out. */
    public RoundPlan plan(List<MenteeRequest> requests, List<MentorCandidate> mentors) {
        CandidateIndex index = new CandidateIndex(mentors, scorer);
        CandidateEdges candidates = index.candidates(requests, settings.candidatesPerRequest());
        int edges = candidates.edgeCount();
        int[] edgeMentee = new int[edges];
        int[] edgeMentor = new int[edges];
        int[] edgeScore = new int[edges];
        for (int r = 0; r < requests.size(); r++) {
            for (int e = candidates.firstEdge(r); e < candidates.endEdge(r); e++) {
                edgeMentee[e] = r;
                edgeMentor[e] = candidates.mentorIndex(e);
                edgeScore[e] = candidates.score(e);
            }
        }
        int[] capacity = mentors.stream().mapToInt(m -> Math.max(0, m.freeSlots())).toArray();
        Assignment solution = ExactSolver.solve(
                new AssignmentProblem(requests.size(), capacity, edgeMentee, edgeMentor, edgeScore));

        List<PlannedProposal> proposals = new ArrayList<>();
        Map<String, String> unmatched = new LinkedHashMap<>();
        for (int r = 0; r < requests.size(); r++) {
            MenteeRequest request = requests.get(r);
            int mentor = solution.mentorOfMentee()[r];
            if (mentor >= 0) {
                // the breakdown (for the reasons) of the one chosen pair
                Score score = scorer.score(request, mentors.get(mentor)).orElseThrow();
                proposals.add(new PlannedProposal(request, new Candidate(mentors.get(mentor), mentor, score)));
            } else if (candidates.count(r) == 0) {
                unmatched.put(request.requestId(), whyNoCandidate(request, mentors));
            } else {
                unmatched.put(request.requestId(), "every suitable mentor's free slots went to other requests in "
                                                   + "this round (an optimal plan matches as many requests as possible)");
            }
        }
        return new RoundPlan(proposals, unmatched, solution.totalScore());
    }

    /** The filters that excluded the mentors, most common first, e.g. "no mentor passed: stage order (12), ...". */
    private String whyNoCandidate(MenteeRequest request, List<MentorCandidate> mentors) {
        if (mentors.isEmpty()) {
            return "no mentor has a free slot right now";
        }
        Map<String, Long> reasons = mentors.stream()
                .map(m -> HardFilters.exclusion(request, m).orElse("a better-scoring mentor was preferred"))
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
        return "no mentor passed the hard filters: " + reasons.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
    }

    public record PlannedProposal(MenteeRequest request, Candidate candidate) {
    }

    /** @param unmatched request id → why it stayed unmatched */
    public record RoundPlan(List<PlannedProposal> proposals, Map<String, String> unmatched, long totalScore) {
    }
}
