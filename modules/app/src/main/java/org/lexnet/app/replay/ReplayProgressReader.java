package org.lexnet.app.replay;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Works out how far a replay has come from what every node can see: the request and the processor's
 * segments in {@code token_entry}. The events done are those every segment has passed since the reset,
 * so the figure never runs ahead of the slowest segment.
 */
@Component
public class ReplayProgressReader {

    private final ReplayRequests requests;
    private final ProcessorSegments segments;
    private final EventCounts counts;

    ReplayProgressReader(ReplayRequests requests, ProcessorSegments segments, EventCounts counts) {
        this.requests = requests;
        this.segments = segments;
        this.counts = counts;
    }

    /** Each processor's latest replay (under way, or the last one that ended), by processor name. */
    public Map<String, ReplayProgress> latestOfEach() {
        Map<String, ReplayProgress> latest = new LinkedHashMap<>();
        requests.latestOfEach().forEach((processor, replay) -> latest.put(processor, of(replay)));
        return latest;
    }

    ReplayProgress of(Replay replay) {
        long total = replay.eventsTotal();
        long done = switch (replay.state()) {
            case REQUESTED -> 0;
            case COMPLETED -> total;
            case REPLAYING, FAILED -> replay.resetPosition() == null ? 0 : Math.min(total, passedByAll(replay));
        };
        if (!replay.state().underWay()) {
            // the running count only saves work while a replay moves on
            counts.forget(replay.id());
        }
        Double rate = null;
        Long secondsLeft = null;
        if (replay.startedAt() != null) {
            Instant until = replay.finishedAt() != null ? replay.finishedAt() : Instant.now();
            double seconds = Math.max(0.001, Duration.between(replay.startedAt(), until).toMillis() / 1000.0);
            rate = Math.round(done / seconds * 10) / 10.0;
            if (replay.state() == ReplayState.COMPLETED) {
                secondsLeft = 0L;
            } else if (replay.state() == ReplayState.REPLAYING && done > 0) {
                secondsLeft = (long) Math.ceil((total - done) / (done / seconds));
            }
        }
        return new ReplayProgress(replay.id(), replay.processor(), replay.state().name(), replay.requestedAt(),
                replay.startedAt(), replay.finishedAt(), done, total, rate, secondsLeft, replay.detail());
    }

    /** Events up to the reset position that the slowest segment has passed. */
    private long passedByAll(Replay replay) {
        List<ProcessorSegments.Segment> all = segments.of(replay.processor());
        long slowest = all.stream().mapToLong(ProcessorSegments.Segment::position).min().orElse(-1);
        return counts.upTo(replay.id(), Math.min(slowest, replay.resetPosition()));
    }
}
