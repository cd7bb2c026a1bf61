package org.lexnet.matching.circleround;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.circle.CircleRoundCommands.CompleteCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.FailCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.RecordFormedCircleCommand;
import org.lexnet.coreapi.circle.CircleRoundCommands.StartCircleRoundCommand;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundCompletedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundFailedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.CircleRoundStartedEvent;
import org.lexnet.coreapi.circle.CircleRoundEvents.RoundCircleFormedEvent;
import org.lexnet.coreapi.rules.CommandRejectedException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One admin circle formation round: started, each circle it formed (opened, or why not), then completed
 * with its totals and why each member left waiting was — or failed. A finished round takes no more
 * entries.
 */
@Aggregate
class CircleRound {

    @AggregateIdentifier
    private String roundId;
    private boolean finished;
    private int circlesOpened;

    protected CircleRound() {
        // for Axon
    }

    @CommandHandler
    CircleRound(StartCircleRoundCommand command) {
        apply(new CircleRoundStartedEvent(command.roundId(), command.requestedBy()));
    }

    @CommandHandler
    void handle(RecordFormedCircleCommand command) {
        requireRunning();
        apply(new RoundCircleFormedEvent(roundId, command.circle()));
    }

    @CommandHandler
    void handle(CompleteCircleRoundCommand command) {
        requireRunning();
        apply(new CircleRoundCompletedEvent(roundId, command.seekers(), command.facilitators(), circlesOpened,
                command.waiting(), command.totalFit(), command.upperBound(), command.durationMs()));
    }

    @CommandHandler
    void handle(FailCircleRoundCommand command) {
        requireRunning();
        apply(new CircleRoundFailedEvent(roundId, command.reason()));
    }

    private void requireRunning() {
        if (finished) {
            throw new CommandRejectedException("this circle round has finished");
        }
    }

    @EventSourcingHandler
    void on(CircleRoundStartedEvent event) {
        roundId = event.roundId();
    }

    @EventSourcingHandler
    void on(RoundCircleFormedEvent event) {
        if (event.circle().circleId() != null) {
            circlesOpened++;
        }
    }

    @EventSourcingHandler
    void on(CircleRoundCompletedEvent event) {
        finished = true;
    }

    @EventSourcingHandler
    void on(CircleRoundFailedEvent event) {
        finished = true;
    }
}
