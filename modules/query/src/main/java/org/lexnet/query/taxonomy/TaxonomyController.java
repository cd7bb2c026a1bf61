package org.lexnet.query.taxonomy;

import io.swagger.v3.oas.annotations.Operation;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Serves the taxonomy (stored as data) so clients can build forms from it. */
@RestController
class TaxonomyController {

    private final TaxonomyCatalog catalog;

    TaxonomyController(TaxonomyCatalog catalog) {
        this.catalog = catalog;
    }

    @Operation(operationId = "getTaxonomy", summary = "The codes every form uses",
               description = "Each list as {code, label}, in order.")
    @GetMapping("/api/v1/taxonomy")
    Map<String, List<Term>> taxonomy() {
        Map<String, List<Term>> all = new LinkedHashMap<>();
        for (TaxonomyKind kind : TaxonomyKind.values()) {
            all.put(kind.jsonName(), catalog.terms(kind).stream().map(t -> new Term(t.code(), t.label())).toList());
        }
        return all;
    }

    record Term(String code, String label) {
    }
}
