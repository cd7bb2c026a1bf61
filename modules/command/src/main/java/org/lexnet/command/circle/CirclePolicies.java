package org.lexnet.command.circle;

import org.lexnet.coreapi.circle.CircleCommands.CreateCircleCommand;
import org.lexnet.coreapi.circle.CirclePreferences;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The rules of circles that do not need a circle's own state, in one place: what a circle may be
 * (seats, focus, stage band, format), who may facilitate one, how many circles a member sits in, and
 * what a member's circle preferences may say.
 */
public final class CirclePolicies {

    public static final int MIN_SEATS = 4;
    public static final int MAX_SEATS = 8;
    public static final int MAX_FOCUS = 3;
    /** A member sits in at most this many circles that are not closed (forming or active). */
    public static final int MAX_CIRCLES_PER_MEMBER = 2;
    /** The lowest stage that may facilitate; admins facilitate whatever their stage. */
    public static final String LOWEST_FACILITATOR_STAGE = "EXPERIENCED";
    public static final int MAX_FACILITATE = 3;

    private CirclePolicies() {
    }

    /** What is wrong with the circle asked for, field by field (400). */
    static List<FieldError> creationErrors(CreateCircleCommand command, TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (command.seats() < MIN_SEATS || command.seats() > MAX_SEATS) {
            errors.add(new FieldError("seats", "a circle has " + MIN_SEATS + " to " + MAX_SEATS
                                               + " seats besides its facilitator (asked: " + command.seats() + ")"));
        }
        if (command.focus().isEmpty() || command.focus().size() > MAX_FOCUS) {
            errors.add(new FieldError("focus", "name 1 to " + MAX_FOCUS + " competencies"));
        }
        codes(command.focus(), TaxonomyKind.COMPETENCY, "focus", taxonomy, errors);
        codes(command.areas(), TaxonomyKind.AREA, "areas", taxonomy, errors);
        List<String> stages = command.stages();
        if (stages.isEmpty() || stages.size() > 2) {
            errors.add(new FieldError("stages", "name one stage, or two adjacent ones"));
        } else {
            int before = errors.size();
            codes(stages, TaxonomyKind.STAGE, "stages", taxonomy, errors);
            if (errors.size() == before && stages.size() == 2
                && Math.abs(taxonomy.rankOf(TaxonomyKind.STAGE, stages.get(0))
                            - taxonomy.rankOf(TaxonomyKind.STAGE, stages.get(1))) != 1) {
                errors.add(new FieldError("stages", "two stages must be adjacent (" + stages.get(0) + " and "
                                                    + stages.get(1) + " are not)"));
            }
        }
        regionErrors(command.remote(), command.region(), taxonomy).ifPresent(errors::add);
        return errors;
    }

    /** The band's lowest and highest stage, in rank order. */
    static List<String> band(List<String> stages, TaxonomyCatalog taxonomy) {
        return stages.stream()
                .sorted((a, b) -> Integer.compare(taxonomy.rankOf(TaxonomyKind.STAGE, a),
                        taxonomy.rankOf(TaxonomyKind.STAGE, b)))
                .toList();
    }

    /**
     * Why a member may not facilitate a circle for this band, if they may not: they did not agree to, they
     * are below EXPERIENCED or below the band, or they already facilitate as many circles as they agreed.
     */
    static Optional<String> facilitatorRejection(String stage, CirclePreferences preferences, String highStage,
                                                 int facilitating, TaxonomyCatalog taxonomy) {
        int rank = taxonomy.rankOf(TaxonomyKind.STAGE, stage);
        if (rank < taxonomy.rankOf(TaxonomyKind.STAGE, LOWEST_FACILITATOR_STAGE)) {
            return Optional.of("a facilitator is an EXPERIENCED or SENIOR member (this one's stage is "
                               + (stage == null ? "not set" : stage) + ")");
        }
        if (rank < taxonomy.rankOf(TaxonomyKind.STAGE, highStage)) {
            return Optional.of("the facilitator's stage (" + stage + ") is below the circle's band (up to "
                               + highStage + ")");
        }
        if (preferences == null || preferences.facilitate() < 1) {
            return Optional.of("the facilitator has not agreed to facilitate circles (circle preferences, "
                               + "'facilitate')");
        }
        if (facilitating >= preferences.facilitate()) {
            return Optional.of("the facilitator already facilitates " + facilitating + " circle(s), as many as "
                               + "they agreed to");
        }
        return Optional.empty();
    }

    static Optional<String> seatRejection(int circlesSatIn) {
        if (circlesSatIn >= MAX_CIRCLES_PER_MEMBER) {
            return Optional.of("you already sit in " + circlesSatIn + " circles, the most a member may (leave one, "
                               + "or wait until one closes)");
        }
        return Optional.empty();
    }

    /** What is wrong with a member's circle preferences, field by field (400). */
    static List<FieldError> preferenceErrors(CirclePreferences preferences, String stage, TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (preferences.focus().isEmpty() || preferences.focus().size() > MAX_FOCUS) {
            errors.add(new FieldError("focus", "name 1 to " + MAX_FOCUS + " competencies"));
        }
        codes(preferences.focus(), TaxonomyKind.COMPETENCY, "focus", taxonomy, errors);
        if (preferences.slots().isEmpty()) {
            errors.add(new FieldError("slots", "name at least one time you can meet (WEEKDAY, EVENING, WEEKEND)"));
        } else if (new HashSet<>(preferences.slots()).size() < preferences.slots().size()) {
            errors.add(new FieldError("slots", "a slot is listed twice"));
        }
        regionErrors(preferences.remote(), preferences.region(), taxonomy).ifPresent(errors::add);
        if (preferences.facilitate() < 0 || preferences.facilitate() > MAX_FACILITATE) {
            errors.add(new FieldError("facilitate", "must be between 0 and " + MAX_FACILITATE));
        } else if (preferences.facilitate() > 0 && taxonomy.rankOf(TaxonomyKind.STAGE, stage)
                                                   < taxonomy.rankOf(TaxonomyKind.STAGE, LOWEST_FACILITATOR_STAGE)) {
            errors.add(new FieldError("facilitate", "only EXPERIENCED and SENIOR members facilitate circles (your "
                                                    + "stage is " + (stage == null ? "not set" : stage) + ")"));
        }
        return errors;
    }

    /** A remote circle has no region; one that meets in person names a known region. */
    private static Optional<FieldError> regionErrors(boolean remote, String region, TaxonomyCatalog taxonomy) {
        if (!remote && region == null) {
            return Optional.of(new FieldError("region", "name a region, or meet remotely"));
        }
        if (region != null && !taxonomy.contains(TaxonomyKind.REGION, region)) {
            return Optional.of(new FieldError("region", "unknown regions code '" + region + "'"));
        }
        return Optional.empty();
    }

    private static void codes(List<String> codes, TaxonomyKind kind, String field, TaxonomyCatalog taxonomy,
                              List<FieldError> errors) {
        var seen = new HashSet<String>();
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
