package org.lexnet.coreapi.member;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

/**
 * Commands to the Member aggregate. {@code expectedVersion} (nullable) comes from an HTTP
 * {@code If-Match}: when given, the command is rejected if the member changed since that version.
 */
public final class MemberCommands {

    private MemberCommands() {
    }

    public record RegisterMemberCommand(@TargetAggregateIdentifier MemberId memberId, String displayName) {
    }

    public record UpdateMemberProfileCommand(@TargetAggregateIdentifier MemberId memberId,
                                             @TargetAggregateVersion Long expectedVersion,
                                             MemberProfile profile) {
    }

    public record RecordLivedExperienceCommand(@TargetAggregateIdentifier MemberId memberId,
                                               @TargetAggregateVersion Long expectedVersion,
                                               List<AreaConsent> areas) {
        public RecordLivedExperienceCommand {
            areas = List.copyOf(areas);
        }
    }

    public record PauseParticipationCommand(@TargetAggregateIdentifier MemberId memberId) {
    }

    public record ResumeParticipationCommand(@TargetAggregateIdentifier MemberId memberId) {
    }

    public record SetMentorOfferCommand(@TargetAggregateIdentifier MemberId memberId,
                                        @TargetAggregateVersion Long expectedVersion,
                                        MentorOffer offer) {
    }

    public record WithdrawMentorOfferCommand(@TargetAggregateIdentifier MemberId memberId) {
    }

    /** {@code memberId} blocks {@code blockedId}: no requests, proposals or suggestions either way. */
    public record BlockMemberCommand(@TargetAggregateIdentifier MemberId memberId, MemberId blockedId) {
    }

    public record UnblockMemberCommand(@TargetAggregateIdentifier MemberId memberId, MemberId blockedId) {
    }

    /**
     * The member leaves and their personal data is erased: everything open ends as if they had left,
     * and {@code MemberErasedEvent} is recorded. {@code erasedBy} is the member themselves or an admin,
     * who gives a {@code reason} (required then, kept for the audit).
     */
    public record EraseMemberCommand(@TargetAggregateIdentifier MemberId memberId, MemberId erasedBy, String reason) {
    }
}
