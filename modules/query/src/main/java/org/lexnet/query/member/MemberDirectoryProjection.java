package org.lexnet.query.member;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationPausedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationResumedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.MemberProfile;
import org.lexnet.coreapi.member.MentorOffer;
import org.lexnet.coreapi.safety.SafetyEvents.BandwidthSetEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The member directory read model: profiles, lived-experience areas with their consent, and mentor
 * offers (tables {@code member_profile}, {@code member_area}, {@code mentor_offer}).
 *
 * <p>Replay-safe: every event of a member first advances {@code member_profile.version} to the
 * event's sequence number, and changes the tables only if that advanced it; an event seen twice
 * changes nothing the second time.
 */
@Component
@ProcessingGroup(MemberDirectoryProjection.PROCESSING_GROUP)
class MemberDirectoryProjection {

    static final String PROCESSING_GROUP = "member-directory";

    private final JdbcTemplate jdbc;

    MemberDirectoryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        jdbc.update("""
                insert into member_profile (member_id, display_name, registered_at, updated_at, version)
                values (?, ?, ?, ?, ?) on conflict (member_id) do nothing""",
                event.memberId().value(), event.displayName(), ts(at), ts(at), sequence);
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.memberId(), sequence, at)) {
            return;
        }
        MemberProfile p = event.profile();
        if (p == null) {
            return; // the member was erased since: the profile is unreadable, and their erasure follows
        }
        jdbc.update("""
                update member_profile set display_name = ?, region = ?, remote = ?, stage = ?, management_years = ?,
                  roles = ?, sectors = ?, needs = ?, strengths = ?, learning_preferences = ?, visible_in_network = ?
                where member_id = ?""",
                p.displayName(), p.region(), p.remote(), p.stage(), p.managementYears(), array(p.roles()),
                array(p.sectors()), array(p.needs()), array(p.strengths()), array(p.learningPreferences()),
                p.visibleInNetwork(), event.memberId().value());
    }

    @EventHandler
    void on(LivedExperienceRecordedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.memberId(), sequence, at)) {
            return;
        }
        jdbc.update("delete from member_area where member_id = ?", event.memberId().value());
        List<AreaConsent> areas = event.areas();
        jdbc.batchUpdate("insert into member_area (member_id, code, visibility) values (?, ?, ?)", areas, areas.size(),
                (ps, area) -> {
                    ps.setObject(1, event.memberId().value());
                    ps.setString(2, area.code());
                    ps.setString(3, area.visibility().name());
                });
    }

    @EventHandler
    void on(ParticipationPausedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.memberId(), sequence, at)) {
            jdbc.update("update member_profile set paused = true where member_id = ?", event.memberId().value());
        }
    }

    @EventHandler
    void on(BandwidthSetEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.memberId(), sequence, at)) {
            jdbc.update("update member_profile set bandwidth_max = ?, quiet_until = ? where member_id = ?",
                    event.maxNewPerMonth(), event.quietUntil(), event.memberId().value());
        }
    }

    @EventHandler
    void on(ParticipationResumedEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.memberId(), sequence, at)) {
            jdbc.update("update member_profile set paused = false where member_id = ?", event.memberId().value());
        }
    }

    @EventHandler
    void on(MentorOfferSetEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (!advance(event.memberId(), sequence, at)) {
            return;
        }
        MentorOffer o = event.offer();
        if (o == null) {
            return; // erased since, as above
        }
        jdbc.update("""
                insert into mentor_offer (member_id, capacity, stages, areas, strengths, open, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (member_id) do update set capacity = excluded.capacity, stages = excluded.stages,
                  areas = excluded.areas, strengths = excluded.strengths, open = excluded.open,
                  updated_at = excluded.updated_at""",
                event.memberId().value(), o.capacity(), array(o.stages()), array(o.areas()), array(o.strengths()),
                o.open(), ts(at));
    }

    @EventHandler
    void on(MentorOfferWithdrawnEvent event, @SequenceNumber long sequence,
            @org.axonframework.eventhandling.Timestamp Instant at) {
        if (advance(event.memberId(), sequence, at)) {
            jdbc.update("delete from mentor_offer where member_id = ?", event.memberId().value());
        }
    }

    /** The member left: nothing of them stays in the directory but the fact that they were a member. */
    @EventHandler
    void on(MemberErasedEvent event, @org.axonframework.eventhandling.Timestamp Instant at) {
        UUID member = event.memberId().value();
        jdbc.update("delete from member_area where member_id = ?", member);
        jdbc.update("delete from mentor_offer where member_id = ?", member);
        jdbc.update("delete from member_profile where member_id = ?", member);
        jdbc.update("insert into erased_member (member_id, erased_at) values (?, ?) on conflict do nothing", member,
                ts(at));
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate member_area, mentor_offer, member_profile, erased_member");
    }

    /** Moves the member's version to this event; false if the event was already applied. */
    private boolean advance(MemberId memberId, long sequence, Instant at) {
        return jdbc.update("update member_profile set version = ?, updated_at = ? where member_id = ? and version < ?",
                sequence, ts(at), memberId.value(), sequence) == 1;
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    private static String[] array(List<String> codes) {
        return codes.toArray(String[]::new);
    }
}
