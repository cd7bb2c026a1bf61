package org.lexnet.app.replay;

import java.time.Instant;
import java.util.UUID;

/**
 * A replay as operators see it, in the status of event processors and on the admins' live feed.
 *
 * @param state                REQUESTED, REPLAYING, COMPLETED or FAILED
 * @param eventsDone           events of the stream every segment has passed since the reset
 * @param eventsTotal          events up to where the stream stood at the reset (before it: in the store
 *                             when the replay was asked for)
 * @param eventsPerSecond      since the reset; null before it
 * @param estimatedSecondsLeft at that rate; null while unknown
 * @param detail               what it waits for (requested) or why it failed
 */
public record ReplayProgress(UUID replayId, String processor, String state, Instant requestedAt, Instant startedAt,
                             Instant finishedAt, long eventsDone, long eventsTotal, Double eventsPerSecond,
                             Long estimatedSecondsLeft, String detail) {

    /** Asked for or replaying: not ended yet. */
    public boolean underWay() {
        return ReplayState.valueOf(state).underWay();
    }
}
