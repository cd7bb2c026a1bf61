package org.lexnet.coreapi.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TaxonomyCatalogTest {

    private static final TaxonomyCatalog STAGES = kind -> kind != TaxonomyKind.STAGE ? List.of() : List.of(
            new TaxonomyTerm(TaxonomyKind.STAGE, "ASPIRING", "Aspiring", 1),
            new TaxonomyTerm(TaxonomyKind.STAGE, "EMERGING", "Emerging", 2),
            new TaxonomyTerm(TaxonomyKind.STAGE, "EXPERIENCED", "Experienced", 3),
            new TaxonomyTerm(TaxonomyKind.STAGE, "SENIOR", "Senior", 4));

    @Test
    void aStagesRankIsItsPlaceAndAnUnknownOrMissingStageIsBelowEveryStage() {
        assertThat(STAGES.rankOf(TaxonomyKind.STAGE, "EXPERIENCED")).isEqualTo(3);
        assertThat(STAGES.rankOf(TaxonomyKind.STAGE, "NOT_A_STAGE")).isEqualTo(TaxonomyCatalog.UNRANKED);
        assertThat(STAGES.rankOf(TaxonomyKind.STAGE, null)).isEqualTo(TaxonomyCatalog.UNRANKED);
        assertThat(TaxonomyCatalog.UNRANKED).isLessThan(STAGES.rankOf(TaxonomyKind.STAGE, "ASPIRING"));
    }

    @Test
    void aSimilarStageIsTheSameOrOneApart() {
        assertThat(STAGES.within(TaxonomyKind.STAGE, "EMERGING", 1)).containsExactly("ASPIRING", "EMERGING",
                "EXPERIENCED");
        assertThat(STAGES.within(TaxonomyKind.STAGE, "SENIOR", 1)).containsExactly("EXPERIENCED", "SENIOR");
        assertThat(STAGES.within(TaxonomyKind.STAGE, null, 1)).isEmpty();
    }
}
