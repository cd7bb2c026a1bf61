package org.lexnet.matching.model;

import java.util.List;

/**
 * A pair's score: {@link #BASE} plus the points of each criterion that gave any, in {@link Criterion}
 * order. Criteria that gave nothing are left out of {@code parts}.
 */
public record Score(int total, List<CriterionScore> parts) {

    /** Every allowed pair scores at least this, because the solver treats a score of 0 as no edge. */
    public static final int BASE = 1;

    public Score {
        parts = List.copyOf(parts);
        int sum = BASE;
        for (CriterionScore part : parts) {
            sum += part.points();
        }
        if (sum != total) {
            throw new IllegalArgumentException("total " + total + " is not the base plus the parts, " + sum);
        }
    }

    /** The points a criterion gave, 0 when it gave none. */
    public int points(Criterion criterion) {
        for (CriterionScore part : parts) {
            if (part.criterion() == criterion) {
                return part.points();
            }
        }
        return 0;
    }
}
