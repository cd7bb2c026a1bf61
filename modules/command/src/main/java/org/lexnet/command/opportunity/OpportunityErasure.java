package org.lexnet.command.opportunity;

import org.axonframework.modelling.command.Repository;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A member's part in opportunities when they are erased, in the erasure's unit of work: each open one
 * they posted is withdrawn ({@code POSTER_ERASED}), and their interest in others given up.
 */
@Component
public class OpportunityErasure {

    private final Repository<Opportunity> opportunities;
    private final OpportunityLookups lookups;

    OpportunityErasure(@Qualifier("opportunityRepository") Repository<Opportunity> opportunities,
                       OpportunityLookups lookups) {
        this.opportunities = opportunities;
        this.lookups = lookups;
    }

    public void endPartsOf(MemberId member) {
        for (OpportunityId id : lookups.openOpportunitiesOf(member)) {
            opportunities.load(id.toString()).execute(o -> o.leaveBecauseErased(member));
        }
    }
}
