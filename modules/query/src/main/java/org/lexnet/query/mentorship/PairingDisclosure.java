package org.lexnet.query.mentorship;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipStatus;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.web.Viewer;

import java.util.Optional;

/**
 * Decides what one member may see of a pairing. The rules, in one place:
 * <ul>
 *   <li>a pairing exists only for its mentee, its mentor (the proposed one while it is proposed, the
 *       paired one from acceptance on) and admins; for anyone else it does not exist (404, never 403);
 *       a mentor whose proposal was declined, expired or withdrawn no longer sees it;</li>
 *   <li>the other participant is identified (id and display name) if they are visible in the network,
 *       or once the two were paired (a member hidden from the network is still seen by their
 *       pairings); a hidden member is neither named nor identified to someone who was only proposed to
 *       them, so a hidden mentor becomes known to the mentee only by accepting;</li>
 *   <li>the other side's lived-experience areas marked MENTORS or NETWORK are shown only while the
 *       pairing is active or paused, and only to the participants;</li>
 *   <li>decline reasons are for admins only;</li>
 *   <li>a member who left (erased) is shown to everyone as {@value #FORMER_MEMBER}.</li>
 * </ul>
 * A member's export of their own data (a copy that leaves the service) follows the same rules for who
 * the other side is, and holds less of what the other side wrote:
 * <ul>
 *   <li>personal writing (feedback, a decline reason, an end reason) only where the member wrote it;
 *       the pairing's shared record (goals, sessions) whoever wrote it;</li>
 *   <li>the proposals of a request: all of them for the mentee, only those naming them for a mentor;
 *       a proposed mentor is identified as in the pairing itself (once accepted, or while visible);</li>
 *   <li>never the other side's lived experience: their consent is to being shown while the pairing
 *       runs, and withdrawing it must hide it at once, which a copy could not honour.</li>
 * </ul>
 */
final class PairingDisclosure {

    static final String FORMER_MEMBER = "a former member";

    private PairingDisclosure() {
    }

    /** The viewer's side of the pairing, or empty if they take no part in it. */
    static Optional<ParticipantRole> roleOf(Viewer viewer, MemberId menteeId, MemberId mentorId) {
        if (viewer.is(menteeId)) {
            return Optional.of(ParticipantRole.MENTEE);
        }
        if (mentorId != null && viewer.is(mentorId)) {
            return Optional.of(ParticipantRole.MENTOR);
        }
        return Optional.empty();
    }

    static boolean mayView(Viewer viewer, MemberId menteeId, MemberId mentorId) {
        return viewer.admin() || roleOf(viewer, menteeId, mentorId).isPresent();
    }

    /** Whether a viewer allowed to see the pairing may know who a participant other than themselves is. */
    static boolean identifies(Viewer viewer, MentorshipStatus status, boolean otherVisibleInNetwork) {
        return viewer.admin() || otherVisibleInNetwork || wasPaired(status);
    }

    /** Whether the participants see each other's areas they shared with pairings (MENTORS or wider). */
    static boolean sharesLivedExperience(MentorshipStatus status) {
        return status == MentorshipStatus.ACTIVE || status == MentorshipStatus.PAUSED;
    }

    static boolean showsDeclines(Viewer viewer) {
        return viewer.admin();
    }

    /** Whether a piece of personal writing belongs in this member's export: only if they wrote it. */
    static boolean exportsWriting(Viewer viewer, MemberId author) {
        return viewer.is(author);
    }

    /** Whether a proposal of the request is the viewer's to know of: the mentee's, or the proposed mentor's. */
    static boolean showsProposal(Viewer viewer, MemberId menteeId, MemberId proposedMentorId) {
        return viewer.admin() || viewer.is(menteeId) || viewer.is(proposedMentorId);
    }

    /**
     * Whether the viewer may know who the other member of a proposal is: once the proposal was accepted
     * the two were paired; otherwise they were merely proposed to each other.
     */
    static boolean identifiesInProposal(Viewer viewer, boolean accepted, boolean otherVisibleInNetwork) {
        return identifies(viewer, accepted ? MentorshipStatus.ACTIVE : MentorshipStatus.PROPOSED,
                otherVisibleInNetwork);
    }

    private static boolean wasPaired(MentorshipStatus status) {
        return switch (status) {
            case ACTIVE, PAUSED, COMPLETED, ENDED -> true;
            case REQUESTED, PROPOSED, WITHDRAWN -> false;
        };
    }
}
