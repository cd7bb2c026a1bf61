package org.lexnet.command.recognition;

import org.junit.jupiter.api.Test;
import org.lexnet.command.recognition.EndorsementPolicies.GivingFacts;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.recognition.EndorsementBasis;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.ForbiddenException;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who may endorse whom, and what an endorsement may say: each refusal, and the order they are checked in. */
class EndorsementPoliciesTest {

    private static final MemberId ME = MemberId.of("5e1d0a2b-0000-4000-8000-0000000000a1");
    private static final MemberId THEM = MemberId.of("5e1d0a2b-0000-4000-8000-0000000000b1");
    private static final TaxonomyCatalog TAXONOMY = kind -> kind == TaxonomyKind.COMPETENCY
            ? List.of(new TaxonomyTerm(TaxonomyKind.COMPETENCY, "STRATEGIC_THINKING", "Strategic thinking", 1))
            : List.of();

    /** Visible, connected, nothing in the way. */
    private static GivingFacts facts() {
        return new GivingFacts(true, true, false, false, false, true, false, false, false);
    }

    @Test
    void theFirstRelationshipThatHoldsIsTheBasis() {
        assertThat(EndorsementPolicies.basis(facts())).isEqualTo(EndorsementBasis.CONNECTION);
        assertThat(EndorsementPolicies.basis(new GivingFacts(true, true, false, false, false, false, true, true,
                false))).isEqualTo(EndorsementBasis.PAIRING);
        assertThat(EndorsementPolicies.basis(new GivingFacts(true, false, false, false, false, false, false, true,
                false))).isEqualTo(EndorsementBasis.CIRCLE);
    }

    @Test
    void withoutARelationshipAVisibleMemberIsForbiddenAndAHiddenOneUnknown() {
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, true, false, false, false, false,
                false, false, false))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, false, false, false, false, false,
                false, false, false))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aBlockByTheEndorseeReadsLikeNobodyAndOnesOwnBlockIsNamed() {
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, true, false, false, true, true,
                false, false, false))).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, true, false, true, false, true,
                false, false, false))).isInstanceOf(CommandRejectedException.class).hasMessageContaining("blocked");
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(false, false, false, false, false, true,
                false, false, false))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aSuspendedEndorserAndADuplicateAreRefused() {
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, true, true, false, false, true,
                false, false, false))).isInstanceOf(ForbiddenException.class).hasMessageContaining("suspended");
        assertThatThrownBy(() -> EndorsementPolicies.basis(new GivingFacts(true, true, false, false, false, true,
                false, false, true))).isInstanceOf(CommandRejectedException.class).hasMessageContaining("already");
    }

    @Test
    void contentErrorsNameTheirFields() {
        assertThat(EndorsementPolicies.givingErrors(ME, THEM, "STRATEGIC_THINKING", "Clear", TAXONOMY)).isEmpty();
        assertThat(EndorsementPolicies.givingErrors(ME, ME, "NOPE", "a\u202Eb", TAXONOMY))
                .extracting(e -> e.field()).containsExactly("id", "competency", "text");
        assertThat(EndorsementPolicies.givingErrors(ME, THEM, null, "x".repeat(501), TAXONOMY))
                .extracting(e -> e.field()).containsExactly("competency", "text");
    }
}
