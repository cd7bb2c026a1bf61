package org.lexnet.coreapi.safety;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Commands about concerns and suspensions. A concern's subject is resolved to the member it is about
 * when it is raised; {@code subjectId} is what the reporter sent (a member, pairing or connection id,
 * or a feed entry's cursor).
 */
public final class SafetyCommands {

    private SafetyCommands() {
    }

    public record RaiseConcernCommand(@TargetAggregateIdentifier ConcernId concernId, MemberId reporterId,
                                      ConcernSubjectType subjectType, String subjectId, ConcernCategory category,
                                      String text) {
    }

    /** An admin takes a concern: they are its assignee from now on. */
    public record AssignConcernCommand(@TargetAggregateIdentifier ConcernId concernId, MemberId adminId) {
    }

    public record NoteConcernCommand(@TargetAggregateIdentifier ConcernId concernId, MemberId adminId, String text) {
    }

    /** Decides a concern; {@link ConcernAction#SUSPENDED} also suspends the member it is about. */
    public record ResolveConcernCommand(@TargetAggregateIdentifier ConcernId concernId, MemberId adminId,
                                        ConcernAction action, String note) {
    }

    /** The member says how much they are willing to receive ({@link Bandwidth}); both null clears it. */
    public record SetBandwidthCommand(@TargetAggregateIdentifier MemberId memberId, Integer maxNewPerMonth,
                                      LocalDate quietUntil) {
    }

    /** Reminds the proposed mentor of a proposal still waiting for their answer (once per kind and proposal). */
    public record RemindProposedMentorCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, String proposalId,
                                              ReminderKind kind) {
    }

    /**
     * Nudges both sides of a running pairing with no session since {@code quietSince} (once per quiet
     * spell: a new session, or a resume, starts another).
     */
    public record NudgePairingCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, Instant quietSince) {
    }

    /** An admin lifts a member's suspension. */
    public record ReinstateMemberCommand(@TargetAggregateIdentifier MemberId memberId, MemberId adminId,
                                         String reason) {
    }
}
