package org.lexnet.coreapi.circle;

import org.axonframework.serialization.Revision;
import org.lexnet.coreapi.circle.CircleRoundCommands.FormedCircleRecord;
import org.lexnet.coreapi.circle.CircleRoundCommands.Waiting;
import org.lexnet.coreapi.member.MemberId;

import java.util.List;

/**
 * Events of an admin circle formation round: the record of what the engine decided for every member
 * waiting for a circle. Reasons count areas of lived experience but never name them.
 */
public final class CircleRoundEvents {

    private CircleRoundEvents() {
    }

    @Revision("1")
    public record CircleRoundStartedEvent(String roundId, MemberId requestedBy) {
    }

    @Revision("1")
    public record RoundCircleFormedEvent(String roundId, FormedCircleRecord circle) {
    }

    /** Totals (fit reached against the engine's upper bound) and why each member left waiting was. */
    @Revision("1")
    public record CircleRoundCompletedEvent(String roundId, int seekers, int facilitators, int circlesOpened,
                                            List<Waiting> waiting, double totalFit, double upperBound,
                                            long durationMs) {
        public CircleRoundCompletedEvent {
            waiting = List.copyOf(waiting);
        }
    }

    @Revision("1")
    public record CircleRoundFailedEvent(String roundId, String reason) {
    }
}
