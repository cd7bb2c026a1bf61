package org.lexnet.command.opportunity;

import org.lexnet.coreapi.opportunity.OpportunityCommands.PostOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.SafeText;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What an opportunity may be, in one place: a kind, a title, a description, an http(s) link, known
 * taxonomy codes as tags, remote or a region, a deadline in the future, a positive number of seats.
 */
public final class OpportunityPolicies {

    public static final int MAX_TITLE = 200;
    public static final int MAX_DESCRIPTION = 4000;
    public static final int MAX_LINK = 2000;
    public static final int MAX_TAGS = 10;
    public static final int MAX_SEATS = 10_000;
    public static final int MAX_REASON = 2000;

    private OpportunityPolicies() {
    }

    /** What is wrong with the opportunity asked for, field by field (400); {@code now} judges the deadline. */
    static List<FieldError> postingErrors(PostOpportunityCommand command, Instant now, TaxonomyCatalog taxonomy) {
        List<FieldError> errors = new ArrayList<>();
        if (command.kind() == null) {
            errors.add(new FieldError("kind", "must be one of FUNDING, TRAINING, EVENT, ROLE, PLACEMENT, BURSARY"));
        }
        text(command.title(), "title", MAX_TITLE, false).ifPresent(errors::add);
        text(command.description(), "description", MAX_DESCRIPTION, true).ifPresent(errors::add);
        linkError(command.link()).ifPresent(errors::add);
        codes(command.tags().competencies(), TaxonomyKind.COMPETENCY, "competencies", taxonomy, errors);
        codes(command.tags().stages(), TaxonomyKind.STAGE, "stages", taxonomy, errors);
        codes(command.tags().sectors(), TaxonomyKind.SECTOR, "sectors", taxonomy, errors);
        codes(command.tags().areas(), TaxonomyKind.AREA, "areas", taxonomy, errors);
        if (!command.remote() && command.region() == null) {
            errors.add(new FieldError("region", "name a region, or say it is remote"));
        } else if (command.region() != null && !taxonomy.contains(TaxonomyKind.REGION, command.region())) {
            errors.add(new FieldError("region", "unknown regions code '" + command.region() + "'"));
        }
        if (command.deadline() != null && !command.deadline().isAfter(now)) {
            errors.add(new FieldError("deadline", "must be in the future (it was " + command.deadline() + ")"));
        }
        if (command.seats() != null && (command.seats() < 1 || command.seats() > MAX_SEATS)) {
            errors.add(new FieldError("seats", "must be between 1 and " + MAX_SEATS + ", or left out for no limit"
                                               + " (asked: " + command.seats() + ")"));
        }
        return errors;
    }

    static List<FieldError> reasonErrors(String reason) {
        return text(reason, "reason", MAX_REASON, true).map(List::of).orElse(List.of());
    }

    static List<FieldError> preferenceErrors(OpportunityPreferences preferences) {
        List<FieldError> errors = new ArrayList<>();
        if (preferences.weeklyCap() < 0 || preferences.weeklyCap() > OpportunityPreferences.MOST_PER_WEEK) {
            errors.add(new FieldError("weeklyCap", "must be between 0 and " + OpportunityPreferences.MOST_PER_WEEK));
        }
        if (new HashSet<>(preferences.optedOutKinds()).size() < preferences.optedOutKinds().size()) {
            errors.add(new FieldError("optedOutKinds", "a kind is listed twice"));
        }
        return errors;
    }

    /** Only a web address a member can open safely: http or https, with a host. */
    static Optional<FieldError> linkError(String link) {
        if (link == null || link.isBlank()) {
            return Optional.of(new FieldError("link", "must not be blank"));
        }
        if (link.length() > MAX_LINK) {
            return Optional.of(new FieldError("link", "must be at most " + MAX_LINK + " characters"));
        }
        try {
            URI uri = new URI(link.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return Optional.of(new FieldError("link", "must be an http or https address"));
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return Optional.of(new FieldError("link", "must name a host"));
            }
            if (uri.getUserInfo() != null) {
                return Optional.of(new FieldError("link", "must not carry a user name or password"));
            }
        } catch (URISyntaxException malformed) {
            return Optional.of(new FieldError("link", "is not a valid web address"));
        }
        return Optional.empty();
    }

    private static Optional<FieldError> text(String text, String field, int max, boolean multiline) {
        if (text == null || text.isBlank()) {
            return Optional.of(new FieldError(field, "must not be blank"));
        }
        if (text.strip().length() > max) {
            return Optional.of(new FieldError(field, "must be at most " + max + " characters"));
        }
        return SafeText.problem(text, multiline).map(problem -> new FieldError(field, problem));
    }

    private static void codes(List<String> codes, TaxonomyKind kind, String field, TaxonomyCatalog taxonomy,
                              List<FieldError> errors) {
        if (codes.size() > MAX_TAGS) {
            errors.add(new FieldError(field, "name at most " + MAX_TAGS));
            return;
        }
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
