package org.lexnet.query.opportunity;

import org.lexnet.coreapi.member.MemberId;
import org.lexnet.query.opportunity.OpportunityReader.Registrant;
import org.lexnet.query.opportunity.OpportunityReader.Row;
import org.lexnet.query.opportunity.OpportunityViews.Registration;
import org.lexnet.query.opportunity.OpportunityViews.Registrations;
import org.lexnet.query.web.Viewer;

import java.util.List;
import java.util.function.Function;

/**
 * Who sees what of an opportunity, in one place:
 * <ul>
 *   <li>a hidden opportunity exists only for its poster and admins (404 to everyone else), and so does one
 *       whose poster blocked the viewer or was blocked by them;</li>
 *   <li>the poster is named only while visible in the network (to themselves and admins always); an
 *       admin's posting names nobody;</li>
 *   <li>who registered is for the poster and admins only, and each registrant is named (and identified)
 *       only as their profile would be: to an admin, or where visible in the network, or where the two
 *       are connected, paired or in a circle together, never across a block; the rest are counted.</li>
 * </ul>
 */
final class OpportunityDisclosure {

    private OpportunityDisclosure() {
    }

    /** {@code blockedWithPoster}: one of viewer and poster blocked the other (it hides it, as it hides a profile). */
    static boolean mayKnow(Viewer viewer, Row row, boolean blockedWithPoster) {
        if (viewer.admin() || isPoster(viewer, row)) {
            return true;
        }
        return !"HIDDEN".equals(row.status()) && !blockedWithPoster;
    }

    static boolean isPoster(Viewer viewer, Row row) {
        return viewer.memberId().value().equals(row.postedBy());
    }

    static boolean seesRegistrations(Viewer viewer, Row row) {
        return viewer.admin() || isPoster(viewer, row);
    }

    static boolean namesPoster(Viewer viewer, Row row, boolean posterVisible) {
        return row.memberPosted() && (posterVisible || viewer.admin() || isPoster(viewer, row));
    }

    /** How the viewer stands to a registrant, as far as it decides whether they are shown. */
    enum Tie {
        /** connected, paired or in a circle together: shown even when hidden from the network */
        RELATED,
        /** one blocked the other: never shown */
        BLOCKED,
        NONE
    }

    static Registrations registrations(Viewer viewer, List<Registrant> registrants, Function<MemberId, Tie> tie) {
        List<Registration> shown = registrants.stream()
                .filter(r -> r.displayName() != null && shown(viewer, r, tie.apply(new MemberId(r.memberId()))))
                .map(r -> new Registration(r.memberId().toString(), r.displayName(), r.registeredAt()))
                .toList();
        return new Registrations(registrants.size(), shown, registrants.size() - shown.size());
    }

    private static boolean shown(Viewer viewer, Registrant registrant, Tie tie) {
        if (viewer.admin()) {
            return true;
        }
        return tie == Tie.RELATED || tie == Tie.NONE && registrant.visibleInNetwork();
    }
}
