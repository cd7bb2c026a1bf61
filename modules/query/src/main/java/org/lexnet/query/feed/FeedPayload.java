package org.lexnet.query.feed;

import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.connection.ConnectionId;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.recognition.EndorsementId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * What a feed entry says, one record per shape of payload ({@link FeedKind#payloadType()} says which
 * one a kind carries). {@code M} is how a payload refers to members: a {@link MemberId} as stored in
 * {@code feed_entry.payload}, which holds ids and codes only, and a {@link FeedDisclosure.Person} as
 * shown, once {@link FeedDisclosure} has decided what may be said about them.
 *
 * <p>The JSON of these records is both the stored form and the wire format of {@code docs/asyncapi.yaml}.
 * Their components come in the order in which clients have always received the properties: the stored
 * JSON went through {@code jsonb}, which keeps shorter keys first.
 */
sealed interface FeedPayload<M> {

    /** Every member the payload refers to: those whose names may have to be looked up to show it. */
    default List<M> referredMembers() {
        return List.of();
    }

    /**
     * The same payload referring to members another way: {@code eachOther} turns the other member of a
     * notification, {@code together} the members a public entry shows together (all or none).
     */
    <N> FeedPayload<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together);

    /** A private notification about one other member. */
    sealed interface Notice<M> extends FeedPayload<M> {
        M other();

        @Override
        default List<M> referredMembers() {
            return List.of(other());
        }
    }

    /** A connection request and what became of it: the other side of the connection. */
    record ConnectionNotice<M>(M other, ConnectionId connectionId) implements Notice<M> {
        @Override
        public <N> ConnectionNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new ConnectionNotice<>(eachOther.apply(other), connectionId);
        }
    }

    /** A proposal and what became of it, to the mentee: the proposed mentor. */
    record ProposalNotice<M>(M other, String proposalId, MentorshipId mentorshipId) implements Notice<M> {
        @Override
        public <N> ProposalNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new ProposalNotice<>(eachOther.apply(other), proposalId, mentorshipId);
        }
    }

    /** A proposal to the mentor, who is asked to answer before {@code expiresAt}: the mentee. */
    record ProposalToAnswer<M>(M other, Instant expiresAt, String proposalId, MentorshipId mentorshipId)
            implements Notice<M> {
        @Override
        public <N> ProposalToAnswer<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new ProposalToAnswer<>(eachOther.apply(other), expiresAt, proposalId, mentorshipId);
        }
    }

    /** A proposal nobody answered in time, to either side ({@code role}: the recipient's): the other side. */
    record ProposalLapsed<M>(ParticipantRole role, M other, String proposalId, MentorshipId mentorshipId)
            implements Notice<M> {
        @Override
        public <N> ProposalLapsed<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new ProposalLapsed<>(role, eachOther.apply(other), proposalId, mentorshipId);
        }
    }

    /** An endorsement, to the endorsee: the endorser (they know each other), and the competency's code. */
    record EndorsementNotice<M>(M other, String competency, EndorsementId endorsementId) implements Notice<M> {
        @Override
        public <N> EndorsementNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new EndorsementNotice<>(eachOther.apply(other), competency, endorsementId);
        }
    }

    /** A running pairing, to either side: the other side. */
    record PairingNotice<M>(M other, MentorshipId mentorshipId) implements Notice<M> {
        @Override
        public <N> PairingNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new PairingNotice<>(eachOther.apply(other), mentorshipId);
        }
    }

    /** Two members connected, both of whom had opted in to the network. */
    record ConnectionMade<M>(List<M> members) implements FeedPayload<M> {
        public ConnectionMade {
            members = List.copyOf(members);
        }

        @Override
        public List<M> referredMembers() {
            return members;
        }

        @Override
        public <N> ConnectionMade<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new ConnectionMade<>(together.apply(members));
        }
    }

    /** A mentor offer opened: the stage of the member who made it (null if they have not said), never who. */
    record OfferOpened<M>(String stage) implements FeedPayload<M> {
        @Override
        public <N> OfferOpened<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new OfferOpened<>(stage);
        }
    }

    /** A running count: how many so far, nobody named. */
    record Count<M>(long total) implements FeedPayload<M> {
        @Override
        public <N> Count<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new Count<>(total);
        }
    }

    /** A circle was opened, for the network: its band and focus and how many circles so far. */
    record CircleFormed<M>(List<String> focus, long total, List<String> stages) implements FeedPayload<M> {
        public CircleFormed {
            stages = List.copyOf(stages);
            focus = List.copyOf(focus);
        }

        @Override
        public <N> CircleFormed<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleFormed<>(focus, total, stages);
        }
    }

    /** An invitation to a circle, to the invitee: which circle and what it is about. */
    record CircleInvitation<M>(List<String> focus, List<String> stages, CircleId circleId) implements FeedPayload<M> {
        public CircleInvitation {
            stages = List.copyOf(stages);
            focus = List.copyOf(focus);
        }

        @Override
        public <N> CircleInvitation<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleInvitation<>(focus, stages, circleId);
        }
    }

    /** A member joined or left a circle, to the circle: that member. */
    record CircleMemberNotice<M>(M other, CircleId circleId) implements Notice<M> {
        @Override
        public <N> CircleMemberNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleMemberNotice<>(eachOther.apply(other), circleId);
        }
    }

    /** The circle started or closed. */
    record CircleNotice<M>(CircleId circleId) implements FeedPayload<M> {
        @Override
        public <N> CircleNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleNotice<>(circleId);
        }
    }

    /** A session of the circle was logged: when, how long, how many attended. */
    record CircleSession<M>(LocalDate date, int minutes, int attended, CircleId circleId, String sessionId)
            implements FeedPayload<M> {
        @Override
        public <N> CircleSession<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleSession<>(date, minutes, attended, circleId, sessionId);
        }
    }

    /** A member shared a goal with the circle: that member, and the goal's id (its text is on the circle's page). */
    record CircleGoalNotice<M>(M other, String goalId, CircleId circleId) implements Notice<M> {
        @Override
        public <N> CircleGoalNotice<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new CircleGoalNotice<>(eachOther.apply(other), goalId, circleId);
        }
    }

    /**
     * An opportunity was posted, for the network: its kind, tags (codes, never areas) and where; the poster
     * in {@code postedBy} only while visible in the network (empty for an admin's posting).
     */
    record OpportunityPosted<M>(String region, boolean remote, List<String> stages, List<String> sectors,
                                List<M> postedBy, List<String> competencies, OpportunityId opportunityId,
                                String opportunityKind) implements FeedPayload<M> {
        public OpportunityPosted {
            stages = List.copyOf(stages);
            sectors = List.copyOf(sectors);
            postedBy = List.copyOf(postedBy);
            competencies = List.copyOf(competencies);
        }

        @Override
        public List<M> referredMembers() {
            return postedBy;
        }

        @Override
        public <N> OpportunityPosted<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new OpportunityPosted<>(region, remote, stages, sectors, together.apply(postedBy), competencies,
                    opportunityId, opportunityKind);
        }
    }

    /**
     * An opportunity fits the recipient: which one, its kind and deadline, and the needs of theirs it
     * serves (codes); the title stays on the opportunity's page.
     */
    record OpportunityMatch<M>(List<String> needs, Instant deadline, OpportunityId opportunityId,
                               String opportunityKind) implements FeedPayload<M> {
        public OpportunityMatch {
            needs = List.copyOf(needs);
        }

        @Override
        public <N> OpportunityMatch<N> withMembers(Function<M, N> eachOther, Function<List<M>, List<N>> together) {
            return new OpportunityMatch<>(needs, deadline, opportunityId, opportunityKind);
        }
    }
}
