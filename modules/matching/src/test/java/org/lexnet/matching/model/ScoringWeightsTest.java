package org.lexnet.matching.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScoringWeightsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        assertThat(ScoringWeights.defaults())
                .isEqualTo(new ScoringWeights(20, 10, 15, 10, 4, 8, 5, 5, 10, 6, 3, 6, 3));
    }

    @Test
    void aNegativeWeightIsRefusedByName() {
        assertThatThrownBy(() -> new ScoringWeights(20, 10, -1, 10, 4, 8, 5, 5, 10, 6, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needCovered");
    }

    @Test
    void aWeightAboveTheCapIsRefused() {
        assertThatThrownBy(() -> new ScoringWeights(ScoringWeights.MAX_WEIGHT + 1, 10, 15, 10, 4, 8, 5, 5, 10, 6, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sharedArea");
    }

    @Test
    void weightsOfZeroAreAllowed() {
        assertThat(new ScoringWeights(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0).sharedArea()).isZero();
    }
}
