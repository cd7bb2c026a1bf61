package org.lexnet.matching.circleround;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.lexnet.coreapi.circle.CircleEvents.CircleClosedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleInvitationDeclinedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CirclePreferencesSetEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberInvitedToCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberJoinedCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberLeftCircleEvent;
import org.lexnet.coreapi.circle.CirclePreferences;
import org.lexnet.coreapi.circle.MeetingSlot;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The formation rounds' own read model of who wants a circle ({@code circle_pool_seeker}: focus,
 * format, slots, how many circles they agreed to facilitate) and who already takes part in which circle
 * ({@code circle_pool_circle}, {@code circle_pool_party}), so that a round considers only the members
 * still waiting and each facilitator's remaining capacity. Stage, sectors, region and the areas usable
 * for matching come from the matcher's pool in the same module. One segment: a member's preferences and
 * the circles' changes are applied in stream order; every write is idempotent (replay-safe).
 */
@Component
@ProcessingGroup(CircleSeekerPoolProjection.PROCESSING_GROUP)
class CircleSeekerPoolProjection {

    static final String PROCESSING_GROUP = "circle-pool";

    private final JdbcTemplate jdbc;

    CircleSeekerPoolProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CirclePreferencesSetEvent event) {
        CirclePreferences p = event.preferences();
        if (p == null) {
            return; // sealed with a key that is gone: the member was erased, and the erasure follows
        }
        jdbc.update("""
                insert into circle_pool_seeker (member_id, focus, remote, region, slots, facilitate)
                values (?, ?, ?, ?, ?, ?) on conflict (member_id) do update set focus = excluded.focus,
                  remote = excluded.remote, region = excluded.region, slots = excluded.slots,
                  facilitate = excluded.facilitate""",
                event.memberId().value(), p.focus().toArray(String[]::new), p.remote(), p.region(),
                p.slots().stream().map(MeetingSlot::name).toArray(String[]::new), p.facilitate());
    }

    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("delete from circle_pool_seeker where member_id = ?", event.memberId().value());
    }

    @EventHandler
    void on(CircleCreatedEvent event) {
        jdbc.update("insert into circle_pool_circle (circle_id, facilitator_id) values (?, ?) on conflict do nothing",
                event.circleId().value(), event.facilitatorId().value());
    }

    @EventHandler
    void on(MemberInvitedToCircleEvent event) {
        jdbc.update("insert into circle_pool_party (circle_id, member_id, role) values (?, ?, 'INVITED') "
                    + "on conflict do nothing", event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(CircleInvitationDeclinedEvent event) {
        jdbc.update("delete from circle_pool_party where circle_id = ? and member_id = ? and role = 'INVITED'",
                event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(MemberJoinedCircleEvent event) {
        jdbc.update("insert into circle_pool_party (circle_id, member_id, role) values (?, ?, 'SEAT') "
                    + "on conflict (circle_id, member_id) do update set role = 'SEAT'",
                event.circleId().value(), event.memberId().value());
    }

    @EventHandler
    void on(MemberLeftCircleEvent event) {
        jdbc.update("delete from circle_pool_party where circle_id = ? and member_id = ?", event.circleId().value(),
                event.memberId().value());
    }

    @EventHandler
    void on(CircleClosedEvent event) {
        jdbc.update("update circle_pool_circle set closed = true where circle_id = ?", event.circleId().value());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate circle_pool_party, circle_pool_circle, circle_pool_seeker");
    }
}
