package org.lexnet.command.safety;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorProposedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * What each member received, for their bandwidth: every proposal to them as mentor and every connection
 * request to them, with its time. Kept by a <em>subscribing</em> processor in the transaction of the
 * event (never behind), keyed on the event (replay-safe).
 */
@Component
@ProcessingGroup(BandwidthLookups.PROCESSING_GROUP)
class BandwidthLookups {

    static final String PROCESSING_GROUP = "bandwidth-lookups";

    private final JdbcTemplate jdbc;

    BandwidthLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int receivedSince(MemberId member, Instant since) {
        Integer n = jdbc.queryForObject("select count(*) from received_lookup where member_id = ? and received_at >= ?",
                Integer.class, member.value(), Timestamp.from(since));
        return n == null ? 0 : n;
    }

    @EventHandler
    void on(MentorProposedEvent event, EventMessage<?> message) {
        received(message, event.mentorId());
    }

    @EventHandler
    void on(ConnectionRequestedEvent event, EventMessage<?> message) {
        received(message, event.addresseeId());
    }

    private void received(EventMessage<?> message, MemberId member) {
        jdbc.update("insert into received_lookup (event_id, member_id, received_at) values (?, ?, ?) "
                    + "on conflict (event_id) do nothing", message.getIdentifier(), member.value(),
                Timestamp.from(message.getTimestamp()));
    }
}
