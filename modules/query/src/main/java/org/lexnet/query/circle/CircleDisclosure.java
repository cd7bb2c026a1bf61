package org.lexnet.query.circle;

import org.lexnet.coreapi.member.Visibility;
import org.lexnet.query.circle.CircleReader.Part;
import org.lexnet.query.circle.CircleReader.Row;
import org.lexnet.query.web.Viewer;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Decides what one member may see of a circle, in one place:
 * <ul>
 *   <li>an open circle's summary (focus, band, format, seats; no names, no areas) is shown to every
 *       member, so they can ask to join; a private circle (by invitation) does not exist for anyone but
 *       its facilitator, its members, those invited and admins (404);</li>
 *   <li>the members, sessions and goals are shown to the facilitator and the members only, and to
 *       admins (who run the programme); an invitee sees the summary and the ground rules until they
 *       join;</li>
 *   <li>each member's areas of lived experience are shown as their consent allows: to the other
 *       members and the facilitator those marked {@code CIRCLE} or {@code NETWORK}; to an admin only
 *       {@code NETWORK} (the admin role widens no consent).</li>
 * </ul>
 */
final class CircleDisclosure {

    static final String FACILITATOR = "FACILITATOR";
    static final String MEMBER = "MEMBER";
    static final String INVITED = "INVITED";

    private CircleDisclosure() {
    }

    /** The viewer's part in the circle: FACILITATOR, MEMBER, INVITED, or null. */
    static String roleOf(Viewer viewer, Row circle, List<Part> parts) {
        UUID me = viewer.memberId().value();
        if (circle.facilitatorId().equals(me)) {
            return FACILITATOR;
        }
        return parts.stream().filter(p -> p.memberId().equals(me)).findFirst()
                .map(p -> "SEATED".equals(p.status()) ? MEMBER : INVITED).orElse(null);
    }

    static boolean mayKnow(Viewer viewer, Row circle, String role) {
        return viewer.admin() || role != null || circle.open();
    }

    /** The audience whose consent lets an area be shown to this viewer; empty: they see no one. */
    static Optional<Visibility> audience(Viewer viewer, String role) {
        if (FACILITATOR.equals(role) || MEMBER.equals(role)) {
            return Optional.of(Visibility.CIRCLE);
        }
        if (viewer.admin()) {
            return Optional.of(Visibility.NETWORK);
        }
        return Optional.empty();
    }
}
