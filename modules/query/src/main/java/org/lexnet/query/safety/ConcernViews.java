package org.lexnet.query.safety;

import java.time.Instant;
import java.util.List;

/** What the safety endpoints answer. */
final class ConcernViews {

    private ConcernViews() {
    }

    /** A reporter's own concern: where it stands, never what was done about it, never any admin's name. */
    record OwnConcern(String concernId, String subjectType, String subjectId, String category, String status,
                      Instant raisedAt, Instant updatedAt) {
    }

    record OwnConcerns(List<OwnConcern> concerns) {
    }

    /** A concern in the admins' queue, with everything the read model holds. */
    record AdminConcern(String concernId, String reporterId, String subjectType, String subjectId,
                        String subjectMemberId, String category, String status, String assigneeId, String action,
                        int notes, String text, Instant raisedAt, Instant updatedAt, Instant resolvedAt) {
    }

    record ConcernQueue(List<AdminConcern> concerns, String nextCursor) {
    }

    /** One stored event of the concern, or the suspension it led to on the member's stream. */
    record HistoryEntry(long sequence, String aggregate, String aggregateId, String type, Instant occurredAt,
                        String actorId, String correlationId, Object payload) {
    }

    record ConcernHistoryView(String concernId, List<HistoryEntry> events) {
    }
}
