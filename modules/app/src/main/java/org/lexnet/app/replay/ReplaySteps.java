package org.lexnet.app.replay;

import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * The two steps of a replay that change shared state, each one transaction under the read model's
 * exclusive lock, taken by whichever node gets to it first (the request row is locked, so two nodes never
 * take the same step): the start (fresh shadow tables, tokens reset, claims released) and the switch
 * (the rebuilt tables in place of the live ones). A step that cannot be taken yet rolls back entirely
 * and is tried again a moment later.
 */
@Component
class ReplaySteps {

    private final ReadModelTables tables;
    private final ShadowTables shadows;
    private final ReadModelLock lock;
    private final ReplayRequests requests;
    private final ProcessorSegments segments;
    private final EventCounts counts;
    private final TokenStore tokens;
    private final TransactionTemplate transaction;
    private final ReplaySettings settings;

    ReplaySteps(ReadModelTables tables, ShadowTables shadows, ReadModelLock lock, ReplayRequests requests,
                ProcessorSegments segments, EventCounts counts, TokenStore tokens, TransactionTemplate transaction,
                ReplaySettings settings) {
        this.tables = tables;
        this.shadows = shadows;
        this.lock = lock;
        this.requests = requests;
        this.segments = segments;
        this.counts = counts;
        this.tokens = tokens;
        this.transaction = transaction;
        this.settings = settings;
    }

    /**
     * Starts the replay with this node's processor, which must be stopped: makes the shadow tables, runs
     * the reset handlers against them alone (a handler that reaches for any other table fails here, before
     * anything live is touched), resets the tokens to replay from the start and releases the claims that
     * took, so that every node can start again. False if another node took the step or it was not due.
     *
     * @throws org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException a node still holds a segment
     */
    boolean start(Replay replay, StreamingEventProcessor processor) {
        List<String> owned = tables.of(replay.processor()).orElseThrow();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            if (requests.lockIn(replay.id(), ReplayState.REQUESTED).isEmpty()) {
                return false;
            }
            lock.waitAtMost(settings.lockWait());
            lock.exclusive(replay.processor());
            String live = shadows.liveSchema();
            shadows.create(replay.shadowSchema(), owned);
            shadows.searchOnly(replay.shadowSchema());
            ((AbstractEventProcessor) processor).eventHandlerInvoker().performReset(null);
            shadows.searchOnly(replay.shadowSchema(), live);
            processor.resetTokens();
            for (int segment : tokens.fetchSegments(replay.processor())) {
                tokens.releaseClaim(replay.processor(), segment);
            }
            shadows.searchOnly(live);
            long resetPosition = segments.of(replay.processor()).stream()
                    .mapToLong(s -> Math.max(s.position(), s.positionAtReset())).max().orElse(-1);
            requests.startedReplaying(replay.id(), resetPosition, counts.upTo(resetPosition));
            requests.notifyNodes(replay.processor());
            return true;
        }));
    }

    /** Whether every segment has passed the position the stream had at the reset. */
    boolean caughtUp(Replay replay) {
        List<ProcessorSegments.Segment> all = segments.of(replay.processor());
        long resetPosition = replay.resetPosition() == null ? Long.MAX_VALUE : replay.resetPosition();
        return !all.isEmpty() && all.stream().allMatch(s -> s.position() >= resetPosition);
    }

    /**
     * Puts the rebuilt tables in place of the live ones, once every segment has caught up, and completes
     * the replay. False if it is not due yet or another node took it.
     */
    boolean switchOver(Replay replay) {
        List<String> owned = tables.of(replay.processor()).orElseThrow();
        return Boolean.TRUE.equals(transaction.execute(tx -> {
            if (requests.lockIn(replay.id(), ReplayState.REPLAYING).isEmpty()) {
                return false;
            }
            lock.waitAtMost(settings.lockWait());
            lock.exclusive(replay.processor());
            // looked at again under the lock: no unit of work is between reading and writing now
            if (!caughtUp(replay)) {
                return false;
            }
            shadows.switchOver(replay.shadowSchema(), ShadowTables.retiredSchemaOf(replay.processor()), owned);
            requests.completed(replay.id());
            requests.notifyNodes(replay.processor());
            return true;
        }));
    }

    /**
     * Gives a replay up: the shadow tables go and the live ones stay. Units of work write to the live
     * tables again from the next one on; a replay that had started goes on over them, which changes
     * nothing that is there (every handler is idempotent) and adds what the live tables lacked.
     */
    void fail(Replay replay, String why) {
        transaction.executeWithoutResult(tx -> {
            lock.waitAtMost(settings.lockWait());
            lock.exclusive(replay.processor());
            shadows.drop(replay.shadowSchema());
            if (requests.failed(replay.id(), why)) {
                requests.notifyNodes(replay.processor());
            }
        });
    }
}
