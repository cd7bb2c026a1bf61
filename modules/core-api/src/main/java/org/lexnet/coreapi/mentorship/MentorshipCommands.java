package org.lexnet.coreapi.mentorship;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;

import java.time.LocalDate;
import java.util.List;

/**
 * Commands about pairings. {@code actor} is the member who asks (from the token); the aggregate
 * checks that they may (a non-participant is told the pairing does not exist).
 */
public final class MentorshipCommands {

    private MentorshipCommands() {
    }

    /** Opens a request; with {@code mentorId} the mentee names their mentor and it is proposed at once. */
    public record RequestMentorshipCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId menteeId,
                                           List<String> needs, MentorshipPreferences preferences,
                                           MemberId mentorId) {
        public RequestMentorshipCommand {
            needs = List.copyOf(needs);
        }
    }

    /**
     * Proposes a mentor for a waiting request (the matcher, or an admin by hand); {@code matchRoundId}
     * names the admin round that chose it, if any.
     */
    public record ProposeMentorCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId mentorId,
                                       ProposalSource source, Integer score, List<String> reasons,
                                       String matchRoundId) {
        public ProposeMentorCommand {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        public ProposeMentorCommand(MentorshipId mentorshipId, MemberId mentorId, ProposalSource source,
                                    Integer score, List<String> reasons) {
            this(mentorshipId, mentorId, source, score, reasons, null);
        }
    }

    public record AcceptProposalCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor) {
    }

    public record DeclineProposalCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor,
                                         String reason) {
    }

    /** Sent by the expiry scheduler when a proposal's time ran out; ignored if it was answered meanwhile. */
    public record ExpireProposalCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, String proposalId) {
    }

    public record WithdrawRequestCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor) {
    }

    /** {@code goalId} is chosen by the sender, like every id: the aggregate makes none. */
    public record SetGoalCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor, String goalId,
                                 String text) {
    }

    public record LogSessionCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor,
                                    String sessionId, LocalDate date, int minutes, String note) {
    }

    public record PauseMentorshipCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor) {
    }

    public record ResumeMentorshipCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor) {
    }

    public record CompleteMentorshipCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor) {
    }

    public record EndMentorshipCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor,
                                       String reason) {
    }

    public record GiveFeedbackCommand(@TargetAggregateIdentifier MentorshipId mentorshipId, MemberId actor,
                                      int rating, String comment) {
    }
}
