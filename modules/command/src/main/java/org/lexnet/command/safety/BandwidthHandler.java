package org.lexnet.command.safety;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.member.Member;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.safety.Bandwidth;
import org.lexnet.coreapi.safety.SafetyCommands.SetBandwidthCommand;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Sets a member's bandwidth: a monthly limit of 0 to {@value Bandwidth#MOST_PER_MONTH}, a quiet date within a year. */
@Component
class BandwidthHandler {

    private final Repository<Member> members;
    private final Clock clock;

    BandwidthHandler(@Qualifier("memberRepository") Repository<Member> members, Clock clock) {
        this.members = members;
        this.clock = clock;
    }

    @CommandHandler
    long handle(SetBandwidthCommand command) throws Exception {
        List<FieldError> errors = new ArrayList<>();
        if (command.maxNewPerMonth() != null
            && (command.maxNewPerMonth() < 0 || command.maxNewPerMonth() > Bandwidth.MOST_PER_MONTH)) {
            errors.add(new FieldError("maxNewPerMonth", "must be between 0 and " + Bandwidth.MOST_PER_MONTH));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (command.quietUntil() != null && command.quietUntil().isAfter(today.plusYears(1))) {
            errors.add(new FieldError("quietUntil", "must be within a year (pause your participation for longer)"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        // a quiet date already past means no quiet time: stored as none, so the profile does not show it
        LocalDate quietUntil = command.quietUntil() == null || !command.quietUntil().isAfter(today) ? null
                : command.quietUntil();
        return members.load(command.memberId().toString())
                .invoke(member -> member.setBandwidth(new Bandwidth(command.maxNewPerMonth(), quietUntil)));
    }
}
