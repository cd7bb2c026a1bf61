package org.lexnet.app.axon;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Where each streaming processor stands in the event stream, on every node together: read from
 * {@code token_entry} (which all nodes share) without claiming anything, unlike the token store's own
 * {@code fetchToken}. A processor's position is that of its slowest segment; a segment that has not
 * stored a token yet stands before the first event.
 */
@Component
public class TokenPositions {

    /** Before the first event of the stream (global indexes start at 1). */
    public static final long BEFORE_FIRST_EVENT = 0;

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    TokenPositions(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** The global index up to which every segment of each processor has handled the stream. */
    public Map<String, Long> slowestSegmentByProcessor() {
        Map<String, Long> positions = new HashMap<>();
        jdbc.query("select processor_name, token, token_type from token_entry", rs -> {
            long position = positionOf(rs.getBytes(2), rs.getString(3));
            positions.merge(rs.getString(1), position, Math::min);
        });
        return positions;
    }

    /** The index of the newest event in the store, or {@link #BEFORE_FIRST_EVENT} when it is empty. */
    public long head() {
        Long head = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class);
        return head == null ? BEFORE_FIRST_EVENT : head;
    }

    private long positionOf(byte[] token, String type) {
        if (token == null || type == null) {
            return BEFORE_FIRST_EVENT;
        }
        TrackingToken tracking = serializer.deserialize(
                new SimpleSerializedObject<>(token, byte[].class, new SimpleSerializedType(type, null)));
        OptionalLong position = tracking == null ? OptionalLong.empty() : tracking.position();
        return position.orElse(BEFORE_FIRST_EVENT);
    }
}
