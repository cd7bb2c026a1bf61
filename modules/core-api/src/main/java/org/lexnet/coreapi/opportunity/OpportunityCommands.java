package org.lexnet.coreapi.opportunity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;

import java.time.Instant;

/**
 * Commands about opportunities. {@code actor} is the member who asks (from the token) and
 * {@code byAdmin} whether they hold the admin role.
 */
public final class OpportunityCommands {

    private OpportunityCommands() {
    }

    /**
     * Posts an opportunity; {@code region} is null for a remote one, {@code deadline} and {@code seats}
     * are optional (no deadline: open until withdrawn; no seats: no limit on interest).
     */
    public record PostOpportunityCommand(@TargetAggregateIdentifier OpportunityId opportunityId, MemberId actor,
                                         boolean byAdmin, OpportunityKind kind, String title, String description,
                                         String link, OpportunityTags tags, boolean remote, String region,
                                         Instant deadline, Integer seats) {
    }

    /** The poster takes their opportunity back. */
    public record WithdrawOpportunityCommand(@TargetAggregateIdentifier OpportunityId opportunityId, MemberId actor) {
    }

    /** An admin hides an opportunity from everyone, saying why (kept for the audit). */
    public record HideOpportunityCommand(@TargetAggregateIdentifier OpportunityId opportunityId, MemberId actor,
                                         String reason) {
    }

    /** The deadline passed: sent by the app itself ({@code system}); harmless when it was closed already. */
    public record CloseOpportunityAtDeadlineCommand(@TargetAggregateIdentifier OpportunityId opportunityId) {
    }

    public record RegisterInterestCommand(@TargetAggregateIdentifier OpportunityId opportunityId, MemberId actor) {
    }

    public record WithdrawInterestCommand(@TargetAggregateIdentifier OpportunityId opportunityId, MemberId actor) {
    }

    /** A member says which kinds of opportunity they want to hear about, and how many a week (their own stream). */
    public record SetOpportunityPreferencesCommand(@TargetAggregateIdentifier MemberId memberId,
                                                   OpportunityPreferences preferences) {
    }
}
