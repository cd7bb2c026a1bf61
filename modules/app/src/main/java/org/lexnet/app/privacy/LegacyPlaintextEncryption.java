package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.lexnet.coreapi.privacy.PersonalData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Seals, in place, the personal values of events written before personal data was encrypted, so that
 * erasing a member reaches them too. It rewrites only how a value is stored, never what it says: the
 * same event deserializes to the same record before and after (reading tolerates both forms, so nothing
 * has to wait for this). Runs once, on the first node to start after the upgrade (others skip while it
 * holds the lock), in batches, in the background; when every stored event and dead letter has been
 * looked at, it records that and never runs again. Until then, an erasure does not reach the events not
 * yet sealed: docs/privacy.md says how long that window is and how to close it before going live.
 */
@Component
class LegacyPlaintextEncryption {

    private static final Logger log = LoggerFactory.getLogger(LegacyPlaintextEncryption.class);
    private static final int BATCH = 500;
    private static final String LOCK = "lexnet-legacy-plaintext-sealing";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, List<String>> personalFields = new ConcurrentHashMap<>();

    LegacyPlaintextEncryption(JdbcTemplate jdbc, Serializer serializer, TransactionTemplate transaction, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealInTheBackground() {
        if (done()) {
            return;
        }
        Thread worker = new Thread(() -> {
            try {
                sealAll();
            } catch (RuntimeException e) {
                log.warn("Sealing personal data written before encryption stopped; it resumes at the next start", e);
            }
        }, "legacy-plaintext-sealing");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return how many stored events and dead letters were sealed (0 if another node is at it, or it is done) */
    long sealAll() {
        return transaction.execute(tx -> {
            // a transaction-scoped try-lock would be released after the first batch; the work is idempotent, so
            // the lock only keeps two nodes from doing it twice at once
            Boolean mine = jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtextextended(?, 0))",
                    Boolean.class, LOCK);
            if (!Boolean.TRUE.equals(mine) || done()) {
                return 0L;
            }
            long sealed = sealTable("domain_event_entry", "global_index")
                          + sealTable("dead_letter_entry", "dead_letter_identifier");
            jdbc.update("insert into legacy_plaintext_sealed (id, sealed_at, events) values (1, ?, ?) "
                        + "on conflict (id) do nothing", Timestamp.from(clock.instant()), sealed);
            if (sealed > 0) {
                log.info("Sealed the personal data of {} event(s) written before personal data was encrypted", sealed);
            }
            return sealed;
        });
    }

    private boolean done() {
        Long rows = jdbc.queryForObject("select count(*) from legacy_plaintext_sealed", Long.class);
        return rows != null && rows > 0;
    }

    private long sealTable(String table, String key) {
        long sealed = 0;
        String after = null;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("select " + key + "::text as k, payload_type, "
                    + "payload_revision, payload from " + table + (after == null ? "" : " where " + key + " > ?")
                    + " order by " + key + " limit " + BATCH, after == null ? new Object[0]
                    : new Object[] {table.equals("domain_event_entry") ? (Object) Long.parseLong(after) : after});
            if (rows.isEmpty()) {
                return sealed;
            }
            for (Map<String, Object> row : rows) {
                byte[] payload = (byte[]) row.get("payload");
                String type = (String) row.get("payload_type");
                if (holdsPlaintext(type, payload)) {
                    byte[] resealed = reseal(type, (String) row.get("payload_revision"), payload);
                    Object id = table.equals("domain_event_entry") ? (Object) Long.parseLong((String) row.get("k"))
                            : row.get("k");
                    jdbc.update("update " + table + " set payload = ? where " + key + " = ?", resealed, id);
                    sealed++;
                }
            }
            after = (String) rows.get(rows.size() - 1).get("k");
        }
    }

    private boolean holdsPlaintext(String type, byte[] payload) {
        List<String> fields = personalFields.computeIfAbsent(type, LegacyPlaintextEncryption::personalFieldsOf);
        if (fields.isEmpty()) {
            return false;
        }
        try {
            JsonNode tree = json.readTree(payload);
            return fields.stream().map(tree::get).anyMatch(value -> value != null && !value.isNull()
                    && !(value.isTextual() && PersonalDataCipher.isSealed(value.textValue())));
        } catch (IOException e) {
            throw new UncheckedIOException("an event payload of type " + type + " is not JSON", e);
        }
    }

    /** Read as it is (plaintext is still readable), written as it is now written: sealed. */
    private byte[] reseal(String type, String revision, byte[] payload) {
        Object event = serializer.deserialize(new SimpleSerializedObject<>(payload, byte[].class, type, revision));
        return serializer.serialize(event, byte[].class).getData();
    }

    private static List<String> personalFieldsOf(String type) {
        try {
            Class<?> payload = Class.forName(type);
            if (!payload.isRecord()) {
                return List.of();
            }
            return java.util.Arrays.stream(payload.getRecordComponents())
                    .filter(component -> component.isAnnotationPresent(PersonalData.class))
                    .map(RecordComponent::getName).toList();
        } catch (ClassNotFoundException noLongerExists) {
            return List.of();
        }
    }
}
