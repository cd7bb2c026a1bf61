package org.lexnet.query.feed;

/**
 * Every kind of feed entry, with who receives it, for a private notification when the other member in
 * it is named, and the shape of its payload ({@link FeedPayload}; on the wire: {@code docs/asyncapi.yaml}).
 */
public enum FeedKind {

    /** Two members who had both opted in to the network connected; names them while both still are. */
    CONNECTION_MADE(Audience.NETWORK, null, FeedPayload.ConnectionMade.class),
    /** A member opened a mentor offer: only their stage, never who they are. */
    MENTOR_OFFER_OPENED(Audience.NETWORK, null, FeedPayload.OfferOpened.class),
    /** A pairing started: the running count, no names. */
    PAIRING_STARTED(Audience.NETWORK, null, FeedPayload.Count.class),
    /** A pairing was completed: the running count, no names. */
    PAIRING_COMPLETED(Audience.NETWORK, null, FeedPayload.Count.class),
    /** A circle was opened: its stage band and focus and the running count; never names or areas. */
    CIRCLE_FORMED(Audience.NETWORK, null, FeedPayload.CircleFormed.class),
    /** An opportunity was posted: its kind and tags; its poster only while visible, never an admin. */
    OPPORTUNITY_POSTED(Audience.NETWORK, null, FeedPayload.OpportunityPosted.class),

    /** To the addressee; the requester chose to reach them, so they are named. */
    CONNECTION_REQUESTED(Audience.MEMBER, Naming.ALWAYS, FeedPayload.ConnectionNotice.class),
    /** To the requester; the two are now connected. */
    CONNECTION_ACCEPTED(Audience.MEMBER, Naming.ALWAYS, FeedPayload.ConnectionNotice.class),
    /** To the requester. */
    CONNECTION_DECLINED(Audience.MEMBER, Naming.IF_VISIBLE, FeedPayload.ConnectionNotice.class),
    /** To the addressee: the request they had is gone. */
    CONNECTION_WITHDRAWN(Audience.MEMBER, Naming.IF_VISIBLE, FeedPayload.ConnectionNotice.class),
    /** To the mentee: a mentor was proposed for their request (a hidden mentor stays anonymous). */
    MENTOR_PROPOSED(Audience.MEMBER, Naming.ANONYMOUS_IF_HIDDEN, FeedPayload.ProposalNotice.class),
    /** To the mentor: they were proposed to a mentee and are asked to answer. */
    PROPOSAL_RECEIVED(Audience.MEMBER, Naming.ANONYMOUS_IF_HIDDEN, FeedPayload.ProposalToAnswer.class),
    /** To the mentee: the mentor accepted; the two are paired. */
    PROPOSAL_ACCEPTED(Audience.MEMBER, Naming.ALWAYS, FeedPayload.ProposalNotice.class),
    /** To the mentee, never with the mentor's reason. */
    PROPOSAL_DECLINED(Audience.MEMBER, Naming.ANONYMOUS_IF_HIDDEN, FeedPayload.ProposalNotice.class),
    /** To the mentee and to the mentor: nobody answered in time. */
    PROPOSAL_EXPIRED(Audience.MEMBER, Naming.ANONYMOUS_IF_HIDDEN, FeedPayload.ProposalLapsed.class),
    /** To the invitee: a circle's facilitator (or a formation round) invites them; nobody in it is named. */
    CIRCLE_INVITATION(Audience.MEMBER, Naming.ALWAYS, FeedPayload.CircleInvitation.class),
    /** To the endorsee: a member vouched for one of their competencies (the text stays in the endorsement). */
    ENDORSEMENT_RECEIVED(Audience.MEMBER, Naming.ALWAYS, FeedPayload.EndorsementNotice.class),

    /** To the circle: a member took a seat (circle members see each other's names). */
    CIRCLE_MEMBER_JOINED(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleMemberNotice.class),
    /** To the circle: a member gave up their seat. */
    CIRCLE_MEMBER_LEFT(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleMemberNotice.class),
    /** To the circle: the facilitator started it. */
    CIRCLE_STARTED(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleNotice.class),
    /** To the circle: it was closed. */
    CIRCLE_CLOSED(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleNotice.class),
    /** To the circle: a session was logged, with how many attended (the note stays in the circle's page). */
    CIRCLE_SESSION_LOGGED(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleSession.class),
    /** To the circle: a member shared a goal (its text stays in the circle's page, sealed). */
    CIRCLE_GOAL_SHARED(Audience.CIRCLE, Naming.ALWAYS, FeedPayload.CircleGoalNotice.class),
    /** To a member an opportunity fits (needs or sectors, stage, region), within their opt-outs and weekly cap. */
    OPPORTUNITY_MATCHED(Audience.MEMBER, Naming.ALWAYS, FeedPayload.OpportunityMatch.class),
    /** To the proposed mentor: a proposal still waits for their answer (after a while, and before it expires). */
    PROPOSAL_REMINDER(Audience.MEMBER, Naming.ANONYMOUS_IF_HIDDEN, FeedPayload.ProposalToAnswer.class),
    /** To both sides of a running pairing with no session for a while. */
    SESSION_NUDGE(Audience.MEMBER, Naming.ALWAYS, FeedPayload.PairingNotice.class);

    /** Who an entry of this kind is for. */
    public enum Audience {
        /** every signed-in member, on {@code /topic/network} */
        NETWORK,
        /** one member, on their own {@code /user/queue/notifications} */
        MEMBER,
        /** the members and the facilitator of one circle, on {@code /topic/circles/{id}} */
        CIRCLE
    }

    /** When a private notification shows who the other member is. */
    enum Naming {
        /** the two are in a relationship that shows names (a request to the recipient, a connection, a pairing) */
        ALWAYS,
        /**
         * the name only while the other member is visible in the network (as for any other member); the
         * id always, because the recipient knows it already (they made or received the request)
         */
        IF_VISIBLE,
        /**
         * the name and the id only while the other member is visible: the two were merely proposed to each
         * other, and a hidden member becomes known to the other side only by accepting
         */
        ANONYMOUS_IF_HIDDEN
    }

    private final Audience audience;
    private final Naming naming;
    @SuppressWarnings("rawtypes") // a generic record; readers fill in how it refers to members
    private final Class<? extends FeedPayload> payloadType;

    @SuppressWarnings("rawtypes")
    FeedKind(Audience audience, Naming naming, Class<? extends FeedPayload> payloadType) {
        this.audience = audience;
        this.naming = naming;
        this.payloadType = payloadType;
    }

    public Audience audience() {
        return audience;
    }

    Naming naming() {
        return naming;
    }

    @SuppressWarnings("rawtypes")
    Class<? extends FeedPayload> payloadType() {
        return payloadType;
    }
}
