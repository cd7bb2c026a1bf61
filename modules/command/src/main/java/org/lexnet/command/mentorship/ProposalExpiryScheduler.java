package org.lexnet.command.mentorship;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.lexnet.coreapi.mentorship.MentorshipCommands.ExpireProposalCommand;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;

/**
 * Expires proposals nobody answered in time. The deadline of each pending proposal is in PostgreSQL
 * ({@code pairing_lookup.proposal_expires_at}), so it survives restarts; every node looks for overdue
 * proposals every {@code lexnet.mentorship.expiry-check-interval} and sends the expiry command. Two
 * nodes sending it for the same proposal is harmless: the pairing accepts the first and rejects the
 * second (the proposal is no longer pending).
 */
@Component
class ProposalExpiryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ProposalExpiryScheduler.class);
    private static final int BATCH = 100;

    private final PairingLookups lookups;
    private final CommandGateway commands;
    private final Clock clock;

    ProposalExpiryScheduler(PairingLookups lookups, CommandGateway commands, Clock clock) {
        this.lookups = lookups;
        this.commands = commands;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${lexnet.mentorship.expiry-check-interval:PT30S}",
               initialDelayString = "${lexnet.mentorship.expiry-check-interval:PT30S}")
    void expireOverdueProposals() {
        for (PairingLookups.DueProposal due : lookups.dueProposals(clock.instant(), BATCH)) {
            try {
                commands.sendAndWait(new ExpireProposalCommand(due.mentorshipId(), due.proposalId()));
            } catch (CommandRejectedException answeredMeanwhile) {
                // another node expired it first, or the mentor answered since the lookup was read
                log.debug("Proposal {} of {} not expired: {}", due.proposalId(), due.mentorshipId(),
                        answeredMeanwhile.getMessage());
            } catch (RuntimeException failure) {
                // a real failure (the database, a bug): said loudly; the proposal is tried again at the next check
                log.warn("Could not expire proposal {} of {}; it is tried again at the next check",
                        due.proposalId(), due.mentorshipId(), failure);
            }
        }
    }
}
