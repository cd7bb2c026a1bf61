package org.lexnet.command.testsupport;

import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A small, fixed taxonomy for the command-side tests (shared by every aggregate's tests): a realistic subset of the seeded codes, held in memory.
 * It is a value handed to the handlers, not a stand-in for a repository.
 */
public final class InMemoryTaxonomyCatalog implements TaxonomyCatalog {

    private final Map<TaxonomyKind, List<TaxonomyTerm>> terms = new EnumMap<>(TaxonomyKind.class);

    private InMemoryTaxonomyCatalog() {
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            terms.put(kind, new ArrayList<>());
        }
    }

    public static InMemoryTaxonomyCatalog sample() {
        return new InMemoryTaxonomyCatalog()
                .with(TaxonomyKind.STAGE, "ASPIRING", "EMERGING", "EXPERIENCED", "SENIOR")
                .with(TaxonomyKind.AREA, "MENTAL_HEALTH", "CARE_SYSTEM", "HOMELESSNESS_HOUSING", "CRIMINAL_JUSTICE")
                .with(TaxonomyKind.REGION, "LONDON", "WALES")
                .with(TaxonomyKind.ROLE, "PRACTITIONER", "CAMPAIGNER")
                .with(TaxonomyKind.SECTOR, "CHARITY", "PUBLIC_SECTOR")
                .with(TaxonomyKind.COMPETENCY, "FUNDRAISING_AND_FINANCE", "STRATEGIC_THINKING", "NEGOTIATION")
                .with(TaxonomyKind.LEARNING_PREFERENCE, "READING", "DISCUSSION")
                .with(TaxonomyKind.MANAGEMENT_YEARS, "0", "1-2", "5-10");
    }

    private InMemoryTaxonomyCatalog with(TaxonomyKind kind, String... codes) {
        List<TaxonomyTerm> list = terms.get(kind);
        for (String code : codes) {
            list.add(new TaxonomyTerm(kind, code, label(code), list.size() + 1));
        }
        return this;
    }

    private static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    @Override
    public List<TaxonomyTerm> terms(TaxonomyKind kind) {
        return List.copyOf(terms.get(kind));
    }
}
