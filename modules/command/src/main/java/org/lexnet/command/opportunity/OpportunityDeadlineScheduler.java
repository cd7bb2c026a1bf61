package org.lexnet.command.opportunity;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.coreapi.opportunity.OpportunityCommands.CloseOpportunityAtDeadlineCommand;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Closes opportunities whose deadline passed. The deadline is in PostgreSQL
 * ({@code opportunity_lookup.deadline}), so it survives restarts; every node looks every
 * {@code lexnet.opportunities.deadline-check-interval} and sends the close command. Two nodes sending it
 * for one opportunity is harmless: the second is refused (no longer open).
 */
@Component
class OpportunityDeadlineScheduler {

    private static final Logger log = LoggerFactory.getLogger(OpportunityDeadlineScheduler.class);
    private static final int BATCH = 100;

    private final OpportunityLookups lookups;
    private final CommandGateway commands;
    private final Clock clock;

    OpportunityDeadlineScheduler(OpportunityLookups lookups, CommandGateway commands, Clock clock) {
        this.lookups = lookups;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lexnet.opportunities.deadline-check-interval:PT30S}",
               initialDelayString = "${lexnet.opportunities.deadline-check-interval:PT30S}")
    void closeOverdueOpportunities() {
        for (OpportunityId due : lookups.overdue(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(new CloseOpportunityAtDeadlineCommand(due));
            } catch (CommandRejectedException closedMeanwhile) {
                // another node closed it first, or its poster withdrew it since the lookup was read
                log.debug("Opportunity {} not closed: {}", due, closedMeanwhile.getMessage());
            } catch (RuntimeException failure) {
                log.warn("Could not close opportunity {} at its deadline; it is tried again at the next check", due,
                        failure);
            }
        }
    }
}
