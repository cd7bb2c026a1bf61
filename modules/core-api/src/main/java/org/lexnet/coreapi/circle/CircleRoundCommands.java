package org.lexnet.coreapi.circle;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.lexnet.coreapi.member.MemberId;

import java.util.List;

/** Commands of an admin circle formation round (aggregate CircleRound, id = the round id as a string). */
public final class CircleRoundCommands {

    private CircleRoundCommands() {
    }

    public record StartCircleRoundCommand(@TargetAggregateIdentifier String roundId, MemberId requestedBy) {
    }

    /**
     * The round formed this circle. {@code circleId} is null when it could not be opened (no facilitator,
     * or the opening was refused: {@code refusal} says why); its members then stay waiting.
     */
    public record RecordFormedCircleCommand(@TargetAggregateIdentifier String roundId, FormedCircleRecord circle) {
    }

    public record CompleteCircleRoundCommand(@TargetAggregateIdentifier String roundId, int seekers,
                                             int facilitators, List<Waiting> waiting, double totalFit,
                                             double upperBound, long durationMs) {
        public CompleteCircleRoundCommand {
            waiting = List.copyOf(waiting);
        }
    }

    public record FailCircleRoundCommand(@TargetAggregateIdentifier String roundId, String reason) {
    }

    /** A circle as the round formed it: members, facilitator, band, focus, slot, format, fit and reasons. */
    public record FormedCircleRecord(CircleId circleId, List<MemberId> members, MemberId facilitatorId,
                                     List<String> stages, List<String> focus, MeetingSlot slot, String region,
                                     double fit, List<String> reasons, String refusal) {
        public FormedCircleRecord {
            members = List.copyOf(members);
            stages = List.copyOf(stages);
            focus = List.copyOf(focus);
            reasons = List.copyOf(reasons);
        }
    }

    /** A member the round left waiting, and why. */
    public record Waiting(MemberId memberId, String reason) {
    }
}
