package org.lexnet.coreapi.opportunity;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.time.Instant;

/**
 * Events of the Opportunity aggregate, which the admin audit reads back from sequence 0. What the poster
 * wrote (title, description, link) is sealed with the poster's key: erasing the poster makes it unreadable.
 */
public final class OpportunityEvents {

    private OpportunityEvents() {
    }

    /**
     * An opportunity was posted. {@code postedBy} is the member who posted it — for an admin, the admin's
     * own member id — and {@code memberPosted} says whether a member (true) or an admin (false) did;
     * {@code region} is null for a remote one; {@code deadline} and {@code seats} may be null.
     */
    @Revision("1")
    public record OpportunityPostedEvent(OpportunityId opportunityId, MemberId postedBy, boolean memberPosted,
                                         OpportunityKind kind, @PersonalData(keysOf = "postedBy") String title,
                                         @PersonalData(keysOf = "postedBy") String description,
                                         @PersonalData(keysOf = "postedBy") String link, OpportunityTags tags,
                                         boolean remote, String region, Instant deadline, Integer seats) {
    }

    /** {@code reason}: {@code WITHDRAWN} by its poster, or {@code POSTER_ERASED} (the poster left lexnet). */
    @Revision("1")
    public record OpportunityWithdrawnEvent(OpportunityId opportunityId, MemberId withdrawnBy, String reason) {
    }

    /** The deadline passed; {@code deadline} is the one the opportunity had. */
    @Revision("1")
    public record OpportunityClosedEvent(OpportunityId opportunityId, Instant deadline) {
    }

    /**
     * An admin hid the opportunity; the reason is for the audit (and the poster's page), never the feed,
     * sealed with the admin's key like their other moderation notes.
     */
    @Revision("1")
    public record OpportunityHiddenEvent(OpportunityId opportunityId, MemberId hiddenBy,
                                         @PersonalData(keysOf = "hiddenBy") String reason) {
    }

    /** A member registered interest; {@code seatsTaken} of {@code seats} (null: no limit) now. */
    @Revision("1")
    public record InterestRegisteredEvent(OpportunityId opportunityId, MemberId memberId, int seatsTaken,
                                          Integer seats) {
    }

    /** {@code reason}: {@code WITHDRAWN} by the member, or {@code ERASED} (they left lexnet). */
    @Revision("1")
    public record InterestWithdrawnEvent(OpportunityId opportunityId, MemberId memberId, String reason,
                                         int seatsTaken) {
    }

    /** On the member's own stream: the kinds they opted out of and their weekly cap. */
    @Revision("1")
    public record OpportunityPreferencesSetEvent(MemberId memberId, OpportunityPreferences preferences) {
    }
}
