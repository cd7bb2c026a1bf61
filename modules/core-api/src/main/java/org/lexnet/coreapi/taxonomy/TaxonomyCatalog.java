package org.lexnet.coreapi.taxonomy;

import java.util.List;

/** Read access to the taxonomy, for validating codes in commands and serving the taxonomy endpoint. */
public interface TaxonomyCatalog {

    /** Every term of a kind, in rank order. */
    List<TaxonomyTerm> terms(TaxonomyKind kind);

    default boolean contains(TaxonomyKind kind, String code) {
        return code != null && terms(kind).stream().anyMatch(t -> t.code().equals(code));
    }

    /**
     * The term's place in its kind's order (ranks start at 1; for stages, the leadership order), or
     * {@link #UNRANKED} for a code that is missing or unknown: below every stage, so a member who has
     * not said their stage is never anyone's mentor.
     */
    default int rankOf(TaxonomyKind kind, String code) {
        if (code == null) {
            return UNRANKED;
        }
        return terms(kind).stream().filter(t -> t.code().equals(code)).mapToInt(TaxonomyTerm::rank).findFirst()
                .orElse(UNRANKED);
    }

    int UNRANKED = 0;

    /**
     * The codes of this kind within {@code distance} ranks of the given one, the code itself included, in
     * rank order ("a similar stage": the same stage or one apart); empty for a missing or unknown code.
     */
    default List<String> within(TaxonomyKind kind, String code, int distance) {
        int rank = rankOf(kind, code);
        if (rank == UNRANKED) {
            return List.of();
        }
        return terms(kind).stream().filter(t -> Math.abs(t.rank() - rank) <= distance).map(TaxonomyTerm::code)
                .toList();
    }
}
