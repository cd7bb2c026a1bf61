package org.lexnet.coreapi.member;

import java.util.List;

/**
 * A member's offer to mentor: how many mentees at once, which stages they mentor, in which lived
 * experience areas (a subset of the areas they recorded) and with which strengths; {@code open} false
 * keeps the offer on record but takes no new mentees.
 */
public record MentorOffer(int capacity, List<String> stages, List<String> areas, List<String> strengths,
                          boolean open) {

    public static final int MIN_CAPACITY = 1;
    public static final int MAX_CAPACITY = 10;

    public MentorOffer {
        stages = List.copyOf(stages);
        areas = List.copyOf(areas);
        strengths = List.copyOf(strengths);
    }

    public MentorOffer withAreas(List<String> newAreas) {
        return new MentorOffer(capacity, stages, newAreas, strengths, open);
    }
}
