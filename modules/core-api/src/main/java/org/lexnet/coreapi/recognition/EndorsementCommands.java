package org.lexnet.coreapi.recognition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;

/**
 * Commands about endorsements: one member vouches for another's competency, the endorsee answers and
 * decides who sees it. {@code memberId} is always the member who asks (the token's subject).
 */
public final class EndorsementCommands {

    private EndorsementCommands() {
    }

    /** The endorser vouches for the endorsee's competency (a taxonomy code), in their own words. */
    public record GiveEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId, MemberId endorserId,
                                         MemberId endorseeId, String competency, String text) {
    }

    /** The endorsee accepts it; it appears on their profile for {@code audience}. */
    public record AcceptEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId, MemberId memberId,
                                           Visibility audience) {
    }

    public record DeclineEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId,
                                            MemberId memberId) {
    }

    /** The endorser takes it back while the endorsee has not answered. */
    public record WithdrawEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId,
                                             MemberId memberId) {
    }

    /** The endorsee takes an accepted endorsement off their profile. */
    public record HideEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId, MemberId memberId) {
    }

    /** The endorsee shows an accepted (or hidden) endorsement to another audience. */
    public record ShowEndorsementCommand(@TargetAggregateIdentifier EndorsementId endorsementId, MemberId memberId,
                                         Visibility audience) {
    }
}
