package org.lexnet.matching.circles;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Small random pools with few codes, regions and sectors, so that seekers overlap a lot and hard rules
 * often bite: the instances where a partition has real choices to make.
 */
final class CirclePools {

    private static final List<String> FOCUS = List.of("FUNDRAISING_AND_FINANCE", "CONFIDENCE", "NEGOTIATION",
            "BUILDING_TEAMS", "SYSTEMS_THINKING");
    private static final List<String> AREAS = List.of("POVERTY", "CARE_SYSTEM", "MENTAL_HEALTH", "DISABILITY");
    private static final List<String> SECTORS = List.of("CHARITY", "PUBLIC_SECTOR", "GRASSROOTS");
    private static final List<String> REGIONS = List.of("LONDON", "WALES");

    private CirclePools() {
    }

    static List<CircleSeeker> seekers(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        // Stages spread over two or three neighbours so that bands matter without making most pools empty.
        int lowest = random.nextInt(3);
        List<CircleSeeker> seekers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int stage = Math.min(3, lowest + random.nextInt(random.nextInt(4) == 0 ? 3 : 2));
            String region = random.nextInt(10) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size()));
            seekers.add(new CircleSeeker(String.format("s%03d", i), stage, subset(random, FOCUS, 0, 3),
                    subset(random, AREAS, 0, 2), subset(random, SECTORS, 0, 2), region, random.nextInt(10) < 7,
                    slots(random)));
        }
        return seekers;
    }

    static List<FacilitatorOffer> facilitators(int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<FacilitatorOffer> facilitators = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            facilitators.add(new FacilitatorOffer(String.format("f%03d", i), 1 + random.nextInt(3),
                    random.nextInt(3), subset(random, FOCUS, 0, 2),
                    REGIONS.get(random.nextInt(REGIONS.size())), random.nextBoolean(), slots(random)));
        }
        return facilitators;
    }

    private static Set<MeetingSlot> slots(SplittableRandom random) {
        Set<MeetingSlot> slots = EnumSet.noneOf(MeetingSlot.class);
        for (MeetingSlot slot : MeetingSlot.values()) {
            if (random.nextInt(10) < 6) {
                slots.add(slot);
            }
        }
        if (slots.isEmpty()) {
            slots.add(MeetingSlot.values()[random.nextInt(3)]);
        }
        return slots;
    }

    private static Set<String> subset(SplittableRandom random, List<String> codes, int min, int max) {
        int count = min + random.nextInt(max - min + 1);
        Set<String> chosen = new HashSet<>();
        while (chosen.size() < count) {
            chosen.add(codes.get(random.nextInt(codes.size())));
        }
        return chosen;
    }
}
