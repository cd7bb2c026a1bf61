package org.lexnet.command.member;

import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.SafeText;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The content rules of a member's commands, in one place: a name is one line of {@link SafeText},
 * every code must exist in the taxonomy,
 * lists hold no duplicates, an offer's capacity is in range and its areas are ones the member recorded
 * for matching or wider. Each function returns the list of broken rules (empty when all hold).
 */
final class MemberPolicies {

    static final int MAX_DISPLAY_NAME = 80;

    private MemberPolicies() {
    }

    static List<FieldError> displayNameErrors(String displayName, String field) {
        if (displayName == null || displayName.isBlank()) {
            return List.of(new FieldError(field, "must not be blank"));
        }
        if (displayName.strip().length() > MAX_DISPLAY_NAME) {
            return List.of(new FieldError(field, "must be at most " + MAX_DISPLAY_NAME + " characters"));
        }
        return SafeText.problem(displayName.strip(), false).map(problem -> List.of(new FieldError(field, problem)))
                .orElse(List.of());
    }

    static List<FieldError> profileErrors(MemberProfile profile, TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>(displayNameErrors(profile.displayName(), "displayName"));
        if (profile.stage() == null) {
            errors.add(new FieldError("stage", "must not be null"));
        } else {
            code(errors, taxonomy, TaxonomyKind.STAGE, "stage", profile.stage());
        }
        if (profile.region() != null) {
            code(errors, taxonomy, TaxonomyKind.REGION, "region", profile.region());
        }
        if (profile.managementYears() != null) {
            code(errors, taxonomy, TaxonomyKind.MANAGEMENT_YEARS, "managementYears", profile.managementYears());
        }
        codes(errors, taxonomy, TaxonomyKind.ROLE, "roles", profile.roles());
        codes(errors, taxonomy, TaxonomyKind.SECTOR, "sectors", profile.sectors());
        codes(errors, taxonomy, TaxonomyKind.COMPETENCY, "needs", profile.needs());
        codes(errors, taxonomy, TaxonomyKind.COMPETENCY, "strengths", profile.strengths());
        codes(errors, taxonomy, TaxonomyKind.LEARNING_PREFERENCE, "learningPreferences",
              profile.learningPreferences());
        return errors;
    }

    static List<FieldError> livedExperienceErrors(List<AreaConsent> areas, TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < areas.size(); i++) {
            AreaConsent area = areas.get(i);
            String field = "areas[" + i + "]";
            if (area.visibility() == null) {
                errors.add(new FieldError(field + ".visibility", "must not be null"));
            }
            if (!taxonomy.contains(TaxonomyKind.AREA, area.code())) {
                errors.add(new FieldError(field + ".code", "unknown lived-experience area '" + area.code() + "'"));
            } else if (!seen.add(area.code())) {
                errors.add(new FieldError(field + ".code", "area '" + area.code() + "' is listed twice"));
            }
        }
        return errors;
    }

    /** @param recordedAreas the member's current areas with their visibility */
    static List<FieldError> mentorOfferErrors(MentorOffer offer, Map<String, Visibility> recordedAreas,
                                              TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (offer.capacity() < MentorOffer.MIN_CAPACITY || offer.capacity() > MentorOffer.MAX_CAPACITY) {
            errors.add(new FieldError("capacity", "must be between " + MentorOffer.MIN_CAPACITY + " and "
                                                  + MentorOffer.MAX_CAPACITY));
        }
        codes(errors, taxonomy, TaxonomyKind.STAGE, "stages", offer.stages());
        codes(errors, taxonomy, TaxonomyKind.COMPETENCY, "strengths", offer.strengths());
        codes(errors, taxonomy, TaxonomyKind.AREA, "areas", offer.areas());
        for (int i = 0; i < offer.areas().size(); i++) {
            String code = offer.areas().get(i);
            Visibility consent = recordedAreas.get(code);
            if (taxonomy.contains(TaxonomyKind.AREA, code)
                && (consent == null || !consent.allows(Visibility.MATCHING))) {
                errors.add(new FieldError("areas[" + i + "]", "area '" + code
                        + "' must first be recorded in your lived experience with visibility MATCHING or wider"));
            }
        }
        return errors;
    }

    private static void code(List<FieldError> errors, TaxonomyCatalog taxonomy, TaxonomyKind kind, String field,
                             String code) {
        if (!taxonomy.contains(kind, code)) {
            errors.add(new FieldError(field, "unknown " + kind.jsonName() + " code '" + code + "'"));
        }
    }

    private static void codes(List<FieldError> errors, TaxonomyCatalog taxonomy, TaxonomyKind kind, String field,
                              List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!taxonomy.contains(kind, code)) {
                errors.add(new FieldError(field + "[" + i + "]", "unknown " + kind.jsonName() + " code '" + code + "'"));
            } else if (!seen.add(code)) {
                errors.add(new FieldError(field + "[" + i + "]", "'" + code + "' is listed twice"));
            }
        }
    }
}
