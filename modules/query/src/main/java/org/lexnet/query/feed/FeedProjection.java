package org.lexnet.query.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionAcceptedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionDeclinedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionWithdrawnEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberErasedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberProfileUpdatedEvent;
import org.lexnet.coreapi.member.MemberEvents.MemberRegisteredEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferSetEvent;
import org.lexnet.coreapi.member.MemberEvents.MentorOfferWithdrawnEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipCompletedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalAcceptedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalDeclinedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.ProposalExpiredEvent;
import org.lexnet.coreapi.mentorship.ParticipantRole;
import org.lexnet.query.feed.FeedPayload.ConnectionMade;
import org.lexnet.query.feed.FeedPayload.ConnectionNotice;
import org.lexnet.query.feed.FeedPayload.OfferOpened;
import org.lexnet.query.feed.FeedPayload.ProposalLapsed;
import org.lexnet.query.feed.FeedPayload.ProposalNotice;
import org.lexnet.query.feed.FeedPayload.ProposalToAnswer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * Writes the feed ({@code feed_entry}) from events: private notifications for the member concerned
 * and public network activity, with ids and codes only (names are looked up when an entry is shown,
 * by {@link FeedEntries}). Also keeps {@code feed_member}: what the feed needs to know about members
 * (name, visibility, stage, open offer) as of this point in the stream. One segment, so that a member's
 * change is applied before any later event of another aggregate that depends on it (a connection
 * accepted after one side hid).
 *
 * <p>Replay-safe: an entry is keyed on (event id, part) and inserted at most once; {@code feed_member}
 * moves only forward in each member's stream. A replay rebuilds {@code feed_member} but keeps every
 * entry, so clients' cursors stay valid.
 *
 * <p>Cursor order is commit order: every transaction that writes entries first takes one
 * transaction-scoped advisory lock, so a cursor is drawn only after every smaller one was committed
 * (or rolled back). Live delivery ({@link FeedRelay}) relies on it.
 */
@Component
@ProcessingGroup(FeedProjection.PROCESSING_GROUP)
class FeedProjection {

    static final String PROCESSING_GROUP = "feed";
    /** The PostgreSQL channel the writer notifies after new entries (on commit). */
    static final String NOTIFY_CHANNEL = "lexnet_feed";

    private static final String CURSOR_LOCK = "lexnet-feed-cursor";
    private static final String PAIRINGS_STARTED = "PAIRINGS_STARTED";
    private static final String PAIRINGS_COMPLETED = "PAIRINGS_COMPLETED";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    FeedProjection(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    // --- what the feed knows about members

    @EventHandler
    void on(MemberRegisteredEvent event, @SequenceNumber long sequence) {
        jdbc.update("insert into feed_member (member_id, display_name, version) values (?, ?, ?) "
                        + "on conflict (member_id) do nothing",
                event.memberId().value(), event.displayName(), sequence);
    }

    @EventHandler
    void on(MemberProfileUpdatedEvent event, @SequenceNumber long sequence) {
        if (event.profile() == null) {
            return; // the member was erased since; their erasure follows
        }
        jdbc.update("update feed_member set display_name = ?, stage = ?, visible_in_network = ?, version = ? "
                        + "where member_id = ? and version < ?",
                event.profile().displayName(), event.profile().stage(), event.profile().visibleInNetwork(), sequence,
                event.memberId().value(), sequence);
    }

    /** Only an offer that opens (none, withdrawn or closed before) is news; changes to an open one are not. */
    @EventHandler
    void on(MentorOfferSetEvent event, @SequenceNumber long sequence, EventMessage<?> message) {
        List<Map<String, Object>> before = jdbc.queryForList(
                "select stage, offer_open from feed_member where member_id = ? and version < ?",
                event.memberId().value(), sequence);
        if (before.isEmpty() || event.offer() == null) {
            return;
        }
        boolean opens = event.offer().open() && !Boolean.TRUE.equals(before.get(0).get("offer_open"));
        jdbc.update("update feed_member set offer_open = ?, version = ? where member_id = ?",
                event.offer().open(), sequence, event.memberId().value());
        if (opens) {
            publicEntry(message, 0, FeedKind.MENTOR_OFFER_OPENED,
                    new OfferOpened<>((String) before.get(0).get("stage")));
        }
    }

    @EventHandler
    void on(MentorOfferWithdrawnEvent event, @SequenceNumber long sequence) {
        jdbc.update("update feed_member set offer_open = false, version = ? where member_id = ? and version < ?",
                sequence, event.memberId().value(), sequence);
    }

    // --- connections

    @EventHandler
    void on(ConnectionRequestedEvent event, EventMessage<?> message) {
        // the message stays in the connection's own read model: the feed carries ids and codes only
        privateEntry(message, 0, event.addresseeId(), FeedKind.CONNECTION_REQUESTED,
                new ConnectionNotice<>(event.requesterId(), event.connectionId()));
    }

    @EventHandler
    void on(ConnectionAcceptedEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.requesterId(), FeedKind.CONNECTION_ACCEPTED,
                new ConnectionNotice<>(event.addresseeId(), event.connectionId()));
        if (bothVisible(event.requesterId(), event.addresseeId())) {
            publicEntry(message, 1, FeedKind.CONNECTION_MADE,
                    new ConnectionMade<>(List.of(event.requesterId(), event.addresseeId())));
        }
    }

    @EventHandler
    void on(ConnectionDeclinedEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.requesterId(), FeedKind.CONNECTION_DECLINED,
                new ConnectionNotice<>(event.addresseeId(), event.connectionId()));
    }

    @EventHandler
    void on(ConnectionWithdrawnEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.addresseeId(), FeedKind.CONNECTION_WITHDRAWN,
                new ConnectionNotice<>(event.requesterId(), event.connectionId()));
    }

    // A removal (by either side, or by a block) makes no entry at all: a blocked member must not be
    // told, and a removal notice would tell exactly that whenever a block caused it.

    // --- pairings

    @EventHandler
    void on(MentorProposedEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.menteeId(), FeedKind.MENTOR_PROPOSED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
        privateEntry(message, 1, event.mentorId(), FeedKind.PROPOSAL_RECEIVED,
                new ProposalToAnswer<>(event.menteeId(), event.expiresAt(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(ProposalAcceptedEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_ACCEPTED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
        count(message, 1, FeedKind.PAIRING_STARTED, PAIRINGS_STARTED);
    }

    /** The mentor's reason is for admins only: it never reaches the feed. */
    @EventHandler
    void on(ProposalDeclinedEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_DECLINED,
                new ProposalNotice<>(event.mentorId(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(ProposalExpiredEvent event, EventMessage<?> message) {
        privateEntry(message, 0, event.menteeId(), FeedKind.PROPOSAL_EXPIRED, new ProposalLapsed<>(
                ParticipantRole.MENTEE, event.mentorId(), event.proposalId(), event.mentorshipId()));
        privateEntry(message, 1, event.mentorId(), FeedKind.PROPOSAL_EXPIRED, new ProposalLapsed<>(
                ParticipantRole.MENTOR, event.menteeId(), event.proposalId(), event.mentorshipId()));
    }

    @EventHandler
    void on(MentorshipCompletedEvent event, EventMessage<?> message) {
        count(message, 0, FeedKind.PAIRING_COMPLETED, PAIRINGS_COMPLETED);
    }

    /** A member left: the feed forgets their name; entries naming them show nobody from now on. */
    @EventHandler
    void on(MemberErasedEvent event) {
        jdbc.update("update feed_member set display_name = null, visible_in_network = false where member_id = ?",
                event.memberId().value());
    }

    /** Entries are history that clients hold cursors into: a replay keeps them and rebuilds the rest. */
    @ResetHandler
    void reset() {
        jdbc.execute("truncate feed_member");
    }

    // --- writing entries

    private boolean bothVisible(MemberId one, MemberId other) {
        Integer visible = jdbc.queryForObject(
                "select count(*) from feed_member where member_id in (?, ?) and visible_in_network",
                Integer.class, one.value(), other.value());
        return visible != null && visible == 2;
    }

    /** A public count entry with the running total; the total moves only if the entry is new. */
    private void count(EventMessage<?> message, int part, FeedKind kind, String counter) {
        lockCursor();
        Long current = jdbc.query("select total from feed_counter where name = ?",
                rs -> rs.next() ? rs.getLong(1) : 0L, counter);
        long total = (current == null ? 0 : current) + 1;
        if (publicEntry(message, part, kind, new FeedPayload.Count<>(total))) {
            jdbc.update("insert into feed_counter (name, total) values (?, ?) "
                    + "on conflict (name) do update set total = excluded.total", counter, total);
        }
    }

    private boolean publicEntry(EventMessage<?> message, int part, FeedKind kind, FeedPayload<MemberId> payload) {
        return insert(message, part, null, kind, payload);
    }

    private void privateEntry(EventMessage<?> message, int part, MemberId recipient, FeedKind kind,
                              FeedPayload<MemberId> payload) {
        insert(message, part, recipient, kind, payload);
    }

    private boolean insert(EventMessage<?> message, int part, MemberId recipient, FeedKind kind,
                           FeedPayload<MemberId> payload) {
        lockCursor();
        int inserted = jdbc.update("""
                        insert into feed_entry (event_id, part, recipient, kind, payload, occurred_at)
                        values (?, ?, ?, ?, ?::jsonb, ?) on conflict (event_id, part) do nothing""",
                message.getIdentifier(), part, recipient == null ? null : recipient.value(), kind.name(),
                toJson(payload), Timestamp.from(message.getTimestamp()));
        if (inserted == 1) {
            // delivered at commit, to every node that listens; one per transaction however many entries
            jdbc.query("select pg_notify(?, '')", rs -> {
            }, NOTIFY_CHANNEL);
        }
        return inserted == 1;
    }

    /** Re-entrant within the transaction; released at commit or rollback. */
    private void lockCursor() {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, CURSOR_LOCK);
    }

    private String toJson(FeedPayload<MemberId> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("feed payload is not serialisable", e);
        }
    }
}
