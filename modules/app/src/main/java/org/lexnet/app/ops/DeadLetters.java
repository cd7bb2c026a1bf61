package org.lexnet.app.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.lexnet.coreapi.rules.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's view of events that a projection could not handle and parked in its processing
 * group's dead-letter queue: what and why (never the event's content: it may hold personal data), and
 * two ways out. A <em>retry</em> handles the letter's sequence again from its first letter, in order
 * (after a fix, say); a letter that fails again stays, with one more failure counted. An
 * <em>eviction</em> drops the letter for good: the read model then lacks that one change, and the log
 * says who decided so.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    private static final int MAX_LISTED = 200;

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;

    DeadLetters(EventProcessingConfiguration processing, JdbcTemplate jdbc, TransactionTemplate transaction,
                         ObjectMapper json) {
        this.processing = processing;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Every letter, or one processor's. A name that is no processor with a queue is a 404, as for a
     * retry, and never reaches the query: PostgreSQL refuses text with a NUL in it.
     */
    Page list(String processor) {
        if (processor != null && processing.deadLetterQueue(processor).isEmpty()) {
            throw new NotFoundException("no such event processor with a dead-letter queue");
        }
        List<Letter> letters = jdbc.query("""
                        select dead_letter_identifier, processing_group, sequence_identifier, sequence_index,
                               event_identifier, payload_type, aggregate_type, aggregate_identifier, sequence_number,
                               enqueued_at, last_touched, cause_type, cause_message, diagnostics
                        from dead_letter_entry where (?::text is null or processing_group = ?)
                        order by processing_group, sequence_identifier, sequence_index limit ?""",
                (rs, n) -> letter(rs), processor, processor, MAX_LISTED);
        Long total = jdbc.queryForObject(
                "select count(*) from dead_letter_entry where (?::text is null or processing_group = ?)", Long.class,
                processor, processor);
        return new Page(total == null ? 0 : total, letters);
    }

    /** Handles the letter's sequence again, from its first letter; says what is left of it. */
    RetryResult retry(String id) {
        Located letter = locate(id);
        SequencedDeadLetterProcessor<EventMessage<?>> processor = processing
                .sequencedDeadLetterProcessor(letter.processor())
                .orElseThrow(() -> new NotFoundException("no such dead letter"));
        boolean handled = processor.process(first -> letter.sequence().equals(sequenceOf(first)));
        long remaining = remaining(letter.processor(), letter.sequence());
        log.info("An admin retried the dead-letter sequence of {} in {}: {}", id, letter.processor(),
                handled ? "handled" : remaining + " letter(s) left");
        return new RetryResult(letter.processor(), handled && remaining == 0, remaining);
    }

    /** Retries every sequence of one processor's queue once. */
    RetryAllResult retryAll(String processor) {
        SequencedDeadLetterProcessor<EventMessage<?>> letters = processing.sequencedDeadLetterProcessor(processor)
                .orElseThrow(() -> new NotFoundException("no such event processor with a dead-letter queue"));
        List<String> sequences = jdbc.queryForList(
                "select distinct sequence_identifier from dead_letter_entry where processing_group = ?",
                String.class, processor);
        int handled = 0;
        for (String sequence : sequences) {
            if (letters.process(first -> sequence.equals(sequenceOf(first)))) {
                handled++;
            }
        }
        long remaining = remaining(processor, null);
        log.info("An admin retried {} dead-letter sequence(s) in {}: {} handled, {} letter(s) left", sequences.size(),
                processor, handled, remaining);
        return new RetryAllResult(processor, sequences.size(), handled, remaining);
    }

    /** Drops one letter for good. */
    void evict(String id) {
        Located letter = locate(id);
        SequencedDeadLetterQueue<EventMessage<?>> queue = processing.deadLetterQueue(letter.processor())
                .orElseThrow(() -> new NotFoundException("no such dead letter"));
        boolean evicted = Boolean.TRUE.equals(transaction.execute(tx -> {
            for (DeadLetter<? extends EventMessage<?>> candidate : queue.deadLetterSequence(letter.sequence())) {
                if (candidate instanceof JdbcDeadLetter<?> jdbcLetter && id.equals(jdbcLetter.getIdentifier())) {
                    queue.evict(candidate);
                    return true;
                }
            }
            return false;
        }));
        if (!evicted) {
            throw new NotFoundException("no such dead letter");
        }
        log.warn("An admin evicted dead letter {} (event {}) from {}: that change will not reach the read model",
                id, letter.eventId(), letter.processor());
    }

    private Located locate(String id) {
        return jdbc.query("""
                        select processing_group, sequence_identifier, event_identifier from dead_letter_entry
                        where dead_letter_identifier = ?""",
                        (rs, n) -> new Located(rs.getString(1), rs.getString(2), rs.getString(3)), id)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no such dead letter"));
    }

    private long remaining(String processor, String sequence) {
        Long n = jdbc.queryForObject("""
                        select count(*) from dead_letter_entry
                        where processing_group = ? and (?::text is null or sequence_identifier = ?)""",
                Long.class, processor, sequence, sequence);
        return n == null ? 0 : n;
    }

    private static String sequenceOf(DeadLetter<? extends EventMessage<?>> letter) {
        return letter instanceof JdbcDeadLetter<?> jdbcLetter ? jdbcLetter.getSequenceIdentifier() : null;
    }

    private Letter letter(ResultSet rs) throws SQLException {
        return new Letter(rs.getString("dead_letter_identifier"), rs.getString("processing_group"),
                rs.getString("sequence_identifier"), rs.getLong("sequence_index"), rs.getString("event_identifier"),
                simpleName(rs.getString("payload_type")), rs.getString("aggregate_type"),
                rs.getString("aggregate_identifier"), (Long) rs.getObject("sequence_number"),
                rs.getString("enqueued_at"), rs.getString("last_touched"),
                new Cause(rs.getString("cause_type"), rs.getString("cause_message")),
                failures(rs.getBytes("diagnostics")));
    }

    private int failures(byte[] diagnostics) {
        if (diagnostics == null) {
            return 1;
        }
        try {
            Map<?, ?> values = json.readValue(diagnostics, Map.class);
            return Optional.ofNullable(values.get("failures")).filter(Number.class::isInstance)
                    .map(n -> ((Number) n).intValue()).orElse(1);
        } catch (IOException unreadable) {
            return 1;
        }
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1).replace('$', '.');
    }

    private record Located(String processor, String sequence, String eventId) {
    }

    record Page(long total, List<Letter> letters) {
    }

    /**
     * One parked event: where it came from and why it failed. {@code sequence} is what orders it (the
     * aggregate); {@code index} its place in that sequence.
     */
    record Letter(String id, String processor, String sequence, long index, String eventId, String eventType,
                  String aggregateType, String aggregateId, Long aggregateSequence, String enqueuedAt,
                  String lastTouched, Cause cause, int failures) {
    }

    record Cause(String type, String message) {
    }

    record RetryResult(String processor, boolean handled, long remainingInSequence) {
    }

    record RetryAllResult(String processor, int sequences, int handled, long remaining) {
    }
}
