package org.lexnet.matching;

import org.junit.jupiter.api.Test;
import org.lexnet.matching.model.ScoringWeights;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MatchingSettingsTest {

    @Test
    void unnamedWeightsKeepTheirDefaults() {
        ScoringWeights weights = new MatchingSettings(Map.of("shared-area", 25), 30, 5).scoringWeights();
        assertThat(weights.sharedArea()).isEqualTo(25);
        assertThat(weights.needCovered()).isEqualTo(ScoringWeights.defaults().needCovered());
        assertThat(new MatchingSettings(null, 30, 5).scoringWeights()).isEqualTo(ScoringWeights.defaults());
    }

    @Test
    void aWeightMayBeNamedInKebabCamelOrEnvironmentStyle() {
        assertThat(new MatchingSettings(Map.of("needCovered", 1), 30, 5).scoringWeights().needCovered()).isEqualTo(1);
        assertThat(new MatchingSettings(Map.of("need.covered", 2), 30, 5).scoringWeights().needCovered()).isEqualTo(2);
    }

    @Test
    void anUnknownOrOutOfRangeWeightStopsTheStartUp() {
        assertThatThrownBy(() -> new MatchingSettings(Map.of("charisma", 5), 30, 5))
                .hasMessageContaining("unknown matching weight").hasMessageContaining("shared-area");
        assertThatThrownBy(() -> new MatchingSettings(Map.of("shared-area", -1), 30, 5))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
