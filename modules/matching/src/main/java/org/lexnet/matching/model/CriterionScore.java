package org.lexnet.matching.model;

import java.util.Objects;

/** The points one criterion gave a pair, and the facts behind them. */
public record CriterionScore(Criterion criterion, int points, CriterionFacts facts) {

    public CriterionScore {
        Objects.requireNonNull(criterion, "criterion");
        Objects.requireNonNull(facts, "facts");
        if (points <= 0) {
            throw new IllegalArgumentException("a part of a score has positive points, was " + points);
        }
    }
}
