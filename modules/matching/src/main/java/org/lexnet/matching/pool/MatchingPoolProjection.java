package org.lexnet.matching.pool;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.member.AreaConsent;
import org.lexnet.coreapi.member.MemberEvents.LivedExperienceRecordedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberBlockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberUnblockedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReleasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MentoringSlotReservedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationPausedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationResumedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.member.Visibility;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipEndedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipWithdrawnEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.MentorshipId;
import org.lexnet.coreapi.safety.SafetyEvents.BandwidthSetEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberReinstatedEvent;
import org.lexnet.coreapi.safety.SafetyEvents.MemberSuspendedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The matching pool: members as the matcher sees them (stage, location, sectors, strengths, offer,
 * free slots, areas allowed for matching) and the requests waiting for a mentor. Replay-safe: each
 * row carries the sequence number of its aggregate's last applied event.
 */
@Component
@ProcessingGroup(MatchingPoolProjection.PROCESSING_GROUP)
class MatchingPoolProjection {

    static final String PROCESSING_GROUP = "matching-pool";
    /** Changes kept for nodes catching up; a node further behind loads the whole pool again. */
    static final int CHANGES_KEPT = 50_000;

    private final JdbcTemplate jdbc;

    MatchingPoolProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- members

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence) {
        jdbc.update("insert into matching_member (member_id, display_name, version) values (?, ?, ?) "
                    + "on conflict do nothing", event.memberId().value(), event.displayName(), sequence);
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence) {
        // a profile reads as null once its member was erased; their erasure follows
        if (advance(event.memberId(), sequence) && event.profile() != null) {
            var p = event.profile();
            jdbc.update("update matching_member set stage = ?, region = ?, remote = ?, sectors = ?, strengths = ?, "
                        + "visible = ?, display_name = ? where member_id = ?", p.stage(), p.region(), p.remote(),
                    array(p.sectors()), array(p.strengths()), p.visibleInNetwork(), p.displayName(),
                    event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(LivedExperienceRecordedEvent event, @SequenceNumber long sequence) {
        if (!advance(event.memberId(), sequence)) {
            return;
        }
        jdbc.update("delete from matching_area where member_id = ?", event.memberId().value());
        List<AreaConsent> usable = event.areas().stream().filter(a -> a.visibility().allows(Visibility.MATCHING))
                .toList();
        jdbc.batchUpdate("insert into matching_area (member_id, code, visibility) values (?, ?, ?)", usable,
                usable.size(), (ps, area) -> {
                    ps.setObject(1, event.memberId().value());
                    ps.setString(2, area.code());
                    ps.setString(3, area.visibility().name());
                });
        changed(event.memberId().value());
    }

    @EventHandler
    void on(ParticipationPausedEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set paused = true where member_id = ?", event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(ParticipationResumedEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set paused = false where member_id = ?", event.memberId().value());
            changed(event.memberId().value());
        }
    }

    /** A suspended member is out of the pool, as mentor and as mentee, the way a paused one is. */
    @EventHandler
    void on(MemberSuspendedEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set suspended = true where member_id = ?", event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(MemberReinstatedEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set suspended = false where member_id = ?", event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(MentorOfferSetEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence) && event.offer() != null) {
            jdbc.update("update matching_member set offer_open = ?, capacity = ?, offer_stages = ? where member_id = ?",
                    event.offer().open(), event.offer().capacity(), array(event.offer().stages()),
                    event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(MentorOfferWithdrawnEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set offer_open = null, capacity = null, offer_stages = '{}' "
                        + "where member_id = ?", event.memberId().value());
            changed(event.memberId().value());
        }
    }

    @EventHandler
    void on(MentoringSlotReservedEvent event, @SequenceNumber long sequence) {
        if (advance(event.mentorId(), sequence)) {
            jdbc.update("update matching_member set slots_held = ? where member_id = ?", event.slotsHeld(),
                    event.mentorId().value());
            changed(event.mentorId().value());
        }
    }

    @EventHandler
    void on(MentoringSlotReleasedEvent event, @SequenceNumber long sequence) {
        if (advance(event.mentorId(), sequence)) {
            jdbc.update("update matching_member set slots_held = ? where member_id = ?", event.slotsHeld(),
                    event.mentorId().value());
            changed(event.mentorId().value());
        }
    }

    // ---- requests

    @EventHandler
    void on(MentorshipRequestedEvent event, @SequenceNumber long sequence, @Timestamp Instant at) {
        var p = event.preferences();
        jdbc.update("""
                insert into matching_request (mentorship_id, mentee_id, status, needs, shared_experience, cross_sector,
                  remote_only, requested_at, version)
                values (?, ?, 'REQUESTED', ?, ?, ?, ?, ?, ?) on conflict do nothing""",
                event.mentorshipId().value(), event.menteeId().value(), array(event.needs()),
                p.sharedExperience().name(), p.crossSector(), p.remoteOnly(), java.sql.Timestamp.from(at), sequence);
    }

    @EventHandler
    void on(MentorProposedEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        received(message, event.mentorId());
        jdbc.update("insert into matching_answer (proposal_id, mentorship_id, mentor_id, proposed_at) "
                    + "values (?, ?, ?, ?) on conflict (proposal_id) do nothing", event.proposalId(),
                event.mentorshipId().value(), event.mentorId().value(), java.sql.Timestamp.from(message.getTimestamp()));
        request(event.mentorshipId(), sequence, "PROPOSED", event.mentorId());
    }

    /** A connection request counts against the addressee's bandwidth, as a proposal does. */
    @EventHandler
    void on(ConnectionRequestedEvent event, EventMessage<?> message) {
        received(message, event.addresseeId());
        Boolean limited = jdbc.query("select bandwidth_max is not null from matching_member where member_id = ?",
                rs -> rs.next() ? rs.getBoolean(1) : null, event.addresseeId().value());
        if (Boolean.TRUE.equals(limited)) {
            changed(event.addresseeId().value());
        }
    }

    @EventHandler
    void on(BandwidthSetEvent event, @SequenceNumber long sequence) {
        if (advance(event.memberId(), sequence)) {
            jdbc.update("update matching_member set bandwidth_max = ?, quiet_until = ? where member_id = ?",
                    event.maxNewPerMonth(), event.quietUntil(), event.memberId().value());
            changed(event.memberId().value());
        }
    }

    /**
     * Lists every mentor whose bandwidth opened or closed with the passing of time (a quiet date reached,
     * a new month) since it was last looked at, so that every node's warm index reads them again.
     */
    int bandwidthsChangedByTime() {
        List<UUID> changedMembers = jdbc.queryForList("""
                update matching_member m set bandwidth_closed = not x.open
                from (select member_id,
                        (quiet_until is null or (now() at time zone 'utc')::date >= quiet_until)
                        and (bandwidth_max is null or bandwidth_max > (select count(*) from matching_received r
                             where r.member_id = mm.member_id
                               and r.received_at >= date_trunc('month', now() at time zone 'utc') at time zone 'utc'))
                        as open
                      from matching_member mm
                      where mm.bandwidth_max is not null or mm.quiet_until is not null or mm.bandwidth_closed) x
                where m.member_id = x.member_id and m.bandwidth_closed = x.open
                returning m.member_id""", UUID.class);
        changedMembers.forEach(this::changed);
        return changedMembers.size();
    }

    private void received(EventMessage<?> message, MemberId member) {
        jdbc.update("insert into matching_received (event_id, member_id, received_at) values (?, ?, ?) "
                    + "on conflict (event_id) do nothing", message.getIdentifier(), member.value(),
                java.sql.Timestamp.from(message.getTimestamp()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        request(event.mentorshipId(), sequence, "ACTIVE", null);
        answered(event.proposalId(), event.mentorId(), message, false);
    }

    @EventHandler
    void on(ProposalDeclinedEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        answered(event.proposalId(), event.mentorId(), message, false);
        if (request(event.mentorshipId(), sequence, "REQUESTED", null)) {
            jdbc.update("insert into matching_declined (mentee_id, mentor_id) values (?, ?) on conflict do nothing",
                    event.menteeId().value(), event.mentorId().value());
        }
    }

    @EventHandler
    void on(ProposalExpiredEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        request(event.mentorshipId(), sequence, "REQUESTED", null);
        answered(event.proposalId(), event.mentorId(), message, true);
    }

    /** A proposal withdrawn while it waited says nothing about how its mentor answers. */
    @EventHandler
    void on(MentorshipWithdrawnEvent event, @SequenceNumber long sequence) {
        request(event.mentorshipId(), sequence, "WITHDRAWN", null);
        List<UUID> mentors = jdbc.queryForList("delete from matching_answer where mentorship_id = ? "
                + "and answered_at is null and not expired returning mentor_id", UUID.class,
                event.mentorshipId().value());
        mentors.forEach(this::recountAnswers);
    }

    /**
     * How the mentor answered this proposal (or let it expire), then their answering habits again from
     * all their proposals: the count answered, the median time and the count expired.
     */
    private void answered(String proposalId, MemberId mentor, EventMessage<?> message, boolean expired) {
        int changedRows = jdbc.update("update matching_answer set answered_at = ?, expired = ? "
                        + "where proposal_id = ? and answered_at is null and not expired",
                expired ? null : java.sql.Timestamp.from(message.getTimestamp()), expired, proposalId);
        if (changedRows == 1) {
            recountAnswers(mentor.value());
            changed(mentor.value());
        }
    }

    private void recountAnswers(UUID mentor) {
        jdbc.update("""
                update matching_member m set answered = s.answered, expired = s.expired, median_answer_seconds = s.median
                from (select count(*) filter (where answered_at is not null) as answered,
                             count(*) filter (where expired) as expired,
                             (percentile_cont(0.5) within group (order by extract(epoch from answered_at - proposed_at))
                                 filter (where answered_at is not null))::bigint as median
                      from matching_answer where mentor_id = ?) s
                where m.member_id = ?""", mentor, mentor);
    }

    @EventHandler
    void on(MentorshipCompletedEvent event, @SequenceNumber long sequence) {
        request(event.mentorshipId(), sequence, "COMPLETED", null);
    }

    @EventHandler
    void on(MentorshipEndedEvent event, @SequenceNumber long sequence) {
        request(event.mentorshipId(), sequence, "ENDED", null);
    }

    @EventHandler
    void on(MemberBlockedEvent event) {
        jdbc.update("insert into matching_block (blocker_id, blocked_id) values (?, ?) on conflict do nothing",
                event.memberId().value(), event.blockedId().value());
    }

    @EventHandler
    void on(MemberUnblockedEvent event) {
        jdbc.update("delete from matching_block where blocker_id = ? and blocked_id = ?", event.memberId().value(),
                event.blockedId().value());
    }

    /** The member left: they are never proposed again, and nothing of them stays in the pool. */
    @EventHandler
    void on(MemberErasedEvent event) {
        UUID member = event.memberId().value();
        jdbc.update("delete from matching_area where member_id = ?", member);
        jdbc.update("delete from matching_declined where mentee_id = ? or mentor_id = ?", member, member);
        jdbc.update("delete from matching_block where blocker_id = ? or blocked_id = ?", member, member);
        jdbc.update("delete from matching_member where member_id = ?", member);
        jdbc.update("delete from matching_received where member_id = ?", member);
        jdbc.update("delete from matching_answer where mentor_id = ?", member);
        changed(member);
    }

    @ResetHandler
    void reset() {
        jdbc.execute("truncate matching_area, matching_member, matching_request, matching_declined, matching_block, "
                     + "matching_pool_change, matching_pool_clock, matching_received, matching_answer");
        jdbc.update("insert into matching_pool_clock (epoch, seq) values (gen_random_uuid(), 0)");
    }

    /** A mentor's proposals waiting for an answer count against their free slots: both mentors changed. */
    private boolean request(MentorshipId id, long sequence, String status, MemberId proposedMentor) {
        UUID before = jdbc.query("select proposed_mentor_id from matching_request where mentorship_id = ?",
                rs -> rs.next() ? rs.getObject(1, UUID.class) : null, id.value());
        UUID after = proposedMentor == null ? null : proposedMentor.value();
        boolean applied = jdbc.update("update matching_request set status = ?, proposed_mentor_id = ?, version = ? "
                                      + "where mentorship_id = ? and version < ?", status, after, sequence, id.value(),
                sequence) == 1;
        if (applied && before != null) {
            changed(before);
        }
        if (applied && after != null && !after.equals(before)) {
            changed(after);
        }
        return applied;
    }

    /**
     * Lists the member in the pool's change log, numbered from the clock row, which this transaction then
     * holds until it commits (see V18__matching_pool_changes.sql); now and then forgets old changes.
     */
    private void changed(UUID member) {
        long seq = jdbc.queryForObject("""
                with bumped as (update matching_pool_clock set seq = seq + 1 returning seq)
                insert into matching_pool_change (seq, member_id) select seq, ? from bumped returning seq""",
                Long.class, member);
        if (seq % 1000 == 0) {
            jdbc.update("delete from matching_pool_change where seq <= ?", seq - CHANGES_KEPT);
        }
    }

    private boolean advance(MemberId memberId, long sequence) {
        return jdbc.update("update matching_member set version = ? where member_id = ? and version < ?", sequence,
                memberId.value(), sequence) == 1;
    }

    private static String[] array(List<String> codes) {
        return codes.toArray(String[]::new);
    }
}
