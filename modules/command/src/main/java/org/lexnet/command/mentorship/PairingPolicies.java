package org.lexnet.command.mentorship;

import org.lexnet.command.member.MemberStanding;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.lexnet.coreapi.taxonomy.TaxonomyKind;
import org.lexnet.coreapi.taxonomy.TaxonomyTerm;

import java.util.Optional;

/**
 * The rules from the users about who may be proposed to whom, in one place. Each returns the reason a
 * proposal is not allowed, or empty when it is. The matcher applies the same rules as hard
 * filters before it scores anything.
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
     * @param blocked one of the two blocked the other (which one is deliberately not passed): they are
     *                never proposed to each other. The reason never mentions a block; a mentee naming a
     *                mentor is answered exactly as for a member not offering mentoring (the same answer
     *                as for an unknown id), so a mentee who was blocked cannot tell.
     */
    static Optional<String> proposalRejection(MemberStanding mentee, MemberStanding mentor, boolean direct,
                                              boolean declinedBefore, int pendingProposals, boolean blocked,
                                              TaxonomyCatalog taxonomy) {
        if (mentor.memberId().equals(mentee.memberId())) {
            return Optional.of("a member cannot mentor themselves");
        }
        if (blocked) {
            return Optional.of(direct ? NOT_OFFERING : "these two members cannot be paired");
        }
        if (!mentor.offersMentoringNow()) {
            return Optional.of(NOT_OFFERING);
        }
        if (mentor.paused()) {
            return Optional.of("this mentor has paused their participation");
        }
        if (mentee.paused()) {
            return Optional.of("the mentee has paused their participation");
        }
        if (declinedBefore) {
            return Optional.of("this mentor declined this mentee before; they are not proposed again");
        }
        if (mentor.freeSlots() == 0) {
            return Optional.of("this mentor has no free mentoring slot");
        }
        if (!direct && pendingProposals >= mentor.freeSlots()) {
            return Optional.of("this mentor already has as many proposals waiting as free slots");
        }
        if (!direct && !laterStage(mentor.stage(), mentee.stage(), taxonomy)) {
            return Optional.of("a mentor must be at a later leadership stage than the mentee");
        }
        return Optional.empty();
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

    private static boolean laterStage(String mentorStage, String menteeStage, TaxonomyCatalog taxonomy) {
        return mentorStage != null && menteeStage != null
               && rank(mentorStage, taxonomy) > rank(menteeStage, taxonomy);
    }

    private static int rank(String stage, TaxonomyCatalog taxonomy) {
        return taxonomy.terms(TaxonomyKind.STAGE).stream().filter(t -> t.code().equals(stage))
                .mapToInt(TaxonomyTerm::rank).findFirst().orElse(Integer.MIN_VALUE);
    }
}
