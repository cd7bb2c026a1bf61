package org.lexnet.app.privacy.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary of {@code scripts/command-bench --compare}: reads the {@code result} lines of alternating
 * baseline and measured runs (or side by side ones), and prints every run, the median of each figure per
 * jar, the ratio measured/baseline of each round and their median, which is held against the budget
 * (throughput may drop by at most {@link #BUDGET_PERCENT} %).
 */
public final class CommandBenchComparison {

    static final double BUDGET_PERCENT = 10;
    private static final List<String> THROUGHPUTS = List.of("overall", "profile", "lived-experience",
            "connection-request", "withdrawal");
    private static final List<String> COLUMNS = List.of("overall", "profile", "lived-experience",
            "connection-request", "withdrawal", "cpu-ms-per-command", "others-cores", "load", "failed");
    private static final List<String> LATENCIES = List.of("p50-profile", "p50-lived-experience",
            "p50-connection-request", "p50-withdrawal");

    private CommandBenchComparison() {
    }

    public static void main(String[] args) throws Exception {
        List<Map<String, String>> runs = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.startsWith("result ")) {
                continue;
            }
            Map<String, String> run = new LinkedHashMap<>();
            for (String field : line.substring("result ".length()).trim().split("\\s+")) {
                int eq = field.indexOf('=');
                run.put(field.substring(0, eq), field.substring(eq + 1));
            }
            runs.add(run);
        }

        System.out.println("throughput (2xx per second), server CPU per command (ms), other processes' CPU (cores), "
                           + "load average at the end");
        Map<String, Double> baseline = medians(runs, "baseline", COLUMNS);
        Map<String, Double> measured = medians(runs, "measured", COLUMNS);
        table(runs, COLUMNS, baseline, measured);
        System.out.println("latency p50 per kind (ms)");
        table(runs, LATENCIES, medians(runs, "baseline", LATENCIES), medians(runs, "measured", LATENCIES));

        StringBuilder ratios = new StringBuilder("ratio measured/baseline of the medians:");
        for (String column : THROUGHPUTS) {
            if (baseline.get(column).isNaN()) {
                continue;
            }
            ratios.append(String.format(Locale.ROOT, " %s %.3f", column, measured.get(column) / baseline.get(column)));
        }
        ratios.append(String.format(Locale.ROOT, "; CPU per command %.3f",
                measured.get("cpu-ms-per-command") / baseline.get("cpu-ms-per-command")));
        System.out.println(ratios);
        // each measured run against the baseline run of the same round (just before it, or beside it): the
        // load of the machine drifts less within one round than across the whole comparison
        List<Double> paired = new ArrayList<>();
        List<Double> pairedCpu = new ArrayList<>();
        StringBuilder rounds = new StringBuilder("overall measured/baseline per round:");
        StringBuilder cpuRounds = new StringBuilder("CPU per command measured/baseline per round:");
        for (Map<String, String> run : runs) {
            if (!"measured".equals(run.get("jar"))) {
                continue;
            }
            runs.stream().filter(b -> "baseline".equals(b.get("jar")) && run.get("run").equals(b.get("run")))
                    .findFirst().ifPresent(b -> {
                        double ratio = Double.parseDouble(run.get("overall")) / Double.parseDouble(b.get("overall"));
                        paired.add(ratio);
                        rounds.append(String.format(Locale.ROOT, " %s: %.3f", run.get("run"), ratio));
                        if (run.containsKey("cpu-ms-per-command") && b.containsKey("cpu-ms-per-command")) {
                            double cpu = Double.parseDouble(run.get("cpu-ms-per-command"))
                                         / Double.parseDouble(b.get("cpu-ms-per-command"));
                            pairedCpu.add(cpu);
                            cpuRounds.append(String.format(Locale.ROOT, " %s: %.3f", run.get("run"), cpu));
                        }
                    });
        }
        System.out.println(rounds + String.format(Locale.ROOT, "; median %.3f", median(paired)));
        if (!pairedCpu.isEmpty()) {
            System.out.println(cpuRounds + String.format(Locale.ROOT, "; median %.3f", median(pairedCpu)));
        }
        // the verdict goes by the rounds' own ratios: from one round to the next the machine's load moves the
        // throughput of both jars far more than the jars differ, and a ratio of medians taken from different
        // rounds mixes those loads in
        double change = (median(paired) - 1) * 100;
        System.out.printf(Locale.ROOT, "overall throughput %+.1f %% against the baseline (median of the rounds' "
                                       + "ratios): %s the %.0f %% budget%n",
                change, change >= -BUDGET_PERCENT ? "within" : "OUTSIDE", BUDGET_PERCENT);
    }

    private static void table(List<Map<String, String>> runs, List<String> columns, Map<String, Double> baseline,
                              Map<String, Double> measured) {
        StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "%-4s %-9s", "run", "jar"));
        columns.forEach(c -> header.append(String.format(Locale.ROOT, " %18s", c)));
        System.out.println(header);
        for (Map<String, String> run : runs) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-4s %-9s", run.get("run"),
                    run.get("jar")));
            columns.forEach(c -> row.append(String.format(Locale.ROOT, " %18s", run.getOrDefault(c, "-"))));
            System.out.println(row);
        }
        for (Map.Entry<String, Map<String, Double>> jar : List.of(Map.entry("baseline", baseline),
                Map.entry("measured", measured))) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-4s %-9s", "med", jar.getKey()));
            columns.forEach(c -> row.append(String.format(Locale.ROOT, " %18s", format(jar.getValue().get(c)))));
            System.out.println(row);
        }
    }

    private static Map<String, Double> medians(List<Map<String, String>> runs, String jar, List<String> columns) {
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String column : columns) {
            List<Double> values = new ArrayList<>();
            for (Map<String, String> run : runs) {
                if (jar.equals(run.get("jar")) && run.containsKey(column)) {
                    values.add(Double.parseDouble(run.get(column)));
                }
            }
            medians.put(column, median(values));
        }
        return medians;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String format(Double value) {
        return value == null || value.isNaN() ? "-" : String.format(Locale.ROOT, "%.2f", value);
    }
}
