package org.lexnet.query.mentorship;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReleasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReservedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * How loaded each mentor is (table {@code mentor_load}): the capacity of their offer and how many of
 * its slots pairings hold, from the mentor's own Member stream, where the slots are counted.
 *
 * <p>Replay-safe: these events belong to the Member stream, so the row keeps its own {@code version}
 * (the sequence number of the member's last applied event) and an upsert changes the row only when the
 * event is newer. A member whose offer was withdrawn keeps their row (capacity null): deleting it would
 * forget the version, and a redelivered older event would bring back a stale row.
 */
@Component
@ProcessingGroup(MentorLoadProjection.PROCESSING_GROUP)
class MentorLoadProjection {

    static final String PROCESSING_GROUP = "mentor-load";

    private final JdbcTemplate jdbc;

    MentorLoadProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An offer of a member erased since reads as null (their key is gone; a rebuild meets it before the
     * erasure): the row moves on to this event and keeps what it had, and the erasure that follows
     * clears the capacity.
     */
    @EventHandler
    void on(MentorOfferSetEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (event.offer() == null) {
            jdbc.update("""
                    insert into mentor_load (mentor_id, capacity, slots_held, version, updated_at) values (?, null, 0, ?, ?)
                    on conflict (mentor_id) do update set version = excluded.version, updated_at = excluded.updated_at
                    where mentor_load.version < excluded.version""",
                    event.memberId().value(), sequence, ts(at));
            return;
        }
        jdbc.update("""
                insert into mentor_load (mentor_id, capacity, slots_held, version, updated_at) values (?, ?, 0, ?, ?)
                on conflict (mentor_id) do update set capacity = excluded.capacity, version = excluded.version,
                  updated_at = excluded.updated_at
                where mentor_load.version < excluded.version""",
                event.memberId().value(), event.offer().capacity(), sequence, ts(at));
    }

    @EventHandler
    void on(MentorOfferWithdrawnEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into mentor_load (mentor_id, capacity, slots_held, version, updated_at) values (?, null, 0, ?, ?)
                on conflict (mentor_id) do update set capacity = null, version = excluded.version,
                  updated_at = excluded.updated_at
                where mentor_load.version < excluded.version""",
                event.memberId().value(), sequence, ts(at));
    }

    /**
     * The event carries the count after the reservation. The capacity stays the offer's (the offer event
     * comes first on the same stream); the event's copy only fills a row that does not exist yet.
     */
    @EventHandler
    void on(MentoringSlotReservedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into mentor_load (mentor_id, capacity, slots_held, version, updated_at) values (?, ?, ?, ?, ?)
                on conflict (mentor_id) do update set slots_held = excluded.slots_held, version = excluded.version,
                  updated_at = excluded.updated_at
                where mentor_load.version < excluded.version""",
                event.mentorId().value(), event.capacity(), event.slotsHeld(), sequence, ts(at));
    }

    @EventHandler
    void on(MentoringSlotReleasedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into mentor_load (mentor_id, capacity, slots_held, version, updated_at)
                values (?, null, ?, ?, ?)
                on conflict (mentor_id) do update set slots_held = excluded.slots_held, version = excluded.version,
                  updated_at = excluded.updated_at
                where mentor_load.version < excluded.version""",
                event.mentorId().value(), event.slotsHeld(), sequence, ts(at));
    }

    /**
     * A member who left offers nothing any more: their offer's capacity goes (the erasure already freed
     * every slot they held, on the same stream, before this event).
     */
    @EventHandler
    void on(MemberErasedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                update mentor_load set capacity = null, version = ?, updated_at = ?
                where mentor_id = ? and version < ?""",
                sequence, ts(at), event.memberId().value(), sequence);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate mentor_load");
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }
}
