package org.lexnet.matching.bench;

import org.lexnet.matching.model.Assignment;
import org.lexnet.matching.model.AssignmentProblem;
import org.lexnet.matching.model.CandidateEdges;
import org.lexnet.matching.model.CandidateIndex;
import org.lexnet.matching.model.ExactSolver;
import org.lexnet.matching.model.GreedySolver;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;
import org.lexnet.matching.model.MinCostFlowSolver;
import org.lexnet.matching.model.OptimalityCertificate;
import org.lexnet.matching.model.PrimalDualSolver;
import org.lexnet.matching.model.Scorer;
import org.lexnet.matching.model.ScoringWeights;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import static org.lexnet.matching.bench.BenchFigures.median;
import static org.lexnet.matching.bench.BenchFigures.ms;
import static org.lexnet.matching.bench.BenchFigures.peakHeapMb;

/**
 * The matching benchmark harness behind {@code scripts/match-bench} (see the README and
 * docs/benchmarks.md). It uses the packaged jars only and measures, in one run, the exact solver the round
 * uses ({@link ExactSolver}) against the greedy-by-score baseline on the same instance.
 *
 * <pre>
 * generate --mentees N --mentors M [--k 30] [--seed 1] [--runs 5] [--queries 2000] [--certify] [--write-edges FILE]
 * solve --edges FILE
 * compare (--mentees N --mentors M [--k 30] [--seed 1] | --edges FILE) [--runs 5]
 * </pre>
 *
 * <p>{@code compare} times the row-by-row {@link MinCostFlowSolver} and the phased {@link PrimalDualSolver}
 * alternately on the same edges, {@code runs} times each, and checks that they reach the same objective
 * and that the {@link OptimalityCertificate} holds for both.
 */
public final class MatchBench {

    private MatchBench() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> options = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "generate" -> generate(options);
            case "solve" -> solve(options);
            case "compare" -> compare(options);
            default -> usage();
        }
    }

    private static void solve(Map<String, String> options) throws IOException {
        String file = options.get("edges");
        if (file == null) {
            usage();
        }
        AssignmentProblem problem = EdgeListFile.read(Path.of(file));
        long start = System.nanoTime();
        Assignment solution = ExactSolver.solve(problem);
        long solveMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(Locale.ROOT, "matched=%d total=%d solveMs=%d%n", solution.matched(), solution.totalScore(),
                solveMs);
    }

    private static void compare(Map<String, String> options) throws IOException {
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        AssignmentProblem problem;
        if (options.containsKey("edges")) {
            problem = EdgeListFile.read(Path.of(options.get("edges")));
            System.out.printf(Locale.ROOT, "instance edges=%s", options.get("edges"));
        } else {
            int mentees = Integer.parseInt(options.getOrDefault("mentees", "10000"));
            int mentors = Integer.parseInt(options.getOrDefault("mentors", "2000"));
            int k = Integer.parseInt(options.getOrDefault("k", "30"));
            long seed = Long.parseLong(options.getOrDefault("seed", "1"));
            List<MentorCandidate> pool = SyntheticPool.mentors(mentors, seed);
            List<MenteeRequest> requests = SyntheticPool.requests(mentees, seed + 1);
            CandidateEdges candidates = new CandidateIndex(pool, new Scorer(ScoringWeights.defaults()))
                    .candidates(requests, k);
            problem = problem(requests.size(), pool, candidates);
            System.out.printf(Locale.ROOT, "instance mentees=%d mentors=%d k=%d seed=%d", mentees, mentors, k, seed);
        }
        System.out.printf(Locale.ROOT, " slots=%d edges=%d cores=%d maxHeapMb=%d%n",
                Arrays.stream(problem.mentorCapacity()).asLongStream().sum(), problem.edges(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<long[]> timings = new ArrayList<>();
        Assignment old = null;
        Assignment phased = null;
        for (int run = 1; run <= runs; run++) {
            // Alternating, and in the other order every other run, so that drift in the machine's load and
            // the JIT's warm-up fall on both alike.
            boolean oldFirst = run % 2 == 1;
            long t0 = System.nanoTime();
            Assignment first = oldFirst ? MinCostFlowSolver.solve(problem) : PrimalDualSolver.solve(problem);
            long t1 = System.nanoTime();
            Assignment second = oldFirst ? PrimalDualSolver.solve(problem) : MinCostFlowSolver.solve(problem);
            long t2 = System.nanoTime();
            old = oldFirst ? first : second;
            phased = oldFirst ? second : first;
            long oldMs = oldFirst ? ms(t0, t1) : ms(t1, t2);
            long phasedMs = oldFirst ? ms(t1, t2) : ms(t0, t1);
            timings.add(new long[] {oldMs, phasedMs});
            System.out.printf(Locale.ROOT, "run %d (%s first): rowByRowMs=%d phasedMs=%d ratio=%.2f matched=%d/%d "
                              + "total=%d/%d%n", run, oldFirst ? "row-by-row" : "phased", oldMs, phasedMs,
                    (double) phasedMs / oldMs, old.matched(), phased.matched(), old.totalScore(), phased.totalScore());
        }
        long oldMedian = median(timings, 0);
        long phasedMedian = median(timings, 1);
        System.out.printf(Locale.ROOT, "median rowByRowMs=%d phasedMs=%d ratio phased/rowByRow=%.2f speedup=%.2fx%n",
                oldMedian, phasedMedian, (double) phasedMedian / oldMedian, (double) oldMedian / phasedMedian);
        System.out.printf(Locale.ROOT, "objective equal=%s rowByRow matched=%d total=%d | phased matched=%d total=%d%n",
                old.compareObjective(phased) == 0, old.matched(), old.totalScore(), phased.matched(),
                phased.totalScore());
        OptimalityCertificate.Verdict oldVerdict = OptimalityCertificate.check(problem, old);
        OptimalityCertificate.Verdict phasedVerdict = OptimalityCertificate.check(problem, phased);
        System.out.printf(Locale.ROOT, "certificate rowByRow optimal=%s | phased optimal=%s %s%n", oldVerdict.optimal(),
                phasedVerdict.optimal(), phasedVerdict.reason());
        if (old.compareObjective(phased) != 0 || !oldVerdict.optimal() || !phasedVerdict.optimal()) {
            System.exit(1);
        }
    }

    private static void generate(Map<String, String> options) throws IOException {
        int mentees = Integer.parseInt(options.getOrDefault("mentees", "10000"));
        int mentors = Integer.parseInt(options.getOrDefault("mentors", "2000"));
        int k = Integer.parseInt(options.getOrDefault("k", "30"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int queries = Integer.parseInt(options.getOrDefault("queries", "2000"));

        List<MentorCandidate> pool = SyntheticPool.mentors(mentors, seed);
        List<MenteeRequest> requests = SyntheticPool.requests(mentees, seed + 1);
        int slots = pool.stream().mapToInt(MentorCandidate::freeSlots).sum();
        System.out.printf(Locale.ROOT, "instance mentees=%d mentors=%d slots=%d k=%d seed=%d cores=%d maxHeapMb=%d%n",
                mentees, mentors, slots, k, seed, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);

        Scorer scorer = new Scorer(ScoringWeights.defaults());
        List<long[]> timings = new ArrayList<>();
        AssignmentProblem problem = null;
        Assignment exact = null;
        Assignment greedy = null;
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            CandidateIndex index = new CandidateIndex(pool, scorer);
            CandidateEdges candidates = index.candidates(requests, k);
            problem = problem(requests.size(), pool, candidates);
            long t1 = System.nanoTime();
            exact = ExactSolver.solve(problem);
            long t2 = System.nanoTime();
            greedy = GreedySolver.solve(problem);
            long t3 = System.nanoTime();
            long[] t = {ms(t0, t1), ms(t1, t2), ms(t0, t2), ms(t2, t3)};
            timings.add(t);
            System.out.printf(Locale.ROOT, "run %d: candidatesMs=%d solveMs=%d roundMs=%d greedyMs=%d edges=%d "
                              + "matched=%d total=%d greedyMatched=%d greedyTotal=%d%n", run, t[0], t[1], t[2], t[3],
                    problem.edges(), exact.matched(), exact.totalScore(), greedy.matched(), greedy.totalScore());
        }
        System.out.printf(Locale.ROOT, "median candidatesMs=%d solveMs=%d roundMs=%d greedyMs=%d%n",
                median(timings, 0), median(timings, 1), median(timings, 2), median(timings, 3));
        System.out.printf(Locale.ROOT, "objective exact matched=%d total=%d | greedy matched=%d total=%d | "
                          + "extra matched=%d (%.2f%%) extra score=%d (%.2f%%)%n", exact.matched(), exact.totalScore(),
                greedy.matched(), greedy.totalScore(), exact.matched() - greedy.matched(),
                percent(exact.matched() - greedy.matched(), greedy.matched()), exact.totalScore() - greedy.totalScore(),
                percent(exact.totalScore() - greedy.totalScore(), greedy.totalScore()));
        System.out.printf(Locale.ROOT, "peakHeapMb=%d%n", peakHeapMb());
        if (options.containsKey("certify")) {
            long c0 = System.nanoTime();
            OptimalityCertificate.Verdict verdict = OptimalityCertificate.check(problem, exact);
            System.out.printf(Locale.ROOT, "certificate optimal=%s checkMs=%d %s%n", verdict.optimal(),
                    ms(c0, System.nanoTime()), verdict.reason());
        }
        topFiveLatency(pool, requests, scorer, queries, seed);
        if (options.containsKey("write-edges")) {
            EdgeListFile.write(problem, Path.of(options.get("write-edges")));
            System.out.println("edges written to " + options.get("write-edges"));
        }
    }

    /** The candidates endpoint's work: one request's top 5 against the whole mentor index. */
    private static void topFiveLatency(List<MentorCandidate> pool, List<MenteeRequest> requests, Scorer scorer,
                                       int queries, long seed) {
        CandidateIndex index = new CandidateIndex(pool, scorer);
        Random random = new Random(seed);
        for (int i = 0; i < Math.min(queries, 500); i++) {
            index.topK(requests.get(random.nextInt(requests.size())), 5);
        }
        long[] nanos = new long[queries];
        for (int i = 0; i < queries; i++) {
            MenteeRequest request = requests.get(random.nextInt(requests.size()));
            long t0 = System.nanoTime();
            index.topK(request, 5);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "top5 queries=%d mentors=%d p50Ms=%.3f p99Ms=%.3f maxMs=%.3f%n", queries,
                pool.size(), nanos[queries / 2] / 1e6, nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6,
                nanos[queries - 1] / 1e6);
    }

    private static AssignmentProblem problem(int mentees, List<MentorCandidate> pool, CandidateEdges candidates) {
        int edges = candidates.edgeCount();
        int[] edgeMentee = new int[edges];
        int[] edgeMentor = new int[edges];
        int[] edgeScore = new int[edges];
        for (int r = 0; r < mentees; r++) {
            for (int e = candidates.firstEdge(r); e < candidates.endEdge(r); e++) {
                edgeMentee[e] = r;
                edgeMentor[e] = candidates.mentorIndex(e);
                edgeScore[e] = candidates.score(e);
            }
        }
        int[] capacity = pool.stream().mapToInt(m -> Math.max(0, m.freeSlots())).toArray();
        return new AssignmentProblem(mentees, capacity, edgeMentee, edgeMentor, edgeScore);
    }



    private static double percent(long delta, long base) {
        return base == 0 ? 0 : 100.0 * delta / base;
    }


    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage();
            }
            String name = args[i].substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                options.put(name, args[++i]);
            } else {
                options.put(name, "true");
            }
        }
        return options;
    }

    private static void usage() {
        System.err.println("""
                usage: scripts/match-bench generate --mentees N --mentors M [--k 30] [--seed 1] [--runs 5]
                                                    [--queries 2000] [--certify] [--write-edges FILE]
                       scripts/match-bench solve --edges FILE
                       scripts/match-bench compare (--mentees N --mentors M [--k 30] [--seed 1] | --edges FILE)
                                                   [--runs 5]""");
        System.exit(2);
    }
}
