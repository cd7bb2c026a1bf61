package org.lexnet.query.circle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the circle endpoints answer with. */
public final class CircleViews {

    private CircleViews() {
    }

    /**
     * A circle as anyone who may know of it sees it: no names, no areas, nothing members wrote.
     * {@code myRole} is FACILITATOR, MEMBER, INVITED or null.
     */
    record CircleSummary(String circleId, String status, List<String> focus, List<String> stages, boolean remote,
                         String region, String slot, int seats, int seatsTaken, boolean open, String myRole,
                         List<GroundRule> groundRules, Instant createdAt, Instant startedAt, Instant closedAt) {
    }

    record GroundRule(String code, String text) {
    }

    /** A circle as its members (and admins) see it. */
    record CircleDetail(CircleSummary circle, List<String> areas, Person facilitator, List<Person> members,
                        List<Person> invited, List<SessionView> sessions, List<GoalView> goals) {
    }

    /** A member of the circle; {@code areas} are those their consent shows to this viewer, read live. */
    record Person(String memberId, String displayName, String stage, List<String> areas) {
    }

    record SessionView(String sessionId, LocalDate date, int minutes, List<String> attendees, String note,
                       String loggedBy) {
    }

    record GoalView(String goalId, String memberId, String text, Instant sharedAt) {
    }

    record CirclePage(List<CircleSummary> items, String nextCursor) {
    }

    record HistoryEntry(long sequence, String aggregate, String aggregateId, String type, Instant occurredAt,
                        String actorId, String correlationId, Object payload) {
    }

    record CircleHistoryView(String circleId, List<HistoryEntry> events) {
    }

    /** Circles in the admin statistics. */
    public record CircleStats(long forming, long active, long closed, long members, long sessionsHeld,
                              Double attendanceRate) {
    }
}
