package org.lexnet.command.opportunity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestRegisteredEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityClosedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityHiddenEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Command-side lookups for opportunities: the deadline of each open one (so that closing at the deadline
 * survives restarts, as proposal expiry does) and who takes part in which open one (what an erasure must
 * end). Kept by a <em>subscribing</em> processor, in the same transaction as each event.
 */
@Component
@ProcessingGroup(OpportunityLookups.PROCESSING_GROUP)
public class OpportunityLookups {

    static final String PROCESSING_GROUP = "opportunity-lookups";

    private final JdbcTemplate jdbc;

    OpportunityLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Open opportunities whose deadline has passed, oldest deadline first. */
    List<OpportunityId> overdue(Instant now, int limit) {
        return jdbc.query("""
                select opportunity_id from opportunity_lookup where status = 'OPEN' and deadline <= ?
                order by deadline limit ?""", (rs, i) -> new OpportunityId(rs.getObject(1, UUID.class)),
                Timestamp.from(now), limit);
    }

    /** Open opportunities the member posted or registered interest in. */
    public List<OpportunityId> openOpportunitiesOf(MemberId member) {
        return jdbc.query("""
                select o.opportunity_id from opportunity_lookup o where o.status = 'OPEN' and (o.posted_by = ?
                   or exists (select 1 from opportunity_interest_lookup i
                              where i.opportunity_id = o.opportunity_id and i.member_id = ?))""",
                (rs, i) -> new OpportunityId(rs.getObject(1, UUID.class)), member.value(), member.value());
    }

    // ---- upkeep, in the transaction of each event

    @EventHandler
    void on(OpportunityPostedEvent event) {
        jdbc.update("""
                insert into opportunity_lookup (opportunity_id, posted_by, status, deadline) values (?, ?, 'OPEN', ?)
                on conflict (opportunity_id) do nothing""", event.opportunityId().value(), event.postedBy().value(),
                event.deadline() == null ? null : Timestamp.from(event.deadline()));
    }

    @EventHandler
    void on(InterestRegisteredEvent event) {
        jdbc.update("insert into opportunity_interest_lookup (opportunity_id, member_id) values (?, ?) "
                    + "on conflict do nothing", event.opportunityId().value(), event.memberId().value());
    }

    @EventHandler
    void on(InterestWithdrawnEvent event) {
        jdbc.update("delete from opportunity_interest_lookup where opportunity_id = ? and member_id = ?",
                event.opportunityId().value(), event.memberId().value());
    }

    @EventHandler
    void on(OpportunityClosedEvent event) {
        status(event.opportunityId(), "CLOSED");
    }

    @EventHandler
    void on(OpportunityWithdrawnEvent event) {
        status(event.opportunityId(), "WITHDRAWN");
    }

    @EventHandler
    void on(OpportunityHiddenEvent event) {
        status(event.opportunityId(), "HIDDEN");
    }

    private void status(OpportunityId id, String status) {
        jdbc.update("update opportunity_lookup set status = ? where opportunity_id = ?", status, id.value());
    }
}
