package org.lexnet.matching.bench;

import org.lexnet.matching.circles.CircleFormation;
import org.lexnet.matching.circles.CircleSeeker;
import org.lexnet.matching.circles.FacilitatorOffer;
import org.lexnet.matching.circles.FormationResult;
import org.lexnet.matching.circles.FormedCircle;
import org.lexnet.matching.circles.GreedyCircleFormation;
import org.lexnet.matching.circles.PairingBound;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import static org.lexnet.matching.bench.BenchFigures.median;
import static org.lexnet.matching.bench.BenchFigures.ms;
import static org.lexnet.matching.bench.BenchFigures.peakHeapMb;

/**
 * The circle formation benchmark behind {@code scripts/circle-bench} (README, docs/benchmarks.md): on one
 * synthetic pool, times {@link CircleFormation} and the {@link GreedyCircleFormation} baseline {@code runs}
 * times each, alternating, and reports both totals against the tighter of the engine's upper bound and the
 * {@link PairingBound}.
 *
 * <pre>
 * [--seekers 10000] [--facilitators 500] [--seed 1] [--runs 5] [--sweeps 6]
 * </pre>
 */
public final class CircleBench {

    /** CPU time of this thread: on a shared machine it shows the work apart from the wait for a core. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    private CircleBench() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        int seekerCount = Integer.parseInt(options.getOrDefault("seekers", "10000"));
        int facilitatorCount = Integer.parseInt(options.getOrDefault("facilitators", "500"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        int sweeps = Integer.parseInt(options.getOrDefault("sweeps", "6"));
        List<CircleSeeker> seekers = SyntheticPool.circleSeekers(seekerCount, seed);
        List<FacilitatorOffer> facilitators = SyntheticPool.facilitators(facilitatorCount, seed + 1);
        System.out.printf(Locale.ROOT, "instance seekers=%d facilitators=%d facilitatorCapacity=%d seed=%d cores=%d "
                          + "maxHeapMb=%d%n", seekerCount, facilitatorCount,
                facilitators.stream().mapToInt(FacilitatorOffer::capacity).sum(), seed,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<long[]> timings = new ArrayList<>();
        FormationResult engine = null;
        FormationResult greedy = null;
        for (int run = 1; run <= runs; run++) {
            // Alternating, and in the other order every other run, so that drift in the machine's load and
            // the JIT's warm-up fall on both alike.
            boolean engineFirst = run % 2 == 1;
            long c0 = CPU.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            FormationResult first = engineFirst ? CircleFormation.form(seekers, facilitators)
                    : GreedyCircleFormation.form(seekers, facilitators);
            long t1 = System.nanoTime();
            long c1 = CPU.getCurrentThreadCpuTime();
            FormationResult second = engineFirst ? GreedyCircleFormation.form(seekers, facilitators)
                    : CircleFormation.form(seekers, facilitators);
            long t2 = System.nanoTime();
            long c2 = CPU.getCurrentThreadCpuTime();
            FormationResult thisEngine = engineFirst ? first : second;
            if (engine != null && !engine.equals(thisEngine)) {
                throw new IllegalStateException("the engine gave a different result on the same input");
            }
            engine = thisEngine;
            greedy = engineFirst ? second : first;
            long engineMs = engineFirst ? ms(t0, t1) : ms(t1, t2);
            long greedyMs = engineFirst ? ms(t1, t2) : ms(t0, t1);
            long engineCpuMs = engineFirst ? ms(c0, c1) : ms(c1, c2);
            long greedyCpuMs = engineFirst ? ms(c1, c2) : ms(c0, c1);
            timings.add(new long[] {engineMs, greedyMs, engineCpuMs, greedyCpuMs});
            System.out.printf(Locale.ROOT, "run %d (%s first): formMs=%d (cpu %d) greedyMs=%d (cpu %d) fit=%.1f "
                              + "greedyFit=%.1f%n", run, engineFirst ? "engine" : "greedy", engineMs, engineCpuMs,
                    greedyMs, greedyCpuMs, engine.totalFit(), greedy.totalFit());
        }
        System.out.printf(Locale.ROOT, "median formMs=%d greedyMs=%d | cpu formMs=%d greedyMs=%d%n",
                median(timings, 0), median(timings, 1), median(timings, 2), median(timings, 3));
        long b0 = System.nanoTime();
        double pairingBound = PairingBound.of(seekers, sweeps);
        double bound = Math.min(Objects.requireNonNull(engine).upperBound(), pairingBound);
        System.out.printf(Locale.ROOT, "bounds perSeeker=%.1f pairing(%d sweeps)=%.1f boundMs=%d -> using %.1f%n",
                engine.upperBound(), sweeps, pairingBound, ms(b0, System.nanoTime()), bound);
        System.out.printf(Locale.ROOT, "fit engine=%.1f greedy=%.1f upperBound=%.1f | engine/bound=%.2f%% "
                          + "gap=%.2f%% | greedy/bound=%.2f%% | engine over greedy=+%.2f%%%n", engine.totalFit(),
                greedy.totalFit(), bound, 100 * engine.totalFit() / bound, 100 * (1 - engine.totalFit() / bound),
                100 * greedy.totalFit() / bound, 100 * (engine.totalFit() / greedy.totalFit() - 1));
        describe("engine", engine);
        describe("greedy", greedy);
        System.out.printf(Locale.ROOT, "peakHeapMb=%d%n", peakHeapMb());
    }

    private static void describe(String name, FormationResult result) {
        int[] sizes = new int[9];
        long facilitated = 0;
        long placed = 0;
        for (FormedCircle circle : result.circles()) {
            sizes[circle.memberIds().size()]++;
            placed += circle.memberIds().size();
            facilitated += circle.facilitatorId() == null ? 0 : 1;
        }
        Map<String, Integer> reasons = new HashMap<>();
        result.waiting().forEach(w -> reasons.merge(w.reason(), 1, Integer::sum));
        System.out.printf(Locale.ROOT, "%s circles=%d placed=%d waiting=%d facilitated=%d sizes4..8=%s%n", name,
                result.circles().size(), placed, result.waiting().size(), facilitated,
                Arrays.toString(Arrays.copyOfRange(sizes, 4, 9)));
        reasons.entrySet().stream().sorted(Map.Entry.comparingByValue((a, b) -> b - a))
                .forEach(e -> System.out.printf(Locale.ROOT, "  %s waiting: %d %s%n", name, e.getValue(), e.getKey()));
    }




    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                System.err.println("usage: scripts/circle-bench [--seekers 10000] [--facilitators 500] [--seed 1] "
                                   + "[--runs 5] [--sweeps 6]");
                System.exit(2);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
