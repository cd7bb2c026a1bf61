package org.lexnet.app.replay;

import org.springframework.messaging.simp.SimpMessageSendingOperations;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Tells the admins connected to this node how replays are coming along, on {@link #DESTINATION} (only
 * admins may subscribe: FeedStompAccess): while one is under way, its progress about once a second,
 * and once more when it ends. Operational messages, not feed entries: they are not stored, carry no
 * cursor and cannot be caught up on; the same figures are in {@code GET /api/v1/admin/event-processors}.
 * Every node reports to its own subscribers from the shared tables, whichever node does the work.
 */
@Component
public class OperationsFeed {

    public static final String DESTINATION = "/topic/admin/operations";
    static final String REPLAY_PROGRESS = "REPLAY_PROGRESS";

    private static final Duration EVERY = Duration.ofMillis(900);
    /** Replays that ended this recently are announced by a node that has not announced their end yet. */
    private static final Duration ENDED_WITHIN = Duration.ofSeconds(30);

    private final SimpMessageSendingOperations broker;
    private final ReplayRequests requests;
    private final ReplayProgressReader progress;
    private final Map<UUID, Instant> lastSent = new ConcurrentHashMap<>();
    private final Set<UUID> endAnnounced = ConcurrentHashMap.newKeySet();

    OperationsFeed(SimpMessageSendingOperations broker, ReplayRequests requests, ReplayProgressReader progress) {
        this.broker = broker;
        this.requests = requests;
        this.progress = progress;
    }

    /** One operational message: what it is about ({@code kind}), when, and the figures. */
    record OperationsMessage(String kind, Instant occurredAt, ReplayProgress payload) {
    }

    /** Sends what is due: progress of each replay under way, and the end of those that just ended. */
    void report(List<Replay> underWay) {
        Instant now = Instant.now();
        for (Replay replay : underWay) {
            Instant last = lastSent.get(replay.id());
            if (last == null || !last.plus(EVERY).isAfter(now)) {
                send(progress.of(replay), now);
                lastSent.put(replay.id(), now);
            }
        }
        List<Replay> ended = requests.finishedWithin(ENDED_WITHIN);
        for (Replay replay : ended) {
            if (endAnnounced.add(replay.id())) {
                send(progress.of(replay), now);
            }
            lastSent.remove(replay.id());
        }
        Set<UUID> recent = ended.stream().map(Replay::id).collect(Collectors.toSet());
        endAnnounced.retainAll(recent);
    }

    private void send(ReplayProgress figures, Instant at) {
        broker.convertAndSend(DESTINATION, new OperationsMessage(REPLAY_PROGRESS, at, figures));
    }
}
