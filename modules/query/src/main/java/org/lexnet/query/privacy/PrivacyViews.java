package org.lexnet.query.privacy;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.circle.CircleExport.MyCircles;
import org.lexnet.query.connection.NetworkExport.BlockMade;
import org.lexnet.query.connection.NetworkExport.ExportedConnection;
import org.lexnet.query.feed.FeedMessage;
import org.lexnet.query.member.MemberViews.OwnProfile;
import org.lexnet.query.mentorship.MentorshipViews.ExportedPairing;
import org.lexnet.query.mentorship.MentorshipViews.ProposalToYou;
import org.lexnet.query.opportunity.OpportunityExport.MyOpportunities;
import org.lexnet.query.privacy.AccountDetails.Account;
import org.lexnet.query.recognition.EndorsementViews.MyEndorsements;

import java.time.Instant;
import java.util.List;

/** What a member can get about themselves: their export and their consent history. */
final class PrivacyViews {

    private PrivacyViews() {
    }

    /**
     * Everything the service holds about the member, as one document. {@code account} is null only for
     * a member without an account; {@code profile} is null in the moment after registration before the
     * member directory has them. Lists are oldest first.
     */
    record MemberExportView(Instant generatedAt, Account account, OwnProfile profile, ConsentHistoryView consents,
                        List<ExportedPairing> pairings, List<ProposalToYou> proposalsToYou,
                        List<ExportedConnection> connections, List<BlockMade> blocksMade,
                        List<FeedMessage> notifications, MyCircles circles, MyEndorsements endorsements,
                        MyOpportunities opportunities) {
    }

    /** Every change of consent the member made, in time order, and what each level means. */
    record ConsentHistoryView(String memberId, List<ConsentChange> changes, List<ConsentLevel> levels) {
    }

    /**
     * One area's consent changed: {@code from} null when the area was first recorded, {@code to} null
     * when it was removed; {@code audience} says in words what {@code to} lets happen.
     */
    record ConsentChange(String area, Visibility from, Visibility to, String audience, Instant at) {
    }

    record ConsentLevel(Visibility visibility, String audience) {
    }
}
