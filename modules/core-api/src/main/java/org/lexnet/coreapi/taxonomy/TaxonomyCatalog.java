package org.lexnet.coreapi.taxonomy;

import java.util.List;

/** Read access to the taxonomy, for validating codes in commands and serving the taxonomy endpoint. */
public interface TaxonomyCatalog {

    /** Every term of a kind, in rank order. */
    List<TaxonomyTerm> terms(TaxonomyKind kind);

    default boolean contains(TaxonomyKind kind, String code) {
        return code != null && terms(kind).stream().anyMatch(t -> t.code().equals(code));
    }
}
