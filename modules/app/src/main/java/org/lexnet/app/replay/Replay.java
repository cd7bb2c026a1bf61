package org.lexnet.app.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * One requested rebuild of a read model, as stored in {@code replay_request}.
 *
 * @param eventsTotal   events in the store when it was asked for; from the reset on, those up to {@code resetPosition}
 * @param shadowSchema  where the rebuilt tables are written until they replace the live ones
 * @param resetPosition global index of the last event before the reset (null until then)
 * @param detail        why it waits (while requested) or why it failed
 */
record Replay(UUID id, String processor, ReplayState state, UUID requestedBy, Instant requestedAt, long eventsTotal,
              String shadowSchema, Long resetPosition, Instant startedAt, Instant finishedAt, String detail) {
}
