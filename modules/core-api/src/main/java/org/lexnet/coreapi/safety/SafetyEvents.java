package org.lexnet.coreapi.safety;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Events of concerns (on the Concern's own stream) and of suspension (on the suspended member's stream).
 * The reporter's id and text are admin-only: no read model the subject can reach ever holds them.
 */
public final class SafetyEvents {

    private SafetyEvents() {
    }

    /**
     * @param subjectMemberId the member the concern is about, as resolved when it was raised; null when the
     *                        subject names nobody in particular (a public count in the feed)
     * @param text            the reporter's own words, sealed with their key
     */
    @Revision("1")
    public record ConcernRaisedEvent(ConcernId concernId, MemberId reporterId, ConcernSubjectType subjectType,
                                     String subjectId, MemberId subjectMemberId, ConcernCategory category,
                                     @PersonalData(keysOf = "reporterId") String text) {
    }

    @Revision("1")
    public record ConcernAssignedEvent(ConcernId concernId, MemberId assigneeId, MemberId assignedBy) {
    }

    /** An admin's note on the case, sealed with the admin's key. */
    @Revision("1")
    public record ConcernNotedEvent(ConcernId concernId, MemberId adminId,
                                    @PersonalData(keysOf = "adminId") String text) {
    }

    @Revision("1")
    public record ConcernResolvedEvent(ConcernId concernId, MemberId reporterId, MemberId subjectMemberId,
                                       ConcernAction action, MemberId resolvedBy,
                                       @PersonalData(keysOf = "resolvedBy") String note) {
    }

    /**
     * The member is out of everything until reinstated: the matching pool, suggestions and the feed; their
     * open proposals ended in the same unit of work and their tokens stop working. Names the concern that
     * led to it, never the reporter.
     */
    @Revision("1")
    public record MemberSuspendedEvent(MemberId memberId, ConcernId concernId, MemberId suspendedBy) {
    }

    /**
     * The member set how much they are willing to receive; the event carries the setting as it now stands
     * (both null: no limit). Shown to the member only; others are never told someone is at their limit.
     */
    @Revision("1")
    public record BandwidthSetEvent(MemberId memberId, Integer maxNewPerMonth, LocalDate quietUntil) {
    }

    /** On the pairing's stream: the proposed mentor was reminded to answer (its feed notification). */
    @Revision("1")
    public record ProposalReminderSentEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId,
                                            MemberId mentorId, ReminderKind kind, Instant expiresAt) {
    }

    /** On the pairing's stream: both sides were nudged, no session having been logged since {@code quietSince}. */
    @Revision("1")
    public record PairingNudgedEvent(MentorshipId mentorshipId, MemberId menteeId, MemberId mentorId,
                                     Instant quietSince) {
    }

    @Revision("1")
    public record MemberReinstatedEvent(MemberId memberId, MemberId reinstatedBy,
                                        @PersonalData(keysOf = "reinstatedBy") String reason) {
    }
}
