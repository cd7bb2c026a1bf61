package org.lexnet.command.circle;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.lexnet.coreapi.circle.CircleEvents.CircleClosedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleInvitationDeclinedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleStartedEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberInvitedToCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberJoinedCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberLeftCircleEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * Command-side lookup tables for the rules that span circles: how many circles a member sits in, how
 * many a facilitator leads, and which circles an erased member must leave. Kept by a
 * <em>subscribing</em> processor, so each change is written in the same transaction as its event and
 * the tables are never behind the event store (set-based validation, as for pairings).
 */
@Component
@ProcessingGroup(CircleLookups.PROCESSING_GROUP)
public class CircleLookups {

    static final String PROCESSING_GROUP = "circle-lookups";

    private final JdbcTemplate jdbc;

    CircleLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Circles, not closed, in which the member holds a seat. */
    int seatsHeldBy(MemberId member) {
        Integer n = jdbc.queryForObject("""
                select count(*) from circle_party p join circle_lookup c on c.circle_id = p.circle_id
                where p.member_id = ? and p.role = 'SEAT' and c.status <> 'CLOSED'""", Integer.class, member.value());
        return n == null ? 0 : n;
    }

    /** Circles, not closed, that the member facilitates. */
    int facilitating(MemberId member) {
        Integer n = jdbc.queryForObject(
                "select count(*) from circle_lookup where facilitator_id = ? and status <> 'CLOSED'", Integer.class,
                member.value());
        return n == null ? 0 : n;
    }

    /** Circles, not closed, the member takes any part in: a seat, an invitation, or as facilitator. */
    public List<CircleId> openCirclesOf(MemberId member) {
        return jdbc.query("""
                select c.circle_id from circle_lookup c where c.status <> 'CLOSED' and (c.facilitator_id = ?
                   or exists (select 1 from circle_party p where p.circle_id = c.circle_id and p.member_id = ?))""",
                (rs, i) -> new CircleId(rs.getObject(1, UUID.class)), member.value(), member.value());
    }

    // ---- upkeep, in the transaction of each event

    @EventHandler
    void on(CircleCreatedEvent event) {
        jdbc.update("insert into circle_lookup (circle_id, facilitator_id, status) values (?, ?, 'FORMING')",
                event.circleId().value(), event.facilitatorId().value());
    }

    @EventHandler
    void on(MemberInvitedToCircleEvent event) {
        jdbc.update("insert into circle_party (circle_id, member_id, role) values (?, ?, 'INVITED') "
                    + "on conflict (circle_id, member_id) do nothing", event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(CircleInvitationDeclinedEvent event) {
        jdbc.update("delete from circle_party where circle_id = ? and member_id = ? and role = 'INVITED'",
                event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(MemberJoinedCircleEvent event) {
        jdbc.update("""
                insert into circle_party (circle_id, member_id, role) values (?, ?, 'SEAT')
                on conflict (circle_id, member_id) do update set role = 'SEAT'""",
                event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(MemberLeftCircleEvent event) {
        jdbc.update("delete from circle_party where circle_id = ? and member_id = ?", event.circleId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(CircleStartedEvent event) {
        jdbc.update("update circle_lookup set status = 'ACTIVE' where circle_id = ?", event.circleId().value());
    }

    @EventHandler
    void on(CircleClosedEvent event) {
        jdbc.update("update circle_lookup set status = 'CLOSED' where circle_id = ?", event.circleId().value());
    }
}
