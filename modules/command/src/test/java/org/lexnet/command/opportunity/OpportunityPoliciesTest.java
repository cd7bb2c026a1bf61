package org.lexnet.command.opportunity;

import org.junit.jupiter.api.Test;
import org.lexnet.command.testsupport.InMemoryTaxonomyCatalog;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityCommands.PostOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.lexnet.coreapi.opportunity.OpportunityPreferences;
import org.lexnet.coreapi.opportunity.OpportunityTags;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What an opportunity may be, each rule on its own against a posting that is otherwise fine. */
class OpportunityPoliciesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final InMemoryTaxonomyCatalog TAXONOMY = InMemoryTaxonomyCatalog.sample();

    private static PostOpportunityCommand posting(String link, OpportunityTags tags, boolean remote, String region,
                                                  Instant deadline, Integer seats) {
        return new PostOpportunityCommand(OpportunityId.random(), MemberId.of("00000000-0000-4000-8000-00000000000a"),
                false, OpportunityKind.FUNDING, "Grants", "For groups.", link, tags, remote, region, deadline, seats);
    }

    private static PostOpportunityCommand fine() {
        return posting("https://example.org/grants", new OpportunityTags(List.of("FUNDRAISING_AND_FINANCE"),
                List.of("EMERGING"), List.of("CHARITY"), List.of("CARE_SYSTEM")), true, null, NOW.plusSeconds(60), 5);
    }

    private static List<String> fields(PostOpportunityCommand command) {
        return OpportunityPolicies.postingErrors(command, NOW, TAXONOMY).stream().map(FieldError::field).toList();
    }

    @Test
    void aWellFormedPostingHasNoErrors() {
        assertThat(OpportunityPolicies.postingErrors(fine(), NOW, TAXONOMY)).isEmpty();
        assertThat(fields(posting("http://example.org", new OpportunityTags(null, null, null, null), false, "LONDON",
                null, null))).as("no tags, no deadline, no seats").isEmpty();
    }

    @Test
    void onlyHttpAndHttpsLinksWithAHostAndNoCredentials() {
        for (String link : List.of("javascript:alert(1)", "ftp://example.org/f", "mailto:a@example.org",
                "data:text/html,hi", "https://", "https://user:pw@example.org/", "not a link", " ")) {
            assertThat(OpportunityPolicies.linkError(link)).as(link).isPresent();
        }
        assertThat(OpportunityPolicies.linkError("HTTPS://Example.org/a?b=c")).isEmpty();
    }

    @Test
    void theDeadlineMustBeInTheFuture() {
        assertThat(fields(posting("https://example.org", fine().tags(), true, null, NOW, null))).containsExactly(
                "deadline");
        assertThat(fields(posting("https://example.org", fine().tags(), true, null, NOW.minusSeconds(1), null)))
                .containsExactly("deadline");
    }

    @Test
    void seatsArePositive() {
        for (int seats : new int[]{0, -1, OpportunityPolicies.MAX_SEATS + 1}) {
            assertThat(fields(posting("https://example.org", fine().tags(), true, null, null, seats))).as("" + seats)
                    .containsExactly("seats");
        }
    }

    @Test
    void everyUnknownOrRepeatedCodeIsNamed() {
        OpportunityTags tags = new OpportunityTags(List.of("NOPE"), List.of("EMERGING", "EMERGING"), List.of("X"),
                List.of("Y"));
        assertThat(fields(posting("https://example.org", tags, false, "ATLANTIS", null, null)))
                .containsExactly("competencies[0]", "stages[1]", "sectors[0]", "areas[0]", "region");
    }

    @Test
    void preferencesNameEachKindOnceAndACapWithinRange() {
        assertThat(OpportunityPolicies.preferenceErrors(new OpportunityPreferences(List.of(OpportunityKind.EVENT), 0)))
                .isEmpty();
        assertThat(OpportunityPolicies.preferenceErrors(new OpportunityPreferences(
                List.of(OpportunityKind.EVENT, OpportunityKind.EVENT), OpportunityPreferences.MOST_PER_WEEK + 1)))
                .extracting(FieldError::field).containsExactly("weeklyCap", "optedOutKinds");
    }
}
