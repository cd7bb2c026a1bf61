package org.lexnet.coreapi.matching;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;

import java.util.List;

/** Commands of an admin match round (aggregate MatchRound, id = the round id as a string). */
public final class MatchRoundCommands {

    private MatchRoundCommands() {
    }

    public record StartMatchRoundCommand(@TargetAggregateIdentifier String roundId, MemberId requestedBy) {
    }

    /** The round proposed this mentor for this request, with the score that made it the choice. */
    public record RecordRoundProposalCommand(@TargetAggregateIdentifier String roundId, MentorshipId mentorshipId,
                                             MemberId mentorId, int score) {
    }

    public record CompleteMatchRoundCommand(@TargetAggregateIdentifier String roundId, int waitingRequests,
                                            List<Unmatched> unmatched, long durationMs) {
        public CompleteMatchRoundCommand {
            unmatched = List.copyOf(unmatched);
        }
    }

    public record FailMatchRoundCommand(@TargetAggregateIdentifier String roundId, String reason) {
    }

    /** A waiting request the round could not match, and why. */
    public record Unmatched(MentorshipId mentorshipId, String reason) {
    }
}
