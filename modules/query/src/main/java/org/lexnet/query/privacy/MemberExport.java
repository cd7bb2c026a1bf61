package org.lexnet.query.privacy;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.circle.CircleExport;
import org.lexnet.query.connection.NetworkExport;
import org.lexnet.query.connection.NetworkExport.MyNetworkExport;
import org.lexnet.query.feed.NotificationExport;
import org.lexnet.query.member.OwnProfiles;
import org.lexnet.query.mentorship.MentorshipViews.PairingsExport;
import org.lexnet.query.mentorship.PairingExport;
import org.lexnet.query.opportunity.OpportunityExport;
import org.lexnet.query.privacy.PrivacyViews.MemberExportView;
import org.lexnet.query.recognition.EndorsementReader;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * Gathers everything the service holds about one member into one document. Each part comes from the
 * read side that owns it and is shown by that side's disclosure rules; the account comes from the app
 * through {@link AccountDetails}.
 */
@Component
class MemberExport {

    private final AccountDetails accounts;
    private final OwnProfiles profiles;
    private final ConsentHistory consents;
    private final PairingExport pairings;
    private final NetworkExport network;
    private final NotificationExport notifications;
    private final CircleExport circles;
    private final EndorsementReader endorsements;
    private final OpportunityExport opportunities;
    private final Clock clock;

    MemberExport(AccountDetails accounts, OwnProfiles profiles, ConsentHistory consents, PairingExport pairings,
                 NetworkExport network, NotificationExport notifications, CircleExport circles,
                 EndorsementReader endorsements, OpportunityExport opportunities, Clock clock) {
        this.endorsements = endorsements;
        this.opportunities = opportunities;
        this.circles = circles;
        this.accounts = accounts;
        this.profiles = profiles;
        this.consents = consents;
        this.pairings = pairings;
        this.network = network;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Read in one repeatable-read transaction, so that every part is as of one moment: a pairing and its
     * goals, a connection and the notifications about it, agree with each other.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MemberExportView of(MemberId member) {
        PairingsExport myPairings = pairings.of(member);
        MyNetworkExport myNetwork = network.of(member);
        return new MemberExportView(clock.instant(), accounts.of(member).orElse(null),
                profiles.of(member).orElse(null), consents.of(member), myPairings.pairings(),
                myPairings.proposalsToYou(), myNetwork.connections(), myNetwork.blocksMade(),
                notifications.of(member), circles.of(member),
                endorsements.exported(member), opportunities.of(member));
    }
}
