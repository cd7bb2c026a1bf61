package org.lexnet.coreapi.taxonomy;

/**
 * The kinds of term the taxonomy holds. The kinds are structure (code depends on them); the terms
 * inside each kind are data, seeded by a migration and extensible without a release.
 */
public enum TaxonomyKind {
    STAGE("stages"),
    AREA("areas"),
    ROLE("roles"),
    SECTOR("sectors"),
    REGION("regions"),
    COMPETENCY("competencies"),
    LEARNING_PREFERENCE("learningPreferences"),
    MANAGEMENT_YEARS("managementYears"),
    /** The ground rules every circle member accepts on joining (the default set; codes are recorded). */
    CIRCLE_GROUND_RULE("circleGroundRules");

    private final String jsonName;

    TaxonomyKind(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name of this kind's list in the taxonomy endpoint's response. */
    public String jsonName() {
        return jsonName;
    }
}
