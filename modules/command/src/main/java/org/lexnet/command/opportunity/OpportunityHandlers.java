package org.lexnet.command.opportunity;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.lexnet.command.connection.NetworkLookups;
import org.lexnet.command.locks.RuleLocks;
import org.lexnet.command.member.Member;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityCommands.PostOpportunityCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.RegisterInterestCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.SetOpportunityPreferencesCommand;
import org.lexnet.coreapi.opportunity.OpportunityCommands.WithdrawInterestCommand;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.rules.InvalidCommandException;
import org.lexnet.coreapi.rules.InvalidCommandException.FieldError;
import org.lexnet.coreapi.rules.NotFoundException;
import org.lexnet.coreapi.taxonomy.TaxonomyCatalog;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;

/**
 * The opportunity steps that need more than the opportunity: posting checks the content against the
 * taxonomy and the clock; posting and registering interest involve a member, so they take that member's
 * shared lock (no erasure meanwhile) and refuse an erased one; preferences live on the member's stream.
 */
@Component
class OpportunityHandlers {

    private final Repository<Opportunity> opportunities;
    private final Repository<Member> members;
    private final RuleLocks locks;
    private final NetworkLookups network;
    private final TaxonomyCatalog taxonomy;
    private final Clock clock;

    OpportunityHandlers(@Qualifier("opportunityRepository") Repository<Opportunity> opportunities,
                        @Qualifier("memberRepository") Repository<Member> members, RuleLocks locks,
                        NetworkLookups network, TaxonomyCatalog taxonomy, Clock clock) {
        this.network = network;
        this.opportunities = opportunities;
        this.members = members;
        this.locks = locks;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    @CommandHandler
    OpportunityId handle(PostOpportunityCommand command) throws Exception {
        List<FieldError> errors = OpportunityPolicies.postingErrors(command, clock.instant(), taxonomy);
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        locks.forMemberStep(command.actor());
        if (!command.byAdmin()) {
            member(command.actor());
        }
        opportunities.newInstance(() -> new Opportunity(new OpportunityPostedEvent(command.opportunityId(),
                command.actor(), !command.byAdmin(), command.kind(), command.title().strip(),
                command.description().strip(), command.link().strip(), command.tags(), command.remote(),
                command.remote() ? null : command.region(), command.deadline(), command.seats())));
        return command.opportunityId();
    }

    @CommandHandler
    void handle(RegisterInterestCommand command) {
        locks.forMemberStep(command.actor());
        Aggregate<Opportunity> opportunity = load(command.opportunityId());
        member(command.actor());
        // a block either way: the poster's opportunity does not exist for the other, as their profile does not
        if (network.blockedEitherWay(command.actor(), opportunity.invoke(Opportunity::postedBy))) {
            throw new NotFoundException("no such opportunity");
        }
        opportunity.execute(o -> o.registerInterest(command.actor(), clock.instant()));
    }

    @CommandHandler
    void handle(WithdrawInterestCommand command) {
        load(command.opportunityId()).execute(o -> o.withdrawInterest(command.actor()));
    }

    @CommandHandler
    long handle(SetOpportunityPreferencesCommand command) {
        List<FieldError> errors = OpportunityPolicies.preferenceErrors(command.preferences());
        if (!errors.isEmpty()) {
            throw new InvalidCommandException(errors);
        }
        return member(command.memberId()).invoke(m -> m.setOpportunityPreferences(command.preferences()));
    }

    private Aggregate<Opportunity> load(OpportunityId id) {
        try {
            return opportunities.load(id.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such opportunity");
        }
    }

    /** An unknown or erased member is answered like one who does not exist. */
    private Aggregate<Member> member(MemberId id) {
        Aggregate<Member> member;
        try {
            member = members.load(id.toString());
        } catch (AggregateNotFoundException unknown) {
            throw new NotFoundException("no such member");
        }
        if (member.invoke(Member::erased)) {
            throw new NotFoundException("no such member");
        }
        return member;
    }
}
