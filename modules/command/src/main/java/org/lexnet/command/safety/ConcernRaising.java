package org.lexnet.command.safety;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.RateLimitedException;
import org.lexnet.coreapi.safety.ConcernId;
import org.lexnet.coreapi.safety.SafetyCommands.RaiseConcernCommand;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Raises a concern: checks what was sent, resolves the subject to the member it is about
 * ({@link ConcernSubjects}), holds the reporter to at most {@code lexnet.safety.max-concerns-per-window}
 * concerns per {@code lexnet.safety.concern-window} (under the reporter's lock, so two nodes count alike),
 * then creates the {@link Concern}. Any refusal leaves nothing stored.
 */
@Component
class ConcernRaising {

    private final Repository<Concern> concerns;
    private final ConcernSubjects subjects;
    private final ConcernLookups lookups;
    private final Clock clock;
    private final int maxPerWindow;
    private final Duration window;

    ConcernRaising(@Qualifier("concernRepository") Repository<Concern> concerns, ConcernSubjects subjects,
                   ConcernLookups lookups, Clock clock,
                   @Value("${lexnet.safety.max-concerns-per-window:5}") int maxPerWindow,
                   @Value("${lexnet.safety.concern-window:PT24H}") Duration window) {
        this.concerns = concerns;
        this.subjects = subjects;
        this.lookups = lookups;
        this.clock = clock;
        this.maxPerWindow = maxPerWindow;
        this.window = window;
    }

    @CommandHandler
    ConcernId handle(RaiseConcernCommand command) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        if (command.subjectType() == null) {
            errors.add(new FieldError("subjectType", "must not be null"));
        }
        if (command.subjectId() == null || command.subjectId().isBlank()) {
            errors.add(new FieldError("subjectId", "must not be blank"));
        }
        if (command.category() == null) {
            errors.add(new FieldError("category", "must not be null"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        String text = SafetyPolicies.requiredText(command.text(), "text");
        MemberId reporter = command.reporterId();
        MemberId concerned = subjects.memberConcerned(command.subjectType(), command.subjectId().strip(), reporter);
        lookups.lockReporter(reporter);
        if (lookups.raisedSince(reporter, clock.instant().minus(window)) >= maxPerWindow) {
            throw new RateLimitedException("you raised " + maxPerWindow + " concerns recently; the programme team "
                                           + "is looking at them. Please wait before raising another.");
        }
        concerns.newInstance(() -> new Concern(command.concernId(), reporter, command.subjectType(),
                command.subjectId().strip(), concerned, command.category(), text));
        return command.concernId();
    }
}
