package org.lexnet.command.safety;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.mentorship.Mentorship;
import org.lexnet.coreapi.safety.SafetyCommands.NudgePairingCommand;
import org.lexnet.coreapi.safety.SafetyCommands.RemindProposedMentorCommand;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/** Sends a reminder or a nudge by recording it on the pairing, which refuses a second one of the same. */
@Component
class ReminderHandlers {

    private final Repository<Mentorship> mentorships;

    ReminderHandlers(@Qualifier("mentorshipRepository") Repository<Mentorship> mentorships) {
        this.mentorships = mentorships;
    }

    @CommandHandler
    void handle(RemindProposedMentorCommand command) {
        mentorships.load(command.mentorshipId().toString())
                .execute(pairing -> pairing.remindProposedMentor(command.proposalId(), command.kind()));
    }

    @CommandHandler
    void handle(NudgePairingCommand command) {
        mentorships.load(command.mentorshipId().toString()).execute(pairing -> pairing.nudge(command.quietSince()));
    }
}
