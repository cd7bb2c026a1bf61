package org.lexnet.matching.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** What the matching benchmarks report about a run: peak heap, medians of timed columns, milliseconds. */
final class BenchFigures {

    private BenchFigures() {
    }

    /** The highest heap use the JVM saw, in MB, summed over its heap pools. */
    static long peakHeapMb() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }

    /** The median of one column of the runs' timings (the upper one of an even count). */
    static long median(List<long[]> timings, int column) {
        long[] values = timings.stream().mapToLong(t -> t[column]).sorted().toArray();
        return values[values.length / 2];
    }

    static long ms(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }
}
