package org.lexnet.coreapi.recognition;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.privacy.PersonalData;

/**
 * Events of an endorsement, on its own stream. Every event names both members, so that read models and
 * the feed need nothing else to place it.
 */
public final class EndorsementEvents {

    private EndorsementEvents() {
    }

    /**
     * A member vouched for another's competency. The text is the endorser's words about the endorsee:
     * sealed with both their keys, so it is gone once either of them is erased.
     */
    @Revision("1")
    public record EndorsementGivenEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId,
                                        String competency, EndorsementBasis basis,
                                        @PersonalData(keysOf = {"endorserId", "endorseeId"}) String text) {
    }

    /** The endorsee accepted it: shown on their profile to {@code audience} (PRIVATE: to nobody). */
    @Revision("1")
    public record EndorsementAcceptedEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId,
                                           String competency, Visibility audience) {
    }

    @Revision("1")
    public record EndorsementDeclinedEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId) {
    }

    @Revision("1")
    public record EndorsementWithdrawnEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId) {
    }

    /** The endorsee took it off their profile; it still counts in their contribution record. */
    @Revision("1")
    public record EndorsementHiddenEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId) {
    }

    /** The endorsee shows it (again) to {@code audience}. */
    @Revision("1")
    public record EndorsementShownEvent(EndorsementId endorsementId, MemberId endorserId, MemberId endorseeId,
                                        Visibility audience) {
    }
}
