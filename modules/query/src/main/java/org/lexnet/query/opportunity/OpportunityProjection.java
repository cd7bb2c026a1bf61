package org.lexnet.query.opportunity;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestRegisteredEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.InterestWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityClosedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityHiddenEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPostedEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityPreferencesSetEvent;
import org.lexnet.coreapi.opportunity.OpportunityEvents.OpportunityWithdrawnEvent;
import org.lexnet.coreapi.opportunity.OpportunityId;
import org.lexnet.coreapi.opportunity.OpportunityKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The opportunities read model: one row per opportunity ({@code opportunity_view}) with who registered
 * interest ({@code opportunity_interest}), and each member's notification preferences
 * ({@code opportunity_preference}).
 *
 * <p>Replay-safe: every event of an opportunity first advances {@code opportunity_view.version} to the
 * event's sequence number and changes the tables only if that advanced it; preferences are the latest per
 * member (a member's events stay in order within one segment).
 */
@Component
@ProcessingGroup(OpportunityProjection.PROCESSING_GROUP)
class OpportunityProjection {

    static final String PROCESSING_GROUP = "opportunities";

    private final JdbcTemplate jdbc;

    OpportunityProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OpportunityPostedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into opportunity_view (opportunity_id, posted_by, member_posted, kind, title, description, link,
                  competencies, stages, sectors, areas, remote, region, deadline, seats, status, posted_at, version)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?) on conflict (opportunity_id) do nothing""",
                event.opportunityId().value(), event.postedBy().value(), event.memberPosted(), event.kind().name(),
                event.title(), event.description(), event.link(), array(event.tags().competencies()),
                array(event.tags().stages()), array(event.tags().sectors()), array(event.tags().areas()),
                event.remote(), event.region(), event.deadline() == null ? null : ts(event.deadline()), event.seats(),
                ts(at), sequence);
    }

    @EventHandler
    void on(InterestRegisteredEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.opportunityId(), sequence)) {
            jdbc.update("insert into opportunity_interest (opportunity_id, member_id, registered_at) values (?, ?, ?) "
                        + "on conflict do nothing", event.opportunityId().value(), event.memberId().value(), ts(at));
            jdbc.update("""
                    update opportunity_view set seats_taken = ?,
                      filled_at = case when seats is not null and ? >= seats then coalesce(filled_at, ?) end
                    where opportunity_id = ?""", event.seatsTaken(), event.seatsTaken(), ts(at),
                    event.opportunityId().value());
        }
    }

    @EventHandler
    void on(InterestWithdrawnEvent event, @SequenceNumber long sequence) {
        if (advance(event.opportunityId(), sequence)) {
            jdbc.update("delete from opportunity_interest where opportunity_id = ? and member_id = ?",
                    event.opportunityId().value(), event.memberId().value());
            // a seat freed again: the opportunity is no longer full (time to fill counts the last filling)
            jdbc.update("update opportunity_view set seats_taken = ?, filled_at = null where opportunity_id = ?",
                    event.seatsTaken(), event.opportunityId().value());
        }
    }

    @EventHandler
    void on(OpportunityClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        end(event.opportunityId(), sequence, "CLOSED", at);
    }

    @EventHandler
    void on(OpportunityWithdrawnEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        end(event.opportunityId(), sequence, "WITHDRAWN", at);
    }

    @EventHandler
    void on(OpportunityHiddenEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (end(event.opportunityId(), sequence, "HIDDEN", at)) {
            jdbc.update("update opportunity_view set hidden_reason = ?, hidden_by = ? where opportunity_id = ?",
                    event.reason(), event.hiddenBy().value(), event.opportunityId().value());
        }
    }

    @EventHandler
    void on(OpportunityPreferencesSetEvent event, @Timestamp Instant at) {
        jdbc.update("""
                insert into opportunity_preference (member_id, opted_out, weekly_cap, updated_at) values (?, ?, ?, ?)
                on conflict (member_id) do update set opted_out = excluded.opted_out, weekly_cap = excluded.weekly_cap,
                  updated_at = excluded.updated_at""",
                event.memberId().value(),
                event.preferences().optedOutKinds().stream().map(OpportunityKind::name).toArray(String[]::new),
                event.preferences().weeklyCap(), ts(at));
    }

    /**
     * A member left: what they wrote goes (it is sealed with their key anyway), a hiding reason they gave as
     * an admin too, and so do their preferences.
     */
    @EventHandler
    void on(MemberErasedEvent event) {
        UUID member = event.memberId().value();
        jdbc.update("update opportunity_view set title = null, description = null, link = null where posted_by = ?",
                member);
        jdbc.update("update opportunity_view set hidden_reason = null where hidden_by = ?", member);
        jdbc.update("delete from opportunity_preference where member_id = ?", member);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate opportunity_view, opportunity_interest, opportunity_preference");
    }

    private boolean end(OpportunityId id, long sequence, String status, Instant at) {
        if (advance(id, sequence)) {
            jdbc.update("update opportunity_view set status = ?, ended_at = ? where opportunity_id = ?", status, ts(at),
                    id.value());
            return true;
        }
        return false;
    }

    private boolean advance(OpportunityId id, long sequence) {
        return jdbc.update("update opportunity_view set version = ? where opportunity_id = ? and version < ?", sequence,
                id.value(), sequence) == 1;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static String[] array(List<String> codes) {
        return codes.toArray(String[]::new);
    }
}
