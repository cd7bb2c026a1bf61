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

    private static boolean wasPaired(MentorshipStatus status) {
        return switch (status) {
            case ACTIVE, PAUSED, COMPLETED, ENDED -> true;
            case REQUESTED, PROPOSED, WITHDRAWN -> false;
        };
    }
}
