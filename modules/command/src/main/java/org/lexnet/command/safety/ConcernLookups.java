package org.lexnet.command.safety;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.safety.SafetyEvents.ConcernRaisedEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * The command-side lookup behind the rate limit on concerns: when each member raised each concern. Kept
 * by a <em>subscribing</em> processor, in the transaction of the event, so it is never behind; the
 * reporter's lock ({@link #lockReporter}) makes two concerns at once on two nodes count one after the
 * other.
 */
@Component
@ProcessingGroup(ConcernLookups.PROCESSING_GROUP)
class ConcernLookups {

    static final String PROCESSING_GROUP = "concern-lookups";

    private final JdbcTemplate jdbc;

    ConcernLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Serialises this reporter's concerns until the transaction ends (an advisory lock). */
    void lockReporter(MemberId reporter) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", rs -> {
        }, "concerns-of:" + reporter);
    }

    int raisedSince(MemberId reporter, Instant since) {
        Integer n = jdbc.queryForObject("select count(*) from concern_lookup where reporter_id = ? and raised_at > ?",
                Integer.class, reporter.value(), java.sql.Timestamp.from(since));
        return n == null ? 0 : n;
    }

    @EventHandler
    void on(ConcernRaisedEvent event, @Timestamp Instant raisedAt) {
        jdbc.update("insert into concern_lookup (concern_id, reporter_id, raised_at) values (?, ?, ?) "
                    + "on conflict (concern_id) do nothing", event.concernId().value(), event.reporterId().value(),
                java.sql.Timestamp.from(raisedAt));
    }
}
