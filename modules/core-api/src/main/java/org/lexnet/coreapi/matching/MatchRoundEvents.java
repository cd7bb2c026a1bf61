package org.lexnet.coreapi.matching;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.matching.MatchRoundCommands.Unmatched;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipId;

import java.util.List;

/** Events of an admin match round: the record of what the engine decided for the whole waiting pool. */
public final class MatchRoundEvents {

    private MatchRoundEvents() {
    }

    @Revision("1")
    public record MatchRoundStartedEvent(String roundId, MemberId requestedBy) {
    }

    @Revision("1")
    public record RoundProposalRecordedEvent(String roundId, MentorshipId mentorshipId, MemberId mentorId, int score) {
    }

    /** Totals, and the reason each waiting request stayed unmatched. */
    @Revision("1")
    public record MatchRoundCompletedEvent(String roundId, int waitingRequests, int proposals, long totalScore,
                                           List<Unmatched> unmatched, long durationMs) {
        public MatchRoundCompletedEvent {
            unmatched = List.copyOf(unmatched);
        }
    }

    @Revision("1")
    public record MatchRoundFailedEvent(String roundId, String reason) {
    }
}
