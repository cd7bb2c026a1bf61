package org.lexnet.query.opportunity;

import java.time.Instant;
import java.util.List;

/** What the opportunity endpoints answer. */
final class OpportunityViews {

    private OpportunityViews() {
    }

    /** The poster as shown: the name only where they may be named; null for an admin's posting. */
    record Poster(String memberId, String displayName) {
    }

    /**
     * One opportunity. {@code poster} is null when it was posted by an admin or the poster may not be named to
     * this viewer; {@code reasons} and {@code explanation} say why it fits the viewer (lists only);
     * {@code interested} says whether the viewer registered; {@code hiddenReason} is for the poster and admins.
     */
    record OpportunitySummary(String opportunityId, String kind, String title, String description, String link,
                              List<String> competencies, List<String> stages, List<String> sectors,
                              List<String> areas, boolean remote, String region, Instant deadline, Integer seats,
                              int seatsTaken, String status, boolean memberPosted, Poster poster, Instant postedAt,
                              Instant endedAt, Integer score, List<String> reasons, String explanation,
                              Boolean interested, String hiddenReason) {
    }

    record OpportunityPage(List<OpportunitySummary> opportunities, String nextCursor) {
    }

    /** Someone who registered, named as far as their visibility to the viewer allows. */
    record Registration(String memberId, String displayName, Instant registeredAt) {
    }

    /**
     * Who registered, for the poster and admins: {@code people} those the viewer may know of, and
     * {@code notShown} how many more registered whom the viewer may not know of.
     */
    record Registrations(int count, List<Registration> people, int notShown) {
    }

    record OpportunityDetail(OpportunitySummary opportunity, Registrations registrations) {
    }

    record PreferencesView(List<String> optedOutKinds, int weeklyCap) {
    }

    record HistoryEntry(long sequence, String type, Instant occurredAt, String actorId, String correlationId,
                        Object payload) {
    }

    record OpportunityHistoryView(String opportunityId, List<HistoryEntry> events) {
    }
}
