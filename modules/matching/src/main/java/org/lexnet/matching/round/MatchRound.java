package org.lexnet.matching.round;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.lexnet.coreapi.matching.MatchRoundCommands.CompleteMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.FailMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.RecordRoundProposalCommand;
import org.lexnet.coreapi.matching.MatchRoundCommands.StartMatchRoundCommand;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundCompletedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundFailedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.MatchRoundStartedEvent;
import org.lexnet.coreapi.matching.MatchRoundEvents.RoundProposalRecordedEvent;
import org.lexnet.coreapi.rules.CommandRejectedException;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One admin match round: started, the proposals it made (each with its score), then completed with
 * its totals and why each unmatched request stayed unmatched — or failed. A finished round takes no
 * more entries.
 */
@Aggregate
class MatchRound {

    @AggregateIdentifier
    private String roundId;
    private boolean finished;
    private int proposals;
    private long totalScore;

    protected MatchRound() {
        // for Axon
    }

    @CommandHandler
    MatchRound(StartMatchRoundCommand command) {
        apply(new MatchRoundStartedEvent(command.roundId(), command.requestedBy()));
    }

    @CommandHandler
    void handle(RecordRoundProposalCommand command) {
        requireRunning();
        apply(new RoundProposalRecordedEvent(roundId, command.mentorshipId(), command.mentorId(), command.score()));
    }

    @CommandHandler
    void handle(CompleteMatchRoundCommand command) {
        requireRunning();
        apply(new MatchRoundCompletedEvent(roundId, command.waitingRequests(), proposals, totalScore,
                command.unmatched(), command.durationMs()));
    }

    @CommandHandler
    void handle(FailMatchRoundCommand command) {
        requireRunning();
        apply(new MatchRoundFailedEvent(roundId, command.reason()));
    }

    private void requireRunning() {
        if (finished) {
            throw new CommandRejectedException("this match round has finished");
        }
    }

    @EventSourcingHandler
    void on(MatchRoundStartedEvent event) {
        roundId = event.roundId();
    }

    @EventSourcingHandler
    void on(RoundProposalRecordedEvent event) {
        proposals++;
        totalScore += event.score();
    }

    @EventSourcingHandler
    void on(MatchRoundCompletedEvent event) {
        finished = true;
    }

    @EventSourcingHandler
    void on(MatchRoundFailedEvent event) {
        finished = true;
    }
}
