package org.lexnet.matching.bench;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipPreferences.SharedExperience;
import org.lexnet.matching.circles.CircleSeeker;
import org.lexnet.matching.circles.FacilitatorOffer;
import org.lexnet.matching.circles.MeetingSlot;
import org.lexnet.matching.model.MenteeRequest;
import org.lexnet.matching.model.MentorCandidate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic mentors and requests drawn from the seed taxonomy, for tests and benchmarks.
 * The same size and seed give the same pool on every JVM ({@link SplittableRandom} is specified).
 * The codes are copied here rather than read from the taxonomy table so that the matching module can
 * generate pools without a database.
 */
public final class SyntheticPool {

    private static final Weighted<String> AREAS = new Weighted<String>()
            .add("MENTAL_HEALTH", 20).add("DISABILITY_LEARNING_DIFFICULTIES", 8)
            .add("LONG_TERM_HEALTH_CONDITION", 8).add("CRIMINAL_JUSTICE", 8).add("MIGRANT_REFUGEE_RIGHTS", 6)
            .add("CARE_SYSTEM", 8).add("HOMELESSNESS_HOUSING", 9).add("SUBSTANCE_MISUSE", 7).add("POVERTY", 10)
            .add("GANG_AFFILIATION", 2).add("UNPAID_CARER", 5).add("DOMESTIC_ABUSE", 8)
            .add("MULTIPLE_COMPLEX_NEEDS", 5).add("SEXUAL_VIOLENCE_FGM", 4).add("FORCED_CHILD_MARRIAGE", 1)
            .add("WAR_AND_TRAUMA", 3).add("RACE_EQUALITY", 9).add("CLASS_EQUALITY", 7).add("GENDER_EQUALITY", 6)
            .add("LGBTQ_RIGHTS", 6).add("REPRODUCTIVE_JUSTICE", 2);

    /** What emerging leaders ask for, weighted by the survey's shares where it gives them. */
    private static final Weighted<String> NEEDS = new Weighted<String>()
            .add("FUNDRAISING_AND_FINANCE", 88).add("COMMUNICATING_POWERFULLY", 63)
            .add("COLLABORATIVE_RELATIONSHIPS", 50).add("STRATEGIC_THINKING", 43).add("BUILDING_TEAMS", 31)
            .add("STRATEGIC_INFLUENCING", 25).add("SYSTEMS_PRACTICE", 20).add("DIVERSIFYING_FUNDING", 20)
            .add("BUILDING_SENIOR_TEAMS", 15).add("SYSTEMS_THINKING", 20).add("BUSINESS_SKILLS", 20)
            .add("WELLBEING_SELF_CARE", 25).add("OWNING_YOUR_NARRATIVE", 20).add("NEGOTIATION", 15)
            .add("LEGITIMACY_AND_CREDIBILITY", 30).add("CONFIDENCE", 30);

    /** What senior leaders offer: broader than what is asked, so every need has some supply. */
    private static final Weighted<String> STRENGTHS = new Weighted<String>()
            .add("FUNDRAISING_AND_FINANCE", 30).add("COMMUNICATING_POWERFULLY", 30)
            .add("COLLABORATIVE_RELATIONSHIPS", 30).add("STRATEGIC_THINKING", 30).add("BUILDING_TEAMS", 25)
            .add("STRATEGIC_INFLUENCING", 25).add("SYSTEMS_PRACTICE", 15).add("DIVERSIFYING_FUNDING", 15)
            .add("BUILDING_SENIOR_TEAMS", 20).add("SYSTEMS_THINKING", 15).add("BUSINESS_SKILLS", 25)
            .add("WELLBEING_SELF_CARE", 15).add("OWNING_YOUR_NARRATIVE", 15).add("NEGOTIATION", 15)
            .add("LEGITIMACY_AND_CREDIBILITY", 20).add("CONFIDENCE", 20);

    /** London-heavy, as the report found the sector to be. */
    private static final Weighted<String> REGIONS = new Weighted<String>()
            .add("NORTH_EAST", 5).add("NORTH_WEST", 9).add("YORKSHIRE_AND_THE_HUMBER", 7).add("EAST_MIDLANDS", 6)
            .add("WEST_MIDLANDS", 8).add("EAST_OF_ENGLAND", 6).add("LONDON", 25).add("SOUTH_EAST", 10)
            .add("SOUTH_WEST", 7).add("WALES", 5).add("SCOTLAND", 7).add("NORTHERN_IRELAND", 3)
            .add("OUTSIDE_UK", 2);

    private static final Weighted<String> SECTORS = new Weighted<String>()
            .add("CHARITY", 40).add("PUBLIC_SECTOR", 15).add("PRIVATE_SECTOR", 12).add("SOCIAL_ENTERPRISE", 12)
            .add("PHILANTHROPY", 6).add("GOVERNMENT_POLICY", 7).add("GRASSROOTS", 15);

    /** Only MATCHING or wider reach the matcher; many keep an area from being shown. */
    private static final Weighted<Visibility> CONSENT = new Weighted<Visibility>()
            .add(Visibility.MATCHING, 40).add(Visibility.MENTORS, 25).add(Visibility.NETWORK, 35);

    /** Mentees are mostly early in their journey (ranks 1..4: ASPIRING, EMERGING, EXPERIENCED, SENIOR). */
    private static final Weighted<Integer> MENTEE_STAGES = new Weighted<Integer>()
            .add(1, 40).add(2, 40).add(3, 17).add(4, 3);

    private static final Weighted<Integer> MENTOR_STAGES = new Weighted<Integer>()
            .add(2, 10).add(3, 40).add(4, 50);

    /** About three areas on average, as in the report. */
    private static final Weighted<Integer> AREA_COUNTS = new Weighted<Integer>()
            .add(1, 10).add(2, 25).add(3, 30).add(4, 20).add(5, 15);

    private static final Weighted<Integer> NEED_COUNTS = new Weighted<Integer>()
            .add(1, 15).add(2, 35).add(3, 35).add(4, 15);

    private static final Weighted<Integer> STRENGTH_COUNTS = new Weighted<Integer>()
            .add(2, 25).add(3, 35).add(4, 25).add(5, 15);

    private static final Weighted<Integer> CAPACITIES = new Weighted<Integer>()
            .add(1, 30).add(2, 30).add(3, 20).add(4, 10).add(5, 10);

    private static final Weighted<SharedExperience> SHARED_EXPERIENCE = new Weighted<SharedExperience>()
            .add(SharedExperience.PREFERRED, 60).add(SharedExperience.REQUIRED, 20).add(SharedExperience.NONE, 20);

    /** Focus codes a circle seeker names: one to three of what they would ask a mentor for. */
    private static final Weighted<Integer> FOCUS_COUNTS = new Weighted<Integer>()
            .add(1, 25).add(2, 45).add(3, 30);

    /** Circles facilitated per facilitator in one round. */
    private static final Weighted<Integer> FACILITATOR_CAPACITIES = new Weighted<Integer>()
            .add(1, 50).add(2, 35).add(3, 15);

    private SyntheticPool() {
    }

    /**
     * {@code n} members waiting for a circle, {@code seeker-000000}…: stages as mentees', focus from what
     * mentees ask for, only areas consented at MATCHING or wider, most happy to meet online, evenings the
     * most common free time.
     */
    public static List<CircleSeeker> circleSeekers(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<CircleSeeker> seekers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stage = MENTEE_STAGES.pick(random) - 1;
            Set<String> matchable = new HashSet<>();
            areas(random).forEach((area, consent) -> {
                if (consent.allows(Visibility.MATCHING)) {
                    matchable.add(area);
                }
            });
            seekers.add(new CircleSeeker(String.format("seeker-%06d", i), stage,
                    NEEDS.pickDistinct(random, FOCUS_COUNTS.pick(random)), matchable, sectors(random),
                    random.nextInt(100) < 5 ? null : REGIONS.pick(random), random.nextInt(100) < 80, slots(random)));
        }
        return seekers;
    }

    /** {@code m} members offering to facilitate, {@code facilitator-000000}…, mostly EXPERIENCED or SENIOR. */
    public static List<FacilitatorOffer> facilitators(int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FacilitatorOffer> facilitators = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            facilitators.add(new FacilitatorOffer(String.format("facilitator-%06d", i), MENTOR_STAGES.pick(random) - 1,
                    FACILITATOR_CAPACITIES.pick(random), STRENGTHS.pickDistinct(random, STRENGTH_COUNTS.pick(random)),
                    REGIONS.pick(random), random.nextInt(100) < 85, slots(random)));
        }
        return facilitators;
    }

    private static Set<MeetingSlot> slots(SplittableRandom random) {
        Set<MeetingSlot> slots = EnumSet.noneOf(MeetingSlot.class);
        if (random.nextInt(100) < 40) {
            slots.add(MeetingSlot.WEEKDAY);
        }
        if (random.nextInt(100) < 65) {
            slots.add(MeetingSlot.EVENING);
        }
        if (random.nextInt(100) < 35) {
            slots.add(MeetingSlot.WEEKEND);
        }
        if (slots.isEmpty()) {
            slots.add(MeetingSlot.EVENING);
        }
        return slots;
    }

    /** {@code m} mentors with ids {@code mentor-000000}…; about 5% paused. */
    public static List<MentorCandidate> mentors(int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MentorCandidate> mentors = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int stage = MENTOR_STAGES.pick(random);
            Set<Integer> mentored = new HashSet<>();
            if (random.nextInt(100) >= 40) {
                for (int rank = 1; rank < stage; rank++) {
                    if (random.nextBoolean()) {
                        mentored.add(rank);
                    }
                }
                if (mentored.isEmpty()) {
                    mentored.add(1 + random.nextInt(stage - 1));
                }
            }
            mentors.add(new MentorCandidate(
                    String.format("mentor-%06d", i),
                    stage,
                    areas(random),
                    STRENGTHS.pickDistinct(random, STRENGTH_COUNTS.pick(random)),
                    REGIONS.pick(random),
                    random.nextInt(100) < 85,
                    sectors(random),
                    mentored,
                    CAPACITIES.pick(random),
                    random.nextInt(100) >= 5));
        }
        return mentors;
    }

    /** {@code n} requests with ids {@code request-000000}… from mentees {@code mentee-000000}…. */
    public static List<MenteeRequest> requests(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<MenteeRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int stage = MENTEE_STAGES.pick(random);
            boolean remoteOnly = random.nextInt(100) < 15;
            boolean crossSector = random.nextInt(100) < (stage >= 3 ? 40 : 15);
            requests.add(new MenteeRequest(
                    String.format("request-%06d", i),
                    String.format("mentee-%06d", i),
                    stage,
                    areas(random),
                    NEEDS.pickDistinct(random, NEED_COUNTS.pick(random)),
                    REGIONS.pick(random),
                    remoteOnly || random.nextInt(100) < 80,
                    sectors(random),
                    SHARED_EXPERIENCE.pick(random),
                    crossSector,
                    remoteOnly,
                    Set.of()));
        }
        return requests;
    }

    private static Map<String, Visibility> areas(SplittableRandom random) {
        Map<String, Visibility> areas = new HashMap<>();
        for (String area : AREAS.pickDistinct(random, AREA_COUNTS.pick(random))) {
            areas.put(area, CONSENT.pick(random));
        }
        return areas;
    }

    private static Set<String> sectors(SplittableRandom random) {
        return SECTORS.pickDistinct(random, random.nextInt(100) < 70 ? 1 : 2);
    }

    /** A small weighted distribution with insertion order kept, so that draws are reproducible. */
    private static final class Weighted<T> {
        private final List<T> values = new ArrayList<>();
        private final List<Integer> weights = new ArrayList<>();
        private int total;

        Weighted<T> add(T value, int weight) {
            values.add(value);
            weights.add(weight);
            total += weight;
            return this;
        }

        T pick(SplittableRandom random) {
            int ticket = random.nextInt(total);
            for (int i = 0; i < values.size(); i++) {
                ticket -= weights.get(i);
                if (ticket < 0) {
                    return values.get(i);
                }
            }
            throw new IllegalStateException("weights changed while drawing");
        }

        /** {@code count} different values, each drawn by weight among those not drawn yet. */
        Set<T> pickDistinct(SplittableRandom random, int count) {
            Set<T> drawn = new LinkedHashSet<>();
            while (drawn.size() < Math.min(count, values.size())) {
                drawn.add(pick(random));
            }
            return drawn;
        }
    }
}
