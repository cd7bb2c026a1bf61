package org.lexnet.query.circle;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.circle.CircleEvents.CircleClosedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleCreatedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleGoalSharedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleInvitationDeclinedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CirclePreferencesSetEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleSessionLoggedEvent;
import org.lexnet.coreapi.circle.CircleEvents.CircleStartedEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberInvitedToCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberJoinedCircleEvent;
import org.lexnet.coreapi.circle.CircleEvents.MemberLeftCircleEvent;
import org.lexnet.coreapi.circle.CircleId;
import org.lexnet.coreapi.circle.CirclePreferences;
import org.lexnet.coreapi.circle.MeetingSlot;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The circles read model: one row per circle ({@code circle_view}) with its members and invitations,
 * sessions, goals, and the members' circle preferences ({@code circle_seeker}).
 *
 * <p>Replay-safe: every event of a circle first advances {@code circle_view.version} to the event's
 * sequence number and changes the tables only if that advanced it; preferences are the latest per
 * member (a member's events stay in order within one segment).
 */
@Component
@ProcessingGroup(CircleProjection.PROCESSING_GROUP)
class CircleProjection {

    static final String PROCESSING_GROUP = "circles";

    private final JdbcTemplate jdbc;

    CircleProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CircleCreatedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        jdbc.update("""
                insert into circle_view (circle_id, facilitator_id, status, focus, areas, low_stage, high_stage, remote,
                  region, slot, seats, open, ground_rules, round_id, created_at, version)
                values (?, ?, 'FORMING', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (circle_id) do nothing""",
                event.circleId().value(), event.facilitatorId().value(), array(event.focus()), array(event.areas()),
                event.lowStage(), event.highStage(), event.remote(), event.region(),
                event.slot() == null ? null : event.slot().name(), event.seats(), event.open(),
                array(event.groundRules()), event.roundId(), ts(at), sequence);
    }

    @EventHandler
    void on(MemberInvitedToCircleEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("""
                    insert into circle_member (circle_id, member_id, status, invited_at) values (?, ?, 'INVITED', ?)
                    on conflict (circle_id, member_id) do nothing""",
                    event.circleId().value(), event.memberId().value(), ts(at));
        }
    }

    @EventHandler
    void on(CircleInvitationDeclinedEvent event, @SequenceNumber long sequence) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("delete from circle_member where circle_id = ? and member_id = ? and status = 'INVITED'",
                    event.circleId().value(), event.memberId().value());
        }
    }

    @EventHandler
    void on(MemberJoinedCircleEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("""
                    insert into circle_member (circle_id, member_id, status, joined_at) values (?, ?, 'SEATED', ?)
                    on conflict (circle_id, member_id) do update set status = 'SEATED', joined_at = excluded.joined_at""",
                    event.circleId().value(), event.memberId().value(), ts(at));
            jdbc.update("update circle_view set seats_taken = ? where circle_id = ?", event.seatsTaken(),
                    event.circleId().value());
        }
    }

    @EventHandler
    void on(MemberLeftCircleEvent event, @SequenceNumber long sequence) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("delete from circle_member where circle_id = ? and member_id = ?", event.circleId().value(),
                    event.memberId().value());
            jdbc.update("update circle_view set seats_taken = ? where circle_id = ?", event.seatsTaken(),
                    event.circleId().value());
        }
    }

    @EventHandler
    void on(CircleStartedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("update circle_view set status = 'ACTIVE', started_at = ? where circle_id = ?", ts(at),
                    event.circleId().value());
        }
    }

    @EventHandler
    void on(CircleClosedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("update circle_view set status = 'CLOSED', closed_at = ? where circle_id = ?", ts(at),
                    event.circleId().value());
            // invitations to a closed circle can no longer be answered
            jdbc.update("delete from circle_member where circle_id = ? and status = 'INVITED'",
                    event.circleId().value());
        }
    }

    @EventHandler
    void on(CircleSessionLoggedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("""
                    insert into circle_session (circle_id, session_id, held_on, minutes, attendees, note, logged_by,
                      logged_at) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    event.circleId().value(), event.sessionId(), Date.valueOf(event.date()), event.minutes(),
                    event.attendees().stream().map(MemberId::value).toArray(UUID[]::new), event.note(),
                    event.loggedBy().value(), ts(at));
        }
    }

    @EventHandler
    void on(CircleGoalSharedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (advance(event.circleId(), sequence)) {
            jdbc.update("insert into circle_goal (circle_id, goal_id, member_id, text, shared_at) values (?, ?, ?, ?, ?)",
                    event.circleId().value(), event.goalId(), event.memberId().value(), event.text(), ts(at));
        }
    }

    @EventHandler
    void on(CirclePreferencesSetEvent event, @Timestamp Instant at) {
        CirclePreferences p = event.preferences();
        if (p == null) {
            // sealed with a key that is gone: the member was erased, and the erasure removes the row
            return;
        }
        jdbc.update("""
                insert into circle_seeker (member_id, focus, remote, region, slots, facilitate, updated_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (member_id) do update set focus = excluded.focus,
                  remote = excluded.remote, region = excluded.region, slots = excluded.slots,
                  facilitate = excluded.facilitate, updated_at = excluded.updated_at""",
                event.memberId().value(), array(p.focus()), p.remote(), p.region(),
                p.slots().stream().map(MeetingSlot::name).toArray(String[]::new), p.facilitate(), ts(at));
    }

    /** A member left: what they wrote in circles goes, and so do their preferences. */
    @EventHandler
    void on(MemberErasedEvent event) {
        UUID member = event.memberId().value();
        jdbc.update("update circle_goal set text = null where member_id = ?", member);
        jdbc.update("update circle_session set note = null where logged_by = ?", member);
        jdbc.update("delete from circle_seeker where member_id = ?", member);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate circle_view, circle_member, circle_session, circle_goal, circle_seeker");
    }

    private boolean advance(CircleId circleId, long sequence) {
        return jdbc.update("update circle_view set version = ? where circle_id = ? and version < ?", sequence,
                circleId.value(), sequence) == 1;
    }

    private static java.sql.Timestamp ts(Instant at) {
        return java.sql.Timestamp.from(at);
    }

    private static String[] array(List<String> codes) {
        return codes.toArray(String[]::new);
    }
}
