package org.lexnet.matching.circles;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The seekers of one round as flat arrays, so that the engine can score millions of pairs without
 * touching a string: codes become bits (one bit per distinct code, in sorted order), regions become
 * numbers, slots a three-bit mask.
 */
final class SeekerTable {

    static final int NO_REGION = -1;

    final List<CircleSeeker> seekers;
    final int size;
    final int[] stage;
    /** Bit {@code lo} set when the seeker fits the band {@code lo, lo + 1} (lo = 0..2). */
    final int[] bands;
    /** Bit {@link MeetingSlot#ordinal()} set per free slot. */
    final int[] slots;
    final int[] region;
    final boolean[] remote;
    final List<String> regionNames;

    private final Bits focus;
    private final Bits areas;
    private final Bits sectors;

    SeekerTable(List<CircleSeeker> seekers) {
        this.seekers = List.copyOf(seekers);
        this.size = seekers.size();
        stage = new int[size];
        bands = new int[size];
        slots = new int[size];
        region = new int[size];
        remote = new boolean[size];
        TreeSet<String> regions = new TreeSet<>();
        for (CircleSeeker seeker : seekers) {
            if (seeker.region() != null) {
                regions.add(seeker.region());
            }
        }
        regionNames = List.copyOf(regions);
        Map<String, Integer> regionIds = new HashMap<>();
        for (String name : regionNames) {
            regionIds.put(name, regionIds.size());
        }
        for (int i = 0; i < size; i++) {
            CircleSeeker seeker = seekers.get(i);
            stage[i] = seeker.stage();
            bands[i] = bandsOf(seeker.stage());
            slots[i] = slotMask(seeker.slots());
            region[i] = seeker.region() == null ? NO_REGION : regionIds.get(seeker.region());
            remote[i] = seeker.remote();
        }
        focus = new Bits(seekers.stream().map(CircleSeeker::focus).toList());
        areas = new Bits(seekers.stream().map(CircleSeeker::areas).toList());
        sectors = new Bits(seekers.stream().map(CircleSeeker::sectors).toList());
    }

    static int bandsOf(int stage) {
        // Band lo holds stages lo and lo + 1; stage s is in bands s - 1 and s, where they exist (0..2).
        int mask = 0;
        if (stage >= 1) {
            mask |= 1 << (stage - 1);
        }
        if (stage <= 2) {
            mask |= 1 << stage;
        }
        return mask;
    }

    static int slotMask(Collection<MeetingSlot> slots) {
        int mask = 0;
        for (MeetingSlot slot : slots) {
            mask |= 1 << slot.ordinal();
        }
        return mask;
    }

    /** Whether the two could share some circle: adjacent stages, a common slot, and a common format. */
    boolean compatible(int i, int j) {
        return (bands[i] & bands[j]) != 0 && (slots[i] & slots[j]) != 0
                && ((region[i] != NO_REGION && region[i] == region[j]) || (remote[i] && remote[j]));
    }

    /** {@link CircleFit#pairScore} on the arrays. */
    int pairScore(int i, int j) {
        int score = CircleFit.PEER + CircleFit.SHARED_FOCUS * focus.common(i, j)
                + CircleFit.SHARED_AREA * areas.common(i, j);
        if (region[i] != NO_REGION && region[i] == region[j]) {
            score += CircleFit.SAME_REGION;
        }
        if (sectors.any(i) && sectors.any(j) && sectors.common(i, j) == 0) {
            score += CircleFit.DIFFERENT_SECTORS;
        }
        return score;
    }

    /** Sum of pair scores among {@code members[0..count)}. */
    long pairSum(int[] members, int count) {
        long sum = 0;
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                sum += pairScore(members[a], members[b]);
            }
        }
        return sum;
    }

    /** Sum of {@code i}'s pair scores with {@code members[0..count)}, skipping {@code i} and {@code skip}. */
    long scoreWith(int i, int[] members, int count, int skip) {
        long sum = 0;
        for (int a = 0; a < count; a++) {
            int m = members[a];
            if (m != i && m != skip) {
                sum += pairScore(i, m);
            }
        }
        return sum;
    }

    /** Codes as bits, {@code words} longs per seeker. */
    private static final class Bits {
        private final int words;
        private final long[] bits;

        Bits(List<Set<String>> sets) {
            TreeSet<String> codes = new TreeSet<>();
            sets.forEach(codes::addAll);
            Map<String, Integer> ids = new HashMap<>();
            for (String code : codes) {
                ids.put(code, ids.size());
            }
            words = Math.max(1, (codes.size() + 63) / 64);
            bits = new long[sets.size() * words];
            for (int i = 0; i < sets.size(); i++) {
                for (String code : sets.get(i)) {
                    int id = ids.get(code);
                    bits[i * words + (id >>> 6)] |= 1L << (id & 63);
                }
            }
        }

        int common(int i, int j) {
            if (words == 1) {
                return Long.bitCount(bits[i] & bits[j]);
            }
            int count = 0;
            for (int w = 0; w < words; w++) {
                count += Long.bitCount(bits[i * words + w] & bits[j * words + w]);
            }
            return count;
        }

        boolean any(int i) {
            for (int w = 0; w < words; w++) {
                if (bits[i * words + w] != 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
