package org.lexnet.coreapi.mentorship;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.privacy.PersonalData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Events of the Mentorship aggregate: the pairing's whole history, which the admin audit reads back
 * from sequence 0. Decline reasons are for admins only.
 */
public final class MentorshipEvents {

    private MentorshipEvents() {
    }

    /** {@code menteeStage} is the mentee's stage when they asked (for pipeline statistics). */
    @Revision("1")
    public record MentorshipRequestedEvent(MentorshipId mentorshipId, MemberId menteeId, String menteeStage,
                                           List<String> needs, MentorshipPreferences preferences,
                                           MemberId requestedMentorId) {
        public MentorshipRequestedEvent {
            needs = List.copyOf(needs);
        }
    }

    /**
     * A mentor was proposed; {@code score} and {@code reasons} say why (empty for a direct choice); the
     * reasons name an area of lived experience only if both members share it with the whole network.
     * {@code matchRoundId} names the admin round that made the proposal, if any (null otherwise).
     */
    @Revision("1")
    public record MentorProposedEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId,
                                      MemberId mentorId, ProposalSource source, Integer score,
                                      @PersonalData(keysOf = {"mentorId", "menteeId"}) List<String> reasons,
                                      Instant expiresAt, String matchRoundId) {
        public MentorProposedEvent {
            // null once a member named in the reasons was erased (their key, and so the reasons, are gone)
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public MentorProposedEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId, MemberId mentorId,
                                   ProposalSource source, Integer score, List<String> reasons, Instant expiresAt) {
            this(mentorshipId, proposalId, menteeId, mentorId, source, score, reasons, expiresAt, null);
        }
    }

    /** The proposed mentor said yes: the pairing is active (a slot was reserved on the mentor's Member). */
    @Revision("1")
    public record ProposalAcceptedEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId,
                                        MemberId mentorId) {
    }

    /** The proposed mentor said no; the request waits again and this pair is never proposed again. */
    @Revision("1")
    public record ProposalDeclinedEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId,
                                        MemberId mentorId, @PersonalData(keysOf = "mentorId") String reason) {
    }

    /** Nobody answered the proposal in time; the request waits again. */
    @Revision("1")
    public record ProposalExpiredEvent(MentorshipId mentorshipId, String proposalId, MemberId menteeId,
                                       MemberId mentorId) {
    }

    @Revision("1")
    public record MentorshipWithdrawnEvent(MentorshipId mentorshipId, MemberId menteeId) {
    }

    @Revision("1")
    public record GoalSetEvent(MentorshipId mentorshipId, String goalId, @PersonalData(keysOf = "setBy") String text,
                               MemberId setBy) {
    }

    @Revision("1")
    public record SessionLoggedEvent(MentorshipId mentorshipId, String sessionId, LocalDate date, int minutes,
                                     @PersonalData(keysOf = "loggedBy") String note, MemberId loggedBy) {
    }

    @Revision("1")
    public record MentorshipPausedEvent(MentorshipId mentorshipId, MemberId pausedBy) {
    }

    @Revision("1")
    public record MentorshipResumedEvent(MentorshipId mentorshipId, MemberId resumedBy) {
    }

    @Revision("1")
    public record MentorshipCompletedEvent(MentorshipId mentorshipId, MemberId menteeId, MemberId mentorId,
                                           MemberId completedBy) {
    }

    @Revision("1")
    public record MentorshipEndedEvent(MentorshipId mentorshipId, MemberId menteeId, MemberId mentorId,
                                       MemberId endedBy, @PersonalData(keysOf = "endedBy") String reason) {
    }

    @Revision("1")
    public record FeedbackGivenEvent(MentorshipId mentorshipId, MemberId givenBy, ParticipantRole role, int rating,
                                     @PersonalData(keysOf = "givenBy") String comment) {
    }
}
