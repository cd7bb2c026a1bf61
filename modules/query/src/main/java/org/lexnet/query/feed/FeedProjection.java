package org.lexnet.query.feed;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.lexnet.coreapi.circle.CircleEvents.CircleClosedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleGoalSharedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleSessionLoggedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleStartedEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberInvitedToCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberJoinedCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberLeftCircleEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.recognition.EndorsementEvents.EndorsementGivenEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberReinstatedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.PairingNudgedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.ProposalReminderSentEvent;
import org.lexnet.query.feed.FeedPayload.CircleFormed;
import org.lexnet.query.feed.FeedPayload.CircleGoalNotice;
import org.lexnet.query.feed.FeedPayload.CircleInvitation;
import org.lexnet.query.feed.FeedPayload.CircleMemberNotice;
import org.lexnet.query.feed.FeedPayload.CircleNotice;
import org.lexnet.query.feed.FeedPayload.CircleSession;
import org.lexnet.query.feed.FeedPayload.ConnectionMade;
import org.lexnet.query.feed.FeedPayload.ConnectionNotice;
import org.lexnet.query.feed.FeedPayload.EndorsementNotice;
import org.lexnet.query.feed.FeedPayload.OfferOpened;
import org.lexnet.query.feed.FeedPayload.OpportunityMatch;
import org.lexnet.query.feed.FeedPayload.OpportunityPosted;
import org.lexnet.query.feed.FeedPayload.PairingNotice;
import org.lexnet.query.feed.FeedPayload.ProposalLapsed;
import org.lexnet.query.feed.FeedPayload.ProposalNotice;
import org.lexnet.query.feed.FeedPayload.ProposalToAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Says which feed entries each event makes: private notifications for the member concerned and public
 * network activity, with ids and codes only (names are looked up when an entry is shown, by
 * {@link FeedEntries}); {@link FeedWriter} stores them. Also keeps {@code feed_member}: what the feed
 * needs to know about members (name, visibility, stage, open offer) as of this point in the stream.
 * One segment, so that a member's change is applied before any later event of another aggregate that
 * depends on it (a connection accepted after one side hid).
 *
 * <p>Replay-safe: the writer adds an entry at most once per (event id, part); {@code feed_member}
 * moves only forward in each member's stream. A replay rebuilds {@code feed_member} but keeps every
 * entry, so clients' cursors stay valid.
 */
@Component
@ProcessingGroup(FeedProjection.PROCESSING_GROUP)
class FeedProjection {

    static final String PROCESSING_GROUP = "feed";

    private final JdbcTemplate jdbc;
    private final FeedWriter feed;
    private final OpportunityAudience opportunityAudience;

    FeedProjection(JdbcTemplate jdbc, FeedWriter feed, OpportunityAudience opportunityAudience) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.opportunityAudience = opportunityAudience;
    }

    // --- what the feed knows about members

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence) {
        jdbc.update("insert into feed_member (member_id, display_name, version) values (?, ?, ?) "
                        + "on conflict (member_id) do nothing",
                event.memberId().value(), event.displayName(), sequence);
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence) {
        if (event.profile() == null) {
            return; // the member was erased since; their erasure follows
        }
        jdbc.update("update feed_member set display_name = ?, stage = ?, visible_in_network = ?, version = ? "
                        + "where member_id = ? and version < ?",
                event.profile().displayName(), event.profile().stage(), event.profile().visibleInNetwork(), sequence,
                event.memberId().value(), sequence);
    }

    /** Only an offer that opens (none, withdrawn or closed before) is news; changes to an open one are not. */
    @EventHandler
    void on(MentorOfferSetEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        List<Map<String, Object>> before = jdbc.queryForList(
                "select stage, offer_open from feed_member where member_id = ? and version < ?",
                event.memberId().value(), sequence);
        if (before.isEmpty() || event.offer() == null) {
            return;
        }
        boolean opens = event.offer().open() && !Boolean.TRUE.equals(before.get(0).get("offer_open"));
        jdbc.update("update feed_member set offer_open = ?, version = ? where member_id = ?",
                event.offer().open(), sequence, event.memberId().value());
        if (opens) {
            feed.publicEntry(message, 0, FeedKind.MENTOR_OFFER_OPENED,
                    new OfferOpened<>((String) before.get(0).get("stage")));
        }
    }

    @EventHandler
    void on(MentorOfferWithdrawnEvent event, @SequenceNumber long sequence) {
        jdbc.update("update feed_member set offer_open = false, version = ? where member_id = ? and version < ?",
                sequence, event.memberId().value(), sequence);
    }

    // --- connections

    @EventHandler
    void on(ConnectionRequestedEvent event, EventMessage<?> message) {
        // the message stays in the connection's own read model: the feed carries ids and codes only
        feed.privateEntry(message, 0, event.addresseeId(), FeedKind.CONNECTION_REQUESTED,
                new ConnectionNotice<>(event.requesterId(), event.connectionId()));
    }

    @EventHandler
    void on(EndorsementGivenEvent event, EventMessage<?> message) {
        // the words stay in the endorsement's own read model: the feed carries ids and codes only
        feed.privateEntry(message, 0, event.endorseeId(), FeedKind.ENDORSEMENT_RECEIVED,
                new EndorsementNotice<>(event.endorserId(), event.competency(), event.endorsementId()));
    }

    @EventHandler
    void on(ConnectionAcceptedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.requesterId(), FeedKind.CONNECTION_ACCEPTED,
                new ConnectionNotice<>(event.addresseeId(), event.connectionId()));
        if (bothVisible(event.requesterId(), event.addresseeId())) {
            feed.publicEntry(message, 1, FeedKind.CONNECTION_MADE,
                    new ConnectionMade<>(List.of(event.requesterId(), event.addresseeId())));
        }
    }

    @EventHandler
    void on(ConnectionDeclinedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.requesterId(), FeedKind.CONNECTION_DECLINED,
                new ConnectionNotice<>(event.addresseeId(), event.connectionId()));
    }

    @EventHandler
    void on(ConnectionWithdrawnEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.addresseeId(), FeedKind.CONNECTION_WITHDRAWN,
                new ConnectionNotice<>(event.requesterId(), event.connectionId()));
    }

    // A removal (by either side, or by a block) makes no entry at all: a blocked member must not be
    // told, and a removal notice would tell exactly that whenever a block caused it.

    // --- pairings

    @EventHandler
    void on(MentorProposedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.menteeId(), FeedKind.MENTOR_PROPOSED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
        feed.privateEntry(message, 1, event.mentorId(), FeedKind.PROPOSAL_RECEIVED,
                new ProposalToAnswer<>(event.menteeId(), event.expiresAt(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_ACCEPTED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
        feed.countEntry(message, 1, FeedKind.PAIRING_STARTED);
    }

    /** The mentor's reason is for admins only: it never reaches the feed. */
    @EventHandler
    void on(ProposalDeclinedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_DECLINED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(ProposalExpiredEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_EXPIRED, new ProposalLapsed<>(
                ParticipantRole.MENTEE, event.mentorId(), event.proposalId(), event.mentorshipId()));
        feed.privateEntry(message, 1, event.mentorId(), FeedKind.PROPOSAL_EXPIRED, new ProposalLapsed<>(
                ParticipantRole.MENTOR, event.menteeId(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(ProposalReminderSentEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.mentorId(), FeedKind.PROPOSAL_REMINDER,
                new ProposalToAnswer<>(event.menteeId(), event.expiresAt(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(PairingNudgedEvent event, EventMessage<?> message) {
        feed.privateEntry(message, 0, event.menteeId(), FeedKind.SESSION_NUDGE,
                new PairingNotice<>(event.mentorId(), event.mentorshipId()));
        feed.privateEntry(message, 1, event.mentorId(), FeedKind.SESSION_NUDGE,
                new PairingNotice<>(event.menteeId(), event.mentorshipId()));
    }

    @EventHandler
    void on(MentorshipCompletedEvent event, EventMessage<?> message) {
        feed.countEntry(message, 0, FeedKind.PAIRING_COMPLETED);
    }

    // --- circles: who follows each circle's topic, and its activity

    @EventHandler
    void on(CircleCreatedEvent event, EventMessage<?> message) {
        following(event.circleId(), event.facilitatorId());
        List<String> stages = event.lowStage().equals(event.highStage()) ? List.of(event.lowStage())
                : List.of(event.lowStage(), event.highStage());
        jdbc.update("insert into feed_circle (circle_id, stages, focus) values (?, ?, ?) on conflict do nothing",
                event.circleId().value(), stages.toArray(String[]::new), event.focus().toArray(String[]::new));
        feed.countEntry(message, 0, FeedKind.CIRCLE_FORMED,
                total -> new CircleFormed<>(event.focus(), total, stages));
    }

    @EventHandler
    void on(MemberInvitedToCircleEvent event, EventMessage<?> message) {
        jdbc.query("select stages, focus from feed_circle where circle_id = ?", rs -> {
            feed.privateEntry(message, 0, event.memberId(), FeedKind.CIRCLE_INVITATION,
                    new CircleInvitation<>(List.of((String[]) rs.getArray("focus").getArray()),
                            List.of((String[]) rs.getArray("stages").getArray()), event.circleId()));
        }, event.circleId().value());
    }

    @EventHandler
    void on(MemberJoinedCircleEvent event, EventMessage<?> message) {
        following(event.circleId(), event.memberId());
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_MEMBER_JOINED,
                new CircleMemberNotice<>(event.memberId(), event.circleId()));
    }

    @EventHandler
    void on(MemberLeftCircleEvent event, EventMessage<?> message) {
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_MEMBER_LEFT,
                new CircleMemberNotice<>(event.memberId(), event.circleId()));
        jdbc.update("delete from feed_circle_member where circle_id = ? and member_id = ?", event.circleId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(CircleStartedEvent event, EventMessage<?> message) {
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_STARTED, new CircleNotice<>(event.circleId()));
    }

    @EventHandler
    void on(CircleClosedEvent event, EventMessage<?> message) {
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_CLOSED, new CircleNotice<>(event.circleId()));
    }

    @EventHandler
    void on(CircleSessionLoggedEvent event, EventMessage<?> message) {
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_SESSION_LOGGED, new CircleSession<>(
                event.date(), event.minutes(), event.attendees().size(), event.circleId(), event.sessionId()));
    }

    @EventHandler
    void on(CircleGoalSharedEvent event, EventMessage<?> message) {
        feed.circleEntry(message, 0, event.circleId(), FeedKind.CIRCLE_GOAL_SHARED,
                new CircleGoalNotice<>(event.memberId(), event.goalId(), event.circleId()));
    }

    // --- opportunities: the network hears of each by kind and tags; members it fits on their own queue

    @EventHandler
    void on(OpportunityPostedEvent event, EventMessage<?> message) {
        List<MemberId> poster = event.memberPosted() ? List.of(event.postedBy()) : List.of();
        feed.publicEntry(message, 0, FeedKind.OPPORTUNITY_POSTED, new OpportunityPosted<>(event.region(),
                event.remote(), event.tags().stages(), event.tags().sectors(), poster, event.tags().competencies(),
                event.opportunityId(), event.kind().name()));
        if (ReplayToken.isReplay(message)) {
            return; // a replay writes no entry: no need to work out who would have been told
        }
        int part = 1;
        for (OpportunityAudience.Match match : opportunityAudience.of(event, message.getTimestamp())) {
            feed.privateEntry(message, part++, match.memberId(), FeedKind.OPPORTUNITY_MATCHED, new OpportunityMatch<>(
                    match.needs(), event.deadline(), event.opportunityId(), event.kind().name()));
        }
    }

    private void following(CircleId circle, MemberId member) {
        jdbc.update("insert into feed_circle_member (circle_id, member_id) values (?, ?) on conflict do nothing",
                circle.value(), member.value());
    }

    /** A member left: the feed forgets their name; entries naming them show nobody from now on. */
    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("update feed_member set display_name = null, visible_in_network = false where member_id = ?",
                event.memberId().value());
        jdbc.update("delete from feed_circle_member where member_id = ?", event.memberId().value());
    }

    /** A suspended member is out of the feed: never named, never in a new public entry, until reinstated. */
    @EventHandler
    void on(MemberSuspendedEvent event) {
        jdbc.update("update feed_member set suspended = true where member_id = ?", event.memberId().value());
    }

    @EventHandler
    void on(MemberReinstatedEvent event) {
        jdbc.update("update feed_member set suspended = false where member_id = ?", event.memberId().value());
    }

    /** Entries are history that clients hold cursors into: a replay keeps them and rebuilds the rest. */
    @ResetHandler
    void reset() {
        jdbc.execute("truncate feed_member, feed_circle_member, feed_circle");
    }

    private boolean bothVisible(MemberId one, MemberId other) {
        Integer visible = jdbc.queryForObject(
                "select count(*) from feed_member where member_id in (?, ?) and visible_in_network and not suspended",
                Integer.class, one.value(), other.value());
        return visible != null && visible == 2;
    }
}
