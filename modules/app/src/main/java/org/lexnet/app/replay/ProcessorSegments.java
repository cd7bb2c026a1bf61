package org.lexnet.app.replay;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where each segment of a streaming processor stands, read from {@code token_entry} without claiming
 * anything: whichever node holds a segment, every node sees the same positions. This is how a replay's
 * progress and its end are known across nodes.
 */
@Component
class ProcessorSegments {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;

    ProcessorSegments(JdbcTemplate jdbc, Serializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /**
     * @param owner         the node holding the claim, or null
     * @param claimedAt     when the owner last confirmed its claim
     * @param position      global index of the last event this segment has passed; -1 before the first
     * @param positionAtReset where it stood when a replay reset it, while that replay lasts; -1 otherwise
     */
    record Segment(int segment, String owner, Instant claimedAt, long position, long positionAtReset) {

        /** Whether another node may not take this segment now (its claim is held and not timed out). */
        boolean claimed(Duration claimTimeout, Instant now) {
            return owner != null && claimedAt != null && claimedAt.isAfter(now.minus(claimTimeout));
        }
    }

    List<Segment> of(String processor) {
        return jdbc.query("""
                        select segment, token, token_type, owner, timestamp from token_entry
                        where processor_name = ? order by segment""",
                (rs, n) -> segment(rs.getInt("segment"), rs.getBytes("token"), rs.getString("token_type"),
                        rs.getString("owner"), rs.getString("timestamp")),
                processor);
    }

    private Segment segment(int segment, byte[] serialized, String type, String owner, String timestamp) {
        TrackingToken token = serialized == null || type == null ? null
                : serializer.deserialize(new SimpleSerializedObject<>(serialized, byte[].class, type, null));
        Optional<ReplayToken> replay = token == null ? Optional.empty() : WrappedToken.unwrap(token, ReplayToken.class);
        long position = replay.map(r -> positionOf(r.getCurrentToken())).orElseGet(() -> positionOf(token));
        long atReset = replay.map(r -> positionOf(r.getTokenAtReset())).orElse(-1L);
        Instant claimedAt = timestamp == null ? null : DateTimeUtils.parseInstant(timestamp);
        return new Segment(segment, owner, claimedAt, position, atReset);
    }

    private static long positionOf(TrackingToken token) {
        if (token == null) {
            return -1;
        }
        OptionalLong position = token.position();
        return position.isPresent() ? position.getAsLong() : -1;
    }
}
