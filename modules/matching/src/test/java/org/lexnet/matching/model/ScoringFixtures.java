package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builders for one request and one mentor that differ from a neutral pair only where a test says so,
 * random pools dense in ties and overlaps, and the brute-force top k the index must equal.
 */
final class ScoringFixtures {

    /** The codes random pools draw from: few, so that overlaps and ties are common. */
    static final List<String> AREAS = List.of("MENTAL_HEALTH", "CARE_SYSTEM", "POVERTY", "CRIMINAL_JUSTICE",
            "RACE_EQUALITY", "HOMELESSNESS_HOUSING", "DOMESTIC_ABUSE");
    static final List<String> NEEDS = List.of("FUNDRAISING_AND_FINANCE", "COMMUNICATING_POWERFULLY",
            "STRATEGIC_THINKING", "BUILDING_TEAMS", "CONFIDENCE", "NEGOTIATION");
    static final List<String> REGIONS = List.of("LONDON", "WALES", "SCOTLAND");
    static final List<String> SECTORS = List.of("CHARITY", "PUBLIC_SECTOR", "GRASSROOTS", "PHILANTHROPY");

    private ScoringFixtures() {
    }

    static MenteeBuilder mentee() {
        return new MenteeBuilder();
    }

    static MentorBuilder mentor() {
        return new MentorBuilder();
    }

    /** A mentee at stage 1 with nothing in common with {@link #mentor()} beyond being allowed. */
    static final class MenteeBuilder {
        private String menteeId = "mentee-1";
        private int stageRank = 1;
        private final Map<String, Visibility> areas = new HashMap<>();
        private final Set<String> needs = new HashSet<>();
        private String region = "NORTH_EAST";
        private boolean remote;
        private final Set<String> sectors = new HashSet<>(Set.of("CHARITY"));
        private SharedExperience sharedExperience = SharedExperience.PREFERRED;
        private boolean crossSector;
        private boolean remoteOnly;
        private final Set<String> excluded = new HashSet<>();

        MenteeBuilder id(String id) {
            menteeId = id;
            return this;
        }

        MenteeBuilder stage(int rank) {
            stageRank = rank;
            return this;
        }

        MenteeBuilder area(String area, Visibility consent) {
            areas.put(area, consent);
            return this;
        }

        MenteeBuilder needs(String... codes) {
            needs.addAll(List.of(codes));
            return this;
        }

        MenteeBuilder region(String code) {
            region = code;
            return this;
        }

        MenteeBuilder remote() {
            remote = true;
            return this;
        }

        MenteeBuilder sectors(String... codes) {
            sectors.clear();
            sectors.addAll(List.of(codes));
            return this;
        }

        MenteeBuilder sharedExperience(SharedExperience preference) {
            sharedExperience = preference;
            return this;
        }

        MenteeBuilder crossSector() {
            crossSector = true;
            return this;
        }

        MenteeBuilder remoteOnly() {
            remoteOnly = true;
            remote = true;
            return this;
        }

        MenteeBuilder excluding(String mentorId) {
            excluded.add(mentorId);
            return this;
        }

        MenteeRequest build() {
            return new MenteeRequest("request-1", menteeId, stageRank, areas, needs, region, remote, sectors,
                    sharedExperience, crossSector, remoteOnly, excluded);
        }
    }

    /** An accepting stage-3 mentor with one free slot, in another region and sector than {@link #mentee()}. */
    static final class MentorBuilder {
        private String mentorId = "mentor-1";
        private int stageRank = 3;
        private final Map<String, Visibility> areas = new HashMap<>();
        private final Set<String> strengths = new HashSet<>();
        private String region = "SOUTH_WEST";
        private boolean remote;
        private final Set<String> sectors = new HashSet<>(Set.of("PRIVATE_SECTOR"));
        private final Set<Integer> mentoredStageRanks = new HashSet<>(Set.of(2));
        private int freeSlots = 1;
        private boolean accepting = true;

        MentorBuilder id(String id) {
            mentorId = id;
            return this;
        }

        MentorBuilder stage(int rank) {
            stageRank = rank;
            return this;
        }

        MentorBuilder area(String area, Visibility consent) {
            areas.put(area, consent);
            return this;
        }

        MentorBuilder strengths(String... codes) {
            strengths.addAll(List.of(codes));
            return this;
        }

        private Responsiveness responsiveness = Responsiveness.UNKNOWN;

        MentorBuilder region(String code) {
            region = code;
            return this;
        }

        MentorBuilder remote() {
            remote = true;
            return this;
        }

        MentorBuilder sectors(String... codes) {
            sectors.clear();
            sectors.addAll(List.of(codes));
            return this;
        }

        MentorBuilder mentors(Integer... ranks) {
            mentoredStageRanks.clear();
            mentoredStageRanks.addAll(List.of(ranks));
            return this;
        }

        MentorBuilder freeSlots(int slots) {
            freeSlots = slots;
            return this;
        }

        MentorBuilder paused() {
            accepting = false;
            return this;
        }

        MentorBuilder answers(int answered, java.time.Duration median, int expired) {
            responsiveness = new Responsiveness(answered, median, expired);
            return this;
        }

        MentorCandidate build() {
            return new MentorCandidate(mentorId, stageRank, areas, strengths, region, remote, sectors,
                    mentoredStageRanks, freeSlots, accepting, responsiveness);
        }
    }

    /**
     * Mentors drawn from few codes, with every edge the index must handle: PRIVATE areas, no region,
     * no sectors, no stages named, paused or full mentors, and ids shared with mentees.
     */
    static List<MentorCandidate> randomMentors(SplittableRandom random, int count) {
        List<MentorCandidate> mentors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Set<Integer> mentored = new HashSet<>();
            if (random.nextInt(3) > 0) {
                mentored.add(1 + random.nextInt(4));
                mentored.add(1 + random.nextInt(4));
            }
            mentors.add(new MentorCandidate(
                    "member-" + random.nextInt(1_000_000) + "-" + i,
                    1 + random.nextInt(4),
                    randomAreas(random),
                    randomSubset(random, NEEDS, 4),
                    random.nextInt(6) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size())),
                    random.nextBoolean(),
                    randomSubset(random, SECTORS, 2),
                    mentored,
                    random.nextInt(8) == 0 ? 0 : 1 + random.nextInt(3),
                    random.nextInt(10) > 0,
                    randomResponsiveness(random)));
        }
        return mentors;
    }

    /** Requests over the same codes; some exclude mentors of the pool or share an id with one. */
    static List<MenteeRequest> randomRequests(SplittableRandom random, int count, List<MentorCandidate> mentors) {
        List<MenteeRequest> requests = new ArrayList<>(count);
        SharedExperience[] preferences = SharedExperience.values();
        for (int i = 0; i < count; i++) {
            Set<String> excluded = new HashSet<>();
            if (!mentors.isEmpty() && random.nextInt(4) == 0) {
                excluded.add(mentors.get(random.nextInt(mentors.size())).mentorId());
                excluded.add("someone-not-in-the-pool");
            }
            String menteeId = !mentors.isEmpty() && random.nextInt(10) == 0
                    ? mentors.get(random.nextInt(mentors.size())).mentorId()
                    : "mentee-" + i;
            boolean remoteOnly = random.nextInt(6) == 0;
            requests.add(new MenteeRequest(
                    "request-" + i,
                    menteeId,
                    1 + random.nextInt(4),
                    randomAreas(random),
                    randomSubset(random, NEEDS, 4),
                    random.nextInt(6) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size())),
                    remoteOnly || random.nextBoolean(),
                    randomSubset(random, SECTORS, 2),
                    preferences[random.nextInt(preferences.length)],
                    random.nextInt(3) == 0,
                    remoteOnly,
                    excluded));
        }
        return requests;
    }

    /** Weights anywhere from 0 to 30, so that any criterion may dominate or vanish. */
    static ScoringWeights randomWeights(SplittableRandom random) {
        return new ScoringWeights(random.nextInt(31), random.nextInt(31), random.nextInt(31), random.nextInt(31),
                random.nextInt(31), random.nextInt(31), random.nextInt(31), random.nextInt(31), random.nextInt(31),
                random.nextInt(31), random.nextInt(31), random.nextInt(31), random.nextInt(31));
    }

    /** Unknown, quick, slow, or often expiring: every case of the responsiveness criterion. */
    static Responsiveness randomResponsiveness(SplittableRandom random) {
        return switch (random.nextInt(4)) {
            case 0 -> Responsiveness.UNKNOWN;
            default -> new Responsiveness(random.nextInt(6), java.time.Duration.ofHours(1 + random.nextInt(120)),
                    random.nextInt(3));
        };
    }

    /** The best k by scoring every mentor with the Scorer and sorting: what the index must equal. */
    static List<Candidate> bruteForceTopK(Scorer scorer, List<MentorCandidate> mentors, MenteeRequest request, int k) {
        List<Candidate> all = new ArrayList<>();
        for (int i = 0; i < mentors.size(); i++) {
            Optional<Score> score = scorer.score(request, mentors.get(i));
            if (score.isPresent()) {
                all.add(new Candidate(mentors.get(i), i, score.get()));
            }
        }
        all.sort(Comparator.comparingInt((Candidate c) -> -c.score().total())
                .thenComparing(c -> c.mentor().mentorId()));
        return all.subList(0, Math.min(k, all.size()));
    }

    private static Map<String, Visibility> randomAreas(SplittableRandom random) {
        Map<String, Visibility> areas = new HashMap<>();
        Visibility[] levels = Visibility.values();
        for (String area : randomSubset(random, AREAS, 4)) {
            areas.put(area, levels[random.nextInt(levels.length)]);
        }
        return areas;
    }

    private static Set<String> randomSubset(SplittableRandom random, List<String> codes, int most) {
        Set<String> subset = new HashSet<>();
        int size = random.nextInt(most + 1);
        for (int i = 0; i < size; i++) {
            subset.add(codes.get(random.nextInt(codes.size())));
        }
        return subset;
    }
}
