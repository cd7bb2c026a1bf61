package org.lexnet.matching.model;

import org.lexnet.coreapi.member.Visibility;

import java.util.List;
import java.util.Objects;

/**
 * What a criterion found, kept structured so that an explanation can be written for any audience
 * later without scoring again. Facts name areas of lived experience with both sides' consent levels:
 * never show or store them as they are; {@link Explanations} turns them into text each audience may see.
 */
public sealed interface CriterionFacts {

    /** The shared areas, sorted by code. */
    record SharedAreas(List<SharedArea> areas) implements CriterionFacts {
        public SharedAreas {
            areas = List.copyOf(areas);
        }
    }

    /** One area both sides let the matcher use, with how far each side lets it be shown. */
    record SharedArea(String area, Visibility mentee, Visibility mentor) {
        public SharedArea {
            Objects.requireNonNull(area, "area");
            Objects.requireNonNull(mentee, "mentee");
            Objects.requireNonNull(mentor, "mentor");
        }
    }

    /** The mentee's needs found among the mentor's strengths, sorted by code. */
    record NeedsCovered(List<String> needs) implements CriterionFacts {
        public NeedsCovered {
            needs = List.copyOf(needs);
        }
    }

    /** How many stages the mentor is ahead (at least 1). */
    record StageGap(int gap) implements CriterionFacts {
    }

    record Location(boolean sameRegion, boolean bothRemote) implements CriterionFacts {
    }

    /** {@code differentAsAsked}: no sector in common and the mentee asked for that; otherwise a shared sector. */
    record Sector(boolean differentAsAsked) implements CriterionFacts {
    }

    /** {@code anyStage}: the mentor named no stages; otherwise they named the mentee's. */
    record MentoredStage(boolean anyStage) implements CriterionFacts {
    }

    /** The mentor usually answers within this many days (their median, rounded up). */
    record AnswersWithin(int days) implements CriterionFacts {
    }
}
