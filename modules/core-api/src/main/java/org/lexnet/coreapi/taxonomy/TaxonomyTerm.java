package org.lexnet.coreapi.taxonomy;

/** One term of the taxonomy; {@code rank} orders terms within a kind (for stages, the leadership order). */
public record TaxonomyTerm(TaxonomyKind kind, String code, String label, int rank) {
}
