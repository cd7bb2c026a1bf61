package org.lexnet.matching.model;

import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.coreapi.mentorship.PairingEligibility;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Finds the best k mentors for a request without scoring every mentor. Built once from a snapshot of
 * mentors; immutable afterwards, so one index can serve any number of threads.
 *
 * <p>The mentors are grouped twice: by stage rank and exact set of lived-experience areas, and by
 * stage rank and exact set of strengths. A request searches the grouping whose codes can move its
 * score most (its areas or its needs). Through an inverted index (code → groups) it counts, for each
 * group holding at least one of the request's codes, how many it holds; that sorts the groups into
 * tiers whose points for that criterion are exact. Each group of an opened tier gets an upper bound of
 * what any of its mentors could score: exact for the stage gap and the tier's criterion, and for the
 * others what the group holds together (the union of its other codes, its regions, sectors and
 * mentored stages). Groups are visited best bound first and every mentor of a visited group is scored
 * exactly. A tier is opened only when its own bound could still matter. The search stops once k
 * candidates are held and neither the next group nor the next tier can reach the k-th best score, so
 * nothing unvisited can beat or tie it: the result equals scoring everyone and sorting by score, then
 * mentor id (docs/matching.md has the argument).
 *
 * <p>Each group and each mentor is one row of a {@code long[]}, so a bound or a score reads one or two
 * cache lines, and points come from tables filled by {@link ScoringWeights}'s formulas, so that they
 * are looked up rather than branched on. {@link #topK} returns the {@link Scorer}'s full breakdown and
 * checks that the totals agree.
 */
public final class CandidateIndex {

    /** Requests per parallel task in {@link #candidates}: enough to reuse one task's search buffers. */
    private static final int REQUESTS_PER_TASK = 256;

    // Flags in a group row's header.
    private static final long ANY_REMOTE = 1;
    private static final long ANY_NAMED_SECTORS = 2;
    private static final long ANY_OPEN_TO_ALL_STAGES = 4;

    private final List<MentorCandidate> mentors;
    private final Scorer scorer;
    private final ScoringWeights weights;

    private final Map<String, Integer> areaBit;
    private final Map<String, Integer> strengthBit;
    private final Map<String, Integer> sectorBit;
    private final Map<String, Integer> regionBit;
    private final Map<Integer, Integer> mentoredRankBit;
    /** Indexed mentors are numbered by id order, which also breaks ties between equal scores. */
    private final Map<String, Integer> idOrderOfMentorId;
    private final int[] mentorIndexOfIdOrder;

    // A mentor row: [rank << 32 | id order][region + 1 << 1 | remote][areas][strengths][sectors][mentored stages]
    // [responsiveness points]
    private final int areaWords;
    private final int strengthWords;
    private final int sectorWords;
    private final int mentoredWords;
    private final int mentorAreas;
    private final int mentorStrengths;
    private final int mentorSectors;
    private final int mentorMentored;
    private final int mentorResponsive;
    private final int mentorStride;
    /** The most responsiveness points any indexed mentor gets: part of every tier's bound. */
    private final int mostResponsive;

    private final Partition byAreas;
    private final Partition byStrengths;

    // The points of ScoringWeights as tables, so that bounds and scores index instead of branching.
    /** By number of shared areas, for a mentee who asked for shared experience. */
    private final int[] sharedPoints;
    /** All zero: a mentee with no preference for shared experience gets no points for it. */
    private final int[] noSharedPoints;
    private final int[] needPoints;
    /** By same region << 1 | both remote. */
    private final int[] locationPoints;
    /** By mentor named no stages << 1 | mentor named the mentee's stage. */
    private final int[] mentoredStagePoints;
    /** By both named sectors << 1 | overlap, without and with a crossSector request. */
    private final int[] sectorPoints;
    private final int[] crossSectorPoints;

    /**
     * Indexes the mentors who can take a mentee now (accepting, at least one free slot); the others can
     * never pass the hard filters. Mentor ids must be unique.
     */
    public CandidateIndex(List<MentorCandidate> mentors, Scorer scorer) {
        this.mentors = List.copyOf(mentors);
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.weights = scorer.weights();

        List<Integer> indexed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        TreeSet<String> areaCodes = new TreeSet<>();
        TreeSet<String> strengthCodes = new TreeSet<>();
        TreeSet<String> sectorCodes = new TreeSet<>();
        TreeSet<String> regionCodes = new TreeSet<>();
        TreeSet<Integer> mentoredRanks = new TreeSet<>();
        for (int i = 0; i < this.mentors.size(); i++) {
            MentorCandidate mentor = this.mentors.get(i);
            if (!seen.add(mentor.mentorId())) {
                throw new IllegalArgumentException("mentor " + mentor.mentorId() + " appears twice");
            }
            if (PairingEligibility.mentorRefusal(mentor.facts(), false).isPresent()) {
                continue;
            }
            indexed.add(i);
            mentor.areas().forEach((area, consent) -> {
                if (Scorer.usableForMatching(consent)) {
                    areaCodes.add(area);
                }
            });
            strengthCodes.addAll(mentor.strengths());
            sectorCodes.addAll(mentor.sectors());
            if (mentor.region() != null) {
                regionCodes.add(mentor.region());
            }
            mentoredRanks.addAll(mentor.mentoredStageRanks());
        }
        // Codes are numbered in sorted order, so the same mentors give the same index on every run.
        areaBit = numbered(areaCodes);
        strengthBit = numbered(strengthCodes);
        sectorBit = numbered(sectorCodes);
        regionBit = numbered(regionCodes);
        mentoredRankBit = numbered(mentoredRanks);

        indexed.sort(Comparator.comparing(i -> this.mentors.get(i).mentorId()));
        mentorIndexOfIdOrder = indexed.stream().mapToInt(Integer::intValue).toArray();
        idOrderOfMentorId = new HashMap<>();
        for (int order = 0; order < mentorIndexOfIdOrder.length; order++) {
            idOrderOfMentorId.put(this.mentors.get(mentorIndexOfIdOrder[order]).mentorId(), order);
        }

        areaWords = words(areaBit.size());
        strengthWords = words(strengthBit.size());
        sectorWords = words(sectorBit.size());
        mentoredWords = words(mentoredRankBit.size());
        mentorAreas = 2;
        mentorStrengths = mentorAreas + areaWords;
        mentorSectors = mentorStrengths + strengthWords;
        mentorMentored = mentorSectors + sectorWords;
        mentorResponsive = mentorMentored + mentoredWords;
        mentorStride = mentorResponsive + 1;
        long[] rows = new long[mentorIndexOfIdOrder.length * mentorStride];
        int responsive = 0;
        for (int order = 0; order < mentorIndexOfIdOrder.length; order++) {
            writeMentorRow(rows, order * mentorStride, order, this.mentors.get(mentorIndexOfIdOrder[order]));
            responsive = Math.max(responsive, (int) rows[order * mentorStride + mentorResponsive]);
        }
        mostResponsive = responsive;

        sharedPoints = new int[areaBit.size() + 1];
        noSharedPoints = new int[areaBit.size() + 1];
        for (int shared = 0; shared <= areaBit.size(); shared++) {
            sharedPoints[shared] = weights.sharedExperiencePoints(shared, SharedExperience.PREFERRED);
        }
        needPoints = new int[strengthBit.size() + 1];
        for (int covered = 0; covered <= strengthBit.size(); covered++) {
            needPoints[covered] = weights.needsPoints(covered);
        }
        locationPoints = new int[4];
        mentoredStagePoints = new int[4];
        sectorPoints = new int[4];
        crossSectorPoints = new int[4];
        for (int i = 0; i < 4; i++) {
            boolean high = (i & 2) != 0;
            boolean low = (i & 1) != 0;
            locationPoints[i] = weights.locationPoints(high, low);
            mentoredStagePoints[i] = weights.mentoredStagePoints(high, low);
            sectorPoints[i] = weights.sectorPoints(false, high, low);
            crossSectorPoints[i] = weights.sectorPoints(true, high, low);
        }

        byAreas = new Partition(rows, mentorAreas, areaWords, areaBit.size(), mentorStrengths, strengthWords);
        byStrengths = new Partition(rows, mentorStrengths, strengthWords, strengthBit.size(), mentorAreas, areaWords);
    }

    /** How many mentors the index holds: those accepting mentees with a free slot. */
    public int size() {
        return mentorIndexOfIdOrder.length;
    }

    /**
     * The best {@code k} mentors the hard filters allow for this request, best first: by score, then by
     * mentor id. Fewer when fewer are allowed.
     */
    public List<Candidate> topK(MenteeRequest request, int k) {
        requireK(k);
        Search search = new Search();
        int found = search.run(request, k);
        List<Candidate> candidates = new ArrayList<>(found);
        for (int i = 0; i < found; i++) {
            int index = search.resultMentorIndex[i];
            MentorCandidate mentor = mentors.get(index);
            Score score = scorer.score(request, mentor).orElseThrow(() -> new IllegalStateException(
                    "the index found " + mentor.mentorId() + ", which the hard filters rule out"));
            if (score.total() != search.resultScore[i]) {
                throw new IllegalStateException("the index scored " + mentor.mentorId() + " "
                        + search.resultScore[i] + ", the scorer " + score.total());
            }
            candidates.add(new Candidate(mentor, index, score));
        }
        return List.copyOf(candidates);
    }

    /**
     * The best {@code k} mentors of every request in compact form, computed in parallel on the common
     * fork-join pool: for each request the same mentors, order and totals as {@link #topK}.
     */
    public CandidateEdges candidates(List<MenteeRequest> requests, int k) {
        requireK(k);
        int n = requests.size();
        int[] counts = new int[n];
        int[] mentorIndexes = new int[Math.multiplyExact(n, k)];
        int[] scores = new int[mentorIndexes.length];
        int tasks = (n + REQUESTS_PER_TASK - 1) / REQUESTS_PER_TASK;
        long[] scoredPerTask = new long[tasks];
        IntStream.range(0, tasks).parallel().forEach(task -> {
            Search search = new Search();
            for (int r = task * REQUESTS_PER_TASK; r < Math.min(n, (task + 1) * REQUESTS_PER_TASK); r++) {
                int found = search.run(requests.get(r), k);
                counts[r] = found;
                System.arraycopy(search.resultMentorIndex, 0, mentorIndexes, r * k, found);
                System.arraycopy(search.resultScore, 0, scores, r * k, found);
            }
            scoredPerTask[task] = search.mentorsScored;
        });
        int[] offsets = new int[n + 1];
        for (int r = 0; r < n; r++) {
            offsets[r + 1] = offsets[r] + counts[r];
        }
        int[] edgeMentors = new int[offsets[n]];
        int[] edgeScores = new int[offsets[n]];
        for (int r = 0; r < n; r++) {
            System.arraycopy(mentorIndexes, r * k, edgeMentors, offsets[r], counts[r]);
            System.arraycopy(scores, r * k, edgeScores, offsets[r], counts[r]);
        }
        return new CandidateEdges(offsets, edgeMentors, edgeScores, Arrays.stream(scoredPerTask).sum());
    }

    private void writeMentorRow(long[] rows, int at, int idOrder, MentorCandidate mentor) {
        int region = mentor.region() == null ? -1 : regionBit.get(mentor.region());
        rows[at] = ((long) mentor.stageRank() << 32) | idOrder;
        rows[at + 1] = ((long) (region + 1) << 1) | (mentor.remote() ? 1 : 0);
        mentor.areas().forEach((area, consent) -> {
            if (Scorer.usableForMatching(consent)) {
                setBit(rows, at + mentorAreas, areaBit.get(area));
            }
        });
        mentor.strengths().forEach(strength -> setBit(rows, at + mentorStrengths, strengthBit.get(strength)));
        mentor.sectors().forEach(sector -> setBit(rows, at + mentorSectors, sectorBit.get(sector)));
        mentor.mentoredStageRanks().forEach(rank -> setBit(rows, at + mentorMentored, mentoredRankBit.get(rank)));
        rows[at + mentorResponsive] = weights.responsivenessPoints(mentor.responsiveness());
    }

    private static void requireK(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("k must not be negative, was " + k);
        }
    }

    private static <T> Map<T, Integer> numbered(TreeSet<T> codes) {
        Map<T, Integer> numbers = new HashMap<>();
        for (T code : codes) {
            numbers.put(code, numbers.size());
        }
        return numbers;
    }

    /**
     * The indexed mentors grouped by stage rank and the exact set of codes of one criterion (the key),
     * with each group's row for the bounds, the mentor rows in group order, and the groups holding each
     * key code.
     */
    private final class Partition {
        /** Mentor rows (see the index's layout), group after group. */
        final long[] mentorRows;
        /** Mentor rows {@code groupStart[g]} up to {@code groupStart[g + 1]} (exclusive) make group g. */
        final int[] groupStart;
        final int[] groupRank;
        /** Key code → the groups whose key holds it, ascending; groups ascend by stage rank. */
        final int[][] postings;
        /**
         * A group row: [rank << 32 | most other codes one mentor holds << 8 | flags][union of other codes]
         * [regions][union of sectors][sectors common to all who named any][union of mentored stages]
         * [the most responsiveness points of its mentors]
         */
        final long[] groupRows;
        final int groupOther;
        final int groupRegions;
        final int groupSectorsAny;
        final int groupSectorsCommon;
        final int groupMentored;
        final int groupResponsive;
        final int groupStride;
        /** The most codes of the other criterion any one mentor holds. */
        final int otherMostOverall;

        Partition(long[] rowsByIdOrder, int keyAt, int keyWords, int keyCodes, int otherAt, int otherWords) {
            int size = rowsByIdOrder.length / mentorStride;
            Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
            Comparator<Integer> byKey = (a, b) -> Arrays.compare(
                    rowsByIdOrder, a * mentorStride + keyAt, a * mentorStride + keyAt + keyWords,
                    rowsByIdOrder, b * mentorStride + keyAt, b * mentorStride + keyAt + keyWords);
            Arrays.sort(order, Comparator.<Integer>comparingLong(i -> rowsByIdOrder[i * mentorStride] >> 32)
                    .thenComparing(byKey));
            mentorRows = new long[rowsByIdOrder.length];
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                System.arraycopy(rowsByIdOrder, order[i] * mentorStride, mentorRows, i * mentorStride, mentorStride);
                long rank = rowsByIdOrder[order[i] * mentorStride] >> 32;
                if (i == 0 || rowsByIdOrder[order[i - 1] * mentorStride] >> 32 != rank
                        || byKey.compare(order[i - 1], order[i]) != 0) {
                    starts.add(i);
                }
            }
            starts.add(size);
            groupStart = starts.stream().mapToInt(Integer::intValue).toArray();

            groupOther = 1;
            groupRegions = groupOther + otherWords;
            groupSectorsAny = groupRegions + words(regionBit.size());
            groupSectorsCommon = groupSectorsAny + sectorWords;
            groupMentored = groupSectorsCommon + sectorWords;
            groupResponsive = groupMentored + mentoredWords;
            groupStride = groupResponsive + 1;

            int groups = groupStart.length - 1;
            groupRank = new int[groups];
            groupRows = new long[groups * groupStride];
            List<List<Integer>> groupsOfCode = new ArrayList<>();
            for (int code = 0; code < keyCodes; code++) {
                groupsOfCode.add(new ArrayList<>());
            }
            int mostOverall = 0;
            for (int g = 0; g < groups; g++) {
                int row = g * groupStride;
                int firstMentor = groupStart[g] * mentorStride;
                groupRank[g] = (int) (mentorRows[firstMentor] >> 32);
                for (int code = 0; code < keyCodes; code++) {
                    if (bit(mentorRows, firstMentor + keyAt, code) == 1) {
                        groupsOfCode.get(code).add(g);
                    }
                }
                Arrays.fill(groupRows, row + groupSectorsCommon, row + groupSectorsCommon + sectorWords, -1L);
                long flags = 0;
                int most = 0;
                for (int m = groupStart[g]; m < groupStart[g + 1]; m++) {
                    int at = m * mentorStride;
                    for (int w = 0; w < otherWords; w++) {
                        groupRows[row + groupOther + w] |= mentorRows[at + otherAt + w];
                    }
                    most = Math.max(most, count(mentorRows, at + otherAt, otherWords));
                    int region = (int) (mentorRows[at + 1] >>> 1) - 1;
                    if (region >= 0) {
                        setBit(groupRows, row + groupRegions, region);
                    }
                    if ((mentorRows[at + 1] & 1) != 0) {
                        flags |= ANY_REMOTE;
                    }
                    if (count(mentorRows, at + mentorSectors, sectorWords) > 0) {
                        flags |= ANY_NAMED_SECTORS;
                        for (int w = 0; w < sectorWords; w++) {
                            groupRows[row + groupSectorsAny + w] |= mentorRows[at + mentorSectors + w];
                            groupRows[row + groupSectorsCommon + w] &= mentorRows[at + mentorSectors + w];
                        }
                    }
                    if (count(mentorRows, at + mentorMentored, mentoredWords) == 0) {
                        flags |= ANY_OPEN_TO_ALL_STAGES;
                    }
                    for (int w = 0; w < mentoredWords; w++) {
                        groupRows[row + groupMentored + w] |= mentorRows[at + mentorMentored + w];
                    }
                    groupRows[row + groupResponsive] = Math.max(groupRows[row + groupResponsive],
                            mentorRows[at + mentorResponsive]);
                }
                groupRows[row] = ((long) groupRank[g] << 32) | ((long) most << 8) | flags;
                mostOverall = Math.max(mostOverall, most);
            }
            otherMostOverall = mostOverall;
            postings = groupsOfCode.stream()
                    .map(list -> list.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }

        int groupCount() {
            return groupRank.length;
        }

        /** The first group of a stage above {@code rank}: the groups a mentee of that rank may use start here. */
        int firstGroupAbove(int rank) {
            int low = 0;
            int high = groupRank.length;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (groupRank[mid] <= rank) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            return low;
        }
    }

    /**
     * One request's search, with buffers reused across the requests one thread handles. The results
     * are the mentors' indexes and scores, best first.
     */
    private final class Search {
        private final int[] keyCount = new int[Math.max(byAreas.groupCount(), byStrengths.groupCount())];
        private final int[] touched = new int[keyCount.length];
        private final int[] tiered = new int[keyCount.length];
        private final long[] groupQueue = new long[keyCount.length];
        private final long[] areas = new long[areaWords];
        private final long[] needs = new long[strengthWords];
        private final long[] sectors = new long[sectorWords];
        private long[] best = new long[0];
        private int[] excluded = new int[0];
        int[] resultMentorIndex = new int[0];
        int[] resultScore = new int[0];
        long mentorsScored;

        // The request being searched; flags as 0 or 1 so that they can index the point tables.
        private int rank;
        private boolean required;
        private boolean remoteOnly;
        private int remote;
        private int menteeNamedSectors;
        private int regionKnown;
        private int region;
        /** 1 when some mentor named the mentee's stage, and then its bit. */
        private int rankNamed;
        private int rankBit;
        private int[] shared;
        private int[] sector;
        /** Points for a group where a different sector, or a common one, is possible at all. */
        private int sectorReward;
        private boolean crossSector;

        int run(MenteeRequest request, int k) {
            if (best.length < k) {
                best = new long[k];
                resultMentorIndex = new int[k];
                resultScore = new int[k];
            }
            if (k == 0) {
                return 0;
            }
            read(request);
            int areaCount = count(areas, 0, areaWords);
            int needCount = count(needs, 0, strengthWords);
            // Search by the criterion whose codes spread the scores most: its tiers then separate best.
            // A request that requires shared experience always goes by areas and never opens tier 0:
            // every other group holds one of the mentee's areas exactly, so the rule needs no other check.
            boolean byArea = required || shared[areaCount] >= needPoints[needCount];
            Partition partition = byArea ? byAreas : byStrengths;
            long[] keyQuery = byArea ? areas : needs;
            int first = partition.firstGroupAbove(rank);

            // Count each group's key codes in common with the request, through the postings.
            int touchedCount = 0;
            for (int code = nextBit(keyQuery, 0); code >= 0; code = nextBit(keyQuery, code + 1)) {
                int[] groups = partition.postings[code];
                int from = Arrays.binarySearch(groups, first);
                for (int i = from >= 0 ? from : -from - 1; i < groups.length; i++) {
                    int g = groups[i];
                    if (keyCount[g]++ == 0) {
                        touched[touchedCount++] = g;
                    }
                }
            }
            int topTier = byArea ? areaCount : needCount;
            int[] tierEnd = sortIntoTiers(touchedCount, topTier);

            // The most that anything but the key criterion could add, for any group: a tier's bound.
            int otherBound = Score.BASE
                    + Math.max(weights.stageGapPoints(1), weights.stageGapPoints(3))
                    + locationPoints[regionKnown << 1 | remote]
                    + menteeNamedSectors * sectorReward
                    + Math.max(mentoredStagePoints[2], mentoredStagePoints[1])
                    + mostResponsive
                    + (byArea ? needPoints[Math.min(needCount, partition.otherMostOverall)]
                              : shared[Math.min(areaCount, partition.otherMostOverall)]);
            int lowestTier = required ? 1 : 0;

            int held = 0;
            int queued = 0;
            int tier = topTier;
            while (true) {
                // Open every tier that could hold a group as good as the best queued one.
                while (tier >= lowestTier) {
                    int tierBound = otherBound + keyPoints(byArea, tier);
                    if (held == k && tierBound < worstHeld()) {
                        tier = lowestTier - 1;
                        break;
                    }
                    if (queued > 0 && tierBound <= bound(groupQueue[0])) {
                        break;
                    }
                    queued = openTier(partition, tier, tierEnd, first, byArea, held == k ? worstHeld() : 0, queued);
                    heapify(groupQueue, queued);
                    tier--;
                }
                if (queued == 0) {
                    break;
                }
                long next = groupQueue[0];
                if (held == k && bound(next) < worstHeld()) {
                    break;
                }
                groupQueue[0] = groupQueue[--queued];
                siftDown(groupQueue, queued, 0);
                int g = (int) ~next;
                for (int at = partition.groupStart[g] * mentorStride; at < partition.groupStart[g + 1] * mentorStride;
                     at += mentorStride) {
                    int score = score(partition.mentorRows, at);
                    if (score < 0) {
                        continue;
                    }
                    // Higher is better: the score, then the smaller mentor id.
                    long key = ((long) score << 32) | (Integer.MAX_VALUE - (int) partition.mentorRows[at]);
                    if (held < k) {
                        best[held++] = key;
                        siftUp(best, held - 1);
                    } else if (key > best[0]) {
                        best[0] = key;
                        siftDown(best, held, 0);
                    }
                }
            }
            for (int i = 0; i < touchedCount; i++) {
                keyCount[touched[i]] = 0;
            }
            Arrays.sort(best, 0, held);
            for (int i = 0; i < held; i++) {
                long key = best[held - 1 - i];
                resultScore[i] = (int) (key >>> 32);
                resultMentorIndex[i] = mentorIndexOfIdOrder[Integer.MAX_VALUE - (int) key];
            }
            return held;
        }

        private void read(MenteeRequest request) {
            rank = request.stageRank();
            required = request.sharedExperience() == SharedExperience.REQUIRED;
            remoteOnly = request.remoteOnly();
            remote = request.remote() ? 1 : 0;
            crossSector = request.crossSector();
            menteeNamedSectors = request.sectors().isEmpty() ? 0 : 1;
            Integer regionOfMentee = request.region() == null ? null : regionBit.get(request.region());
            regionKnown = regionOfMentee == null ? 0 : 1;
            region = regionOfMentee == null ? 0 : regionOfMentee;
            Integer stage = mentoredRankBit.get(rank);
            rankNamed = stage == null ? 0 : 1;
            rankBit = stage == null ? 0 : stage;
            shared = request.sharedExperience() == SharedExperience.NONE ? noSharedPoints : sharedPoints;
            sector = crossSector ? crossSectorPoints : sectorPoints;
            sectorReward = crossSector ? crossSectorPoints[2] : sectorPoints[3];
            Arrays.fill(areas, 0);
            Arrays.fill(needs, 0);
            Arrays.fill(sectors, 0);
            // A code no indexed mentor holds matches nobody, so it needs no bit.
            request.areas().forEach((area, consent) -> {
                Integer bit = areaBit.get(area);
                if (bit != null && Scorer.usableForMatching(consent)) {
                    setBit(areas, 0, bit);
                }
            });
            for (String need : request.needs()) {
                Integer bit = strengthBit.get(need);
                if (bit != null) {
                    setBit(needs, 0, bit);
                }
            }
            for (String sector : request.sectors()) {
                Integer bit = sectorBit.get(sector);
                if (bit != null) {
                    setBit(sectors, 0, bit);
                }
            }
            int[] idOrders = new int[request.excludedMentorIds().size() + 1];
            int count = 0;
            Integer self = idOrderOfMentorId.get(request.menteeId());
            if (self != null) {
                idOrders[count++] = self;
            }
            for (String id : request.excludedMentorIds()) {
                Integer idOrder = idOrderOfMentorId.get(id);
                if (idOrder != null) {
                    idOrders[count++] = idOrder;
                }
            }
            excluded = Arrays.copyOf(idOrders, count);
        }

        /** Orders the touched groups by tier in {@code tiered}; tier t runs from tierEnd[t - 1] to tierEnd[t]. */
        private int[] sortIntoTiers(int touchedCount, int topTier) {
            int[] tierEnd = new int[topTier + 1];
            for (int i = 0; i < touchedCount; i++) {
                tierEnd[keyCount[touched[i]]]++;
            }
            for (int t = 1; t <= topTier; t++) {
                tierEnd[t] += tierEnd[t - 1];
            }
            int[] fill = Arrays.copyOf(tierEnd, tierEnd.length);
            for (int i = touchedCount - 1; i >= 0; i--) {
                int g = touched[i];
                tiered[--fill[keyCount[g]]] = g;
            }
            return tierEnd;
        }

        /**
         * Appends the groups of one tier with their bounds to the queue (the caller restores the heap),
         * leaving out those that cannot reach {@code floor}. Tier 0 is every group of a later stage that
         * the postings never touched.
         */
        private int openTier(Partition partition, int tier, int[] tierEnd, int first, boolean byArea, int floor,
                             int queued) {
            if (tier == 0) {
                for (int g = first; g < partition.groupCount(); g++) {
                    if (keyCount[g] == 0) {
                        queued = queue(partition, g, 0, byArea, floor, queued);
                    }
                }
            } else {
                for (int i = tierEnd[tier - 1]; i < tierEnd[tier]; i++) {
                    queued = queue(partition, tiered[i], tier, byArea, floor, queued);
                }
            }
            return queued;
        }

        private int queue(Partition partition, int g, int tier, boolean byArea, int floor, int queued) {
            long[] rows = partition.groupRows;
            int at = g * partition.groupStride;
            long head = rows[at];
            int anyRemote = (int) (head & ANY_REMOTE);
            if (remoteOnly && anyRemote == 0) {
                return queued;
            }
            int otherCount = Math.min(countAnd(rows, at + partition.groupOther, byArea ? needs : areas),
                    (int) (head >>> 8) & 0xFF_FFFF);
            // A different sector needs some mentor sharing none of the mentee's sectors: impossible
            // when every mentor who named sectors has one in common with the mentee.
            int sectorPossible = crossSector
                    ? menteeNamedSectors & (int) (head >>> 1)
                      & (1 - anyAnd(rows, at + partition.groupSectorsCommon, sectors))
                    : anyAnd(rows, at + partition.groupSectorsAny, sectors);
            int regionPossible = regionKnown & bit(rows, at + partition.groupRegions, region);
            int bound = Score.BASE
                    + (byArea ? shared[tier] + needPoints[otherCount] : needPoints[tier] + shared[otherCount])
                    + weights.stageGapPoints((int) (head >> 32) - rank)
                    + locationPoints[regionPossible << 1 | remote & anyRemote]
                    + sectorPossible * sectorReward
                    + Math.max(mentoredStagePoints[((int) (head >>> 2) & 1) << 1],
                            mentoredStagePoints[rankNamed & bit(rows, at + partition.groupMentored, rankBit)])
                    + (int) rows[at + partition.groupResponsive];
            if (bound < floor) {
                return queued;
            }
            // Complemented so that the min-heap gives the highest bound first.
            groupQueue[queued] = ~(((long) bound << 32) | g);
            return queued + 1;
        }

        /** The exact score of the mentor whose row starts at {@code at}; -1 when a hard filter rules them out. */
        private int score(long[] rows, int at) {
            mentorsScored++;
            long place = rows[at + 1];
            int mentorRemote = (int) place & 1;
            int sharedAreas = countAnd(rows, at + mentorAreas, areas);
            if (remoteOnly && mentorRemote == 0 || excluded.length > 0 && isExcluded((int) rows[at])) {
                return -1;
            }
            int sameRegion = regionKnown & ((int) (place >>> 1) - 1 == region ? 1 : 0);
            int mentorNamedSectors = any(rows, at + mentorSectors, sectorWords);
            int openToAllStages = 1 - any(rows, at + mentorMentored, mentoredWords);
            return Score.BASE
                    + shared[sharedAreas]
                    + needPoints[countAnd(rows, at + mentorStrengths, needs)]
                    + weights.stageGapPoints((int) (rows[at] >> 32) - rank)
                    + locationPoints[sameRegion << 1 | remote & mentorRemote]
                    + sector[(menteeNamedSectors & mentorNamedSectors) << 1 | anyAnd(rows, at + mentorSectors, sectors)]
                    + mentoredStagePoints[openToAllStages << 1 | rankNamed & bit(rows, at + mentorMentored, rankBit)]
                    + (int) rows[at + mentorResponsive];
        }

        private int keyPoints(boolean byArea, int tier) {
            return byArea ? shared[tier] : needPoints[tier];
        }

        private int worstHeld() {
            return (int) (best[0] >>> 32);
        }

        /** Excluded ids are few (one mentee's declines and blocks), so a scan beats a set. */
        private boolean isExcluded(int idOrder) {
            for (int excludedOrder : excluded) {
                if (excludedOrder == idOrder) {
                    return true;
                }
            }
            return false;
        }
    }

    private static int words(int bits) {
        return Math.max(1, (bits + 63) / 64);
    }

    private static void setBit(long[] rows, int at, int bit) {
        rows[at + (bit >>> 6)] |= 1L << bit;
    }

    private static int count(long[] rows, int at, int words) {
        int count = 0;
        for (int w = 0; w < words; w++) {
            count += Long.bitCount(rows[at + w]);
        }
        return count;
    }

    /** Bits set both in the row's field at {@code at} and in the query (the field is as wide as the query). */
    private static int countAnd(long[] rows, int at, long[] query) {
        int count = 0;
        for (int w = 0; w < query.length; w++) {
            count += Long.bitCount(rows[at + w] & query[w]);
        }
        return count;
    }

    /** 1 when the row's field at {@code at} and the query share a bit, else 0. */
    private static int anyAnd(long[] rows, int at, long[] query) {
        long common = 0;
        for (int w = 0; w < query.length; w++) {
            common |= rows[at + w] & query[w];
        }
        return nonZero(common);
    }

    /** 1 when the field at {@code at} has any bit set, else 0. */
    private static int any(long[] rows, int at, int words) {
        long all = 0;
        for (int w = 0; w < words; w++) {
            all |= rows[at + w];
        }
        return nonZero(all);
    }

    private static int bit(long[] rows, int at, int bit) {
        return (int) (rows[at + (bit >>> 6)] >>> bit) & 1;
    }

    private static int nonZero(long value) {
        return (int) ((value | -value) >>> 63);
    }

    /** The lowest set bit at or after {@code from}, or -1. */
    private static int nextBit(long[] bits, int from) {
        int w = from >>> 6;
        if (w >= bits.length) {
            return -1;
        }
        long word = bits[w] & (-1L << from);
        while (word == 0) {
            if (++w == bits.length) {
                return -1;
            }
            word = bits[w];
        }
        return w * 64 + Long.numberOfTrailingZeros(word);
    }

    private static int bound(long queued) {
        return (int) (~queued >>> 32);
    }

    private static void heapify(long[] heap, int size) {
        for (int i = size / 2 - 1; i >= 0; i--) {
            siftDown(heap, size, i);
        }
    }

    /** Min-heap: restores the order below {@code i}. */
    private static void siftDown(long[] heap, int size, int i) {
        long value = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= value) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = value;
    }

    /** Min-heap: moves the value at {@code i} up to its place. */
    private static void siftUp(long[] heap, int i) {
        long value = heap[i];
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (heap[parent] <= value) {
                break;
            }
            heap[i] = heap[parent];
            i = parent;
        }
        heap[i] = value;
    }
}
