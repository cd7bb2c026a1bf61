package org.lexnet.command.mentorship;

import org.lexnet.command.member.MemberStanding;
import org.lexnet.coreapi.mentorship.PairingEligibility;
import org.lexnet.coreapi.mentorship.PairingEligibility.PairFacts;
import org.lexnet.coreapi.mentorship.PairingEligibility.Refusal;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;

import java.util.Optional;

/**
 * The command side's answers to "may this mentee ask, may this mentor be proposed?": the reason a
 * step is not allowed, in words for the caller, or empty when it is. Who may be proposed to whom is
 * decided by {@link PairingEligibility}, the same rules the matcher's hard filters apply.
 */
final class PairingPolicies {

    /** At most this many requests per mentee may wait or be under consideration at once. */
    static final int MAX_OPEN_REQUESTS = 3;

    /** Also the answer for a named mentor id that belongs to nobody (MentorshipHandlers). */
    static final String NOT_OFFERING = "this member is not offering mentoring right now";

    private PairingPolicies() {
    }

    /**
     * @param direct          the mentee named this mentor themselves (the stage order is then theirs to judge)
     * @param declinedBefore  this mentor declined this mentee before, in any request
     */
    static Optional<String> proposalRejection(MemberStanding mentee, MemberStanding mentor, boolean direct,
                                              boolean declinedBefore, TaxonomyCatalog taxonomy) {
        return proposalRejection(mentee, mentor, direct, declinedBefore, 0, taxonomy);
    }

    /**
     * @param pendingProposals proposals to this mentor still waiting for an answer: the matcher and
     *                         admins never propose a mentor more times at once than they have free
     *                         slots (a mentee naming a mentor is not limited by it)
     */
    static Optional<String> proposalRejection(MemberStanding mentee, MemberStanding mentor, boolean direct,
                                              boolean declinedBefore, int pendingProposals,
                                              TaxonomyCatalog taxonomy) {
        return proposalRejection(mentee, mentor, direct, declinedBefore, pendingProposals, false, taxonomy);
    }

    /**
     * The rules themselves are {@link PairingEligibility}'s (shared with the matcher); this gathers the
     * command side's facts and words the answer.
     *
     * @param blocked one of the two blocked the other (which one is deliberately not passed): they are
     *                never proposed to each other. The reason never mentions a block; a mentee naming a
     *                mentor is answered exactly as for a member not offering mentoring (the same answer
     *                as for an unknown id), so a mentee who was blocked cannot tell.
     */
    static Optional<String> proposalRejection(MemberStanding mentee, MemberStanding mentor, boolean direct,
                                              boolean declinedBefore, int pendingProposals, boolean blocked,
                                              TaxonomyCatalog taxonomy) {
        PairFacts pair = new PairFacts(mentor.memberId().equals(mentee.memberId()), blocked, declinedBefore,
                mentee.paused(), taxonomy.rankOf(TaxonomyKind.STAGE, mentee.stage()),
                taxonomy.rankOf(TaxonomyKind.STAGE, mentor.stage()), direct);
        return PairingEligibility.refusal(pair, mentor.mentorFacts(pendingProposals))
                .map(refusal -> reason(refusal, direct));
    }

    private static String reason(Refusal refusal, boolean direct) {
        return switch (refusal) {
            case SELF -> "a member cannot mentor themselves";
            case BLOCKED -> direct ? NOT_OFFERING : "these two members cannot be paired";
            case NOT_OFFERING -> NOT_OFFERING;
            case MENTOR_PAUSED -> "this mentor has paused their participation";
            case MENTEE_PAUSED -> "the mentee has paused their participation";
            case DECLINED_BEFORE -> "this mentor declined this mentee before; they are not proposed again";
            case NO_FREE_SLOT -> "this mentor has no free mentoring slot";
            case PROPOSALS_WAITING -> "this mentor already has as many proposals waiting as free slots";
            case STAGE_ORDER -> "a mentor must be at a later leadership stage than the mentee";
        };
    }

    /**
     * Whether a mentee may name this mentor in a direct request: a mentor hidden from the network only
     * by someone who already sees them ({@code knowsThem}: connected, or paired now). Otherwise the
     * answer is the one for an unknown id.
     */
    static Optional<String> namingRejection(boolean mentorVisibleInNetwork, boolean knowsThem) {
        return mentorVisibleInNetwork || knowsThem ? Optional.empty() : Optional.of(NOT_OFFERING);
    }

    /** Why this member cannot open a request now, or empty. */
    static Optional<String> requestRejection(MemberStanding mentee, int openRequests) {
        if (mentee.paused()) {
            return Optional.of("you have paused your participation; resume it before asking for a mentor");
        }
        if (mentee.stage() == null) {
            return Optional.of("say which leadership stage you are at (PUT /api/v1/members/me/profile) first");
        }
        if (openRequests >= MAX_OPEN_REQUESTS) {
            return Optional.of("you already have " + MAX_OPEN_REQUESTS
                               + " open requests; withdraw one or wait for an answer");
        }
        return Optional.empty();
    }
}
