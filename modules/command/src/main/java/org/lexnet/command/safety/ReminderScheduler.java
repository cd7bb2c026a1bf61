package org.lexnet.command.safety;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.lexnet.command.safety.ReminderLookups.DueNudge;
import org.lexnet.command.safety.ReminderLookups.DueReminder;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.safety.SafetyCommands.NudgePairingCommand;
import org.lexnet.coreapi.safety.SafetyCommands.RemindProposedMentorCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends the reminders that are due, on every node, every {@code lexnet.reminders.check-interval}: a
 * proposed mentor who has not answered after {@code unanswered-after} (48 h), and again
 * {@code before-expiry} (24 h) before the proposal expires; both sides of a running pairing with no
 * session for {@code session-nudge-after} (30 days). What is due is data ({@link ReminderLookups}), so
 * it survives restarts; each is recorded on the pairing, which accepts it once, so two nodes sending
 * the same reminder at once store it once (the other is refused, or loses on the event store's unique
 * constraint) — the way proposal expiry works.
 */
@Component
class ReminderScheduler {

    private static final Logger log = LoggerFactory.getLogger(ReminderScheduler.class);
    private static final int BATCH = 100;

    private final ReminderLookups lookups;
    private final CommandGateway commands;
    private final Clock clock;
    private final Duration unansweredAfter;
    private final Duration beforeExpiry;
    private final Duration sessionNudgeAfter;

    ReminderScheduler(ReminderLookups lookups, CommandGateway commands, Clock clock,
                      @Value("${lexnet.reminders.unanswered-after:PT48H}") Duration unansweredAfter,
                      @Value("${lexnet.reminders.before-expiry:PT24H}") Duration beforeExpiry,
                      @Value("${lexnet.reminders.session-nudge-after:P30D}") Duration sessionNudgeAfter) {
        this.lookups = lookups;
        this.commands = commands;
        this.clock = clock;
        this.unansweredAfter = unansweredAfter;
        this.beforeExpiry = beforeExpiry;
        this.sessionNudgeAfter = sessionNudgeAfter;
    }

    @Scheduled(fixedDelayString = "${lexnet.reminders.check-interval:PT1M}",
               initialDelayString = "${lexnet.reminders.check-interval:PT1M}")
    void sendDueReminders() {
        Instant now = clock.instant();
        List<DueReminder> reminders = new ArrayList<>(lookups.unanswered(now, unansweredAfter, BATCH));
        reminders.addAll(lookups.expiringSoon(now, beforeExpiry, BATCH));
        for (DueReminder due : reminders) {
            send(new RemindProposedMentorCommand(due.mentorshipId(), due.proposalId(), due.kind()),
                    due.mentorshipId().toString());
        }
        for (DueNudge due : lookups.quiet(now, sessionNudgeAfter, BATCH)) {
            send(new NudgePairingCommand(due.mentorshipId(), due.quietSince()), due.mentorshipId().toString());
        }
    }

    private void send(Object command, String pairing) {
        try {
            commands.sendAndWait(command);
        } catch (CommandRejectedException | ConcurrencyException sentOrAnsweredMeanwhile) {
            // another node sent it first, or the pairing moved on since the lookup was read
            log.debug("Reminder for {} not sent: {}", pairing, sentOrAnsweredMeanwhile.getMessage());
        } catch (RuntimeException failure) {
            log.warn("Could not send a reminder for {}; it is tried again at the next check", pairing, failure);
        }
    }
}
