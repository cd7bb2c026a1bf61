package org.lexnet.app.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.springboot.TokenStoreProperties;
import org.lexnet.app.axon.NodeIdentity;
import org.lexnet.app.axon.ReplaysUnderWay;
import org.lexnet.query.feed.BackgroundLoop;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * This node's part in every replay, whichever node it was asked on. Woken by PostgreSQL NOTIFY when a
 * replay changes (through the node's one listener, with a look every second as the safety net), it:
 * <ul>
 *   <li>stops its own instance of a processor whose replay is requested, which releases its claims, and
 *       starts it again once the replay has started or ended;</li>
 *   <li>starts a requested replay once no node holds a claim on the processor's segments any more (the
 *       first node to get there does it, see {@link ReplaySteps#start}), or gives it up with the reason
 *       when that has not happened within the start timeout;</li>
 *   <li>switches to the rebuilt tables once every segment has caught up ({@link ReplaySteps#switchOver});</li>
 *   <li>reports progress to the admins connected to this node ({@link OperationsFeed}).</li>
 * </ul>
 * Nothing here waits without a bound: stopping a processor, the locks of the two steps and the start
 * itself all have their time ({@link ReplaySettings}).
 */
@Component
public class ReplayCoordinator extends BackgroundLoop implements ReplaysUnderWay {

    private static final Logger log = LoggerFactory.getLogger(ReplayCoordinator.class);
    private static final Duration RECONNECT_AFTER = Duration.ofSeconds(1);

    private final EventProcessingConfiguration processing;
    private final ReplayRequests requests;
    private final ReplaySteps steps;
    private final ProcessorSegments segments;
    private final OperationsFeed operations;
    private final ReplaySettings settings;
    private final Duration claimTimeout;
    private final NodeIdentity node;

    /** Processors this node stopped for a replay, and for which one. */
    private final Map<String, UUID> stoppedHere = new ConcurrentHashMap<>();
    private volatile Set<String> underWay = Set.of();
    private final Semaphore wake = new Semaphore(0);

    ReplayCoordinator(EventProcessingConfiguration processing, ReplayRequests requests,
                      ReplaySteps steps, ProcessorSegments segments, OperationsFeed operations, ReplaySettings settings,
                      TokenStoreProperties tokenStore, NodeIdentity node,
                      @Qualifier("replayCoordinatorExecutor") TaskExecutor executor) {
        super("replay-coordinator", executor, RECONNECT_AFTER);
        this.processing = processing;
        this.requests = requests;
        this.steps = steps;
        this.segments = segments;
        this.operations = operations;
        this.settings = settings;
        this.claimTimeout = tokenStore.getClaimTimeout();
        this.node = node;
    }

    @Override
    public Set<String> processors() {
        return underWay;
    }

    /**
     * A replay changed on some node (its NOTIFY on {@link #notifyChannel()}, passed on by the node's one
     * PostgreSQL listener): look now rather than at the next poll.
     */
    public void wakeUp() {
        wake.release();
    }

    /** The PostgreSQL NOTIFY channel on which a change to a replay is announced to every node. */
    public static String notifyChannel() {
        return ReplayRequests.NOTIFY_CHANNEL;
    }

    /** Takes this node's steps, then waits for a wake-up or the poll interval. */
    @Override
    protected void round() throws InterruptedException {
        boolean changed = step();
        if (!changed) {
            wake.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
        // anything announced meanwhile is seen by the next step, which reads every replay afresh
        wake.drainPermits();
    }

    /** Looks at every replay under way and takes this node's part; true if a replay changed state. */
    private boolean step() {
        List<Replay> replays = requests.underWay();
        underWay = replays.stream().map(Replay::processor).collect(Collectors.toUnmodifiableSet());
        stopWhereRequested(replays);
        startAgainWhereNoLongerRequested(replays);
        boolean changed = false;
        for (Replay replay : replays) {
            try {
                changed |= replay.state() == ReplayState.REQUESTED ? tryToStart(replay) : tryToFinish(replay);
            } catch (RuntimeException e) {
                log.warn("Replay {} of {}: this node's step failed; trying again shortly", replay.id(),
                        replay.processor(), e);
            }
        }
        operations.report(replays);
        return changed;
    }

    private void stopWhereRequested(List<Replay> replays) {
        for (Replay replay : replays) {
            if (replay.state() != ReplayState.REQUESTED || stoppedHere.containsKey(replay.processor())) {
                continue;
            }
            Optional<EventProcessor> processor = processing.eventProcessor(replay.processor());
            if (processor.isEmpty()) {
                continue;
            }
            stoppedHere.put(replay.processor(), replay.id());
            log.info("Stopping {} on this node for replay {}", replay.processor(), replay.id());
            try {
                processor.get().shutdownAsync().get(settings.stopTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("{} did not stop within {}; the replay waits for its claims", replay.processor(),
                        settings.stopTimeout());
            } catch (ExecutionException e) {
                log.warn("{} failed to stop cleanly", replay.processor(), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void startAgainWhereNoLongerRequested(List<Replay> replays) {
        Set<String> requested = replays.stream().filter(r -> r.state() == ReplayState.REQUESTED)
                .map(Replay::processor).collect(Collectors.toSet());
        for (String processor : Set.copyOf(stoppedHere.keySet())) {
            if (!requested.contains(processor)) {
                processing.eventProcessor(processor).ifPresent(EventProcessor::start);
                stoppedHere.remove(processor);
                log.info("Started {} again on this node", processor);
            }
        }
    }

    private boolean tryToStart(Replay replay) {
        Optional<StreamingEventProcessor> processor = processing.eventProcessor(replay.processor())
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast);
        if (processor.isEmpty() || !stoppedHere.containsKey(replay.processor())) {
            return false;
        }
        Set<String> holders = claimHolders(replay.processor());
        if (requests.requestedLongerAgoThan(replay.id(), settings.startTimeout())) {
            String why = "could not start within " + settings.startTimeout().toSeconds() + " s: "
                    + (holders.isEmpty() ? "the processor's segments could not be claimed for the reset"
                    : "segments of " + replay.processor() + " were still claimed by node(s) " + holders
                    + " (a node that does not take part in replays, or one that could not stop in time?)");
            steps.fail(replay, why);
            log.warn("Replay {} of {} given up: {}", replay.id(), replay.processor(), why);
            return true;
        }
        if (processor.get().isRunning()) {
            return false;
        }
        if (!holders.isEmpty()) {
            requests.waiting(replay.id(), "waiting for node(s) " + holders + " to release their claims on "
                    + replay.processor());
            return false;
        }
        try {
            if (steps.start(replay, processor.get())) {
                log.info("Replay {} of {} started: tokens reset, rebuilding in schema {}", replay.id(),
                        replay.processor(), replay.shadowSchema());
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            if (mayPassOnItsOwn(e)) {
                requests.waiting(replay.id(), "waiting for the segments and the lock of " + replay.processor()
                        + " to be free");
                return false;
            }
            String why = "could not start: " + describe(e);
            steps.fail(replay, why);
            log.warn("Replay {} of {} failed to start", replay.id(), replay.processor(), e);
            return true;
        }
    }

    private boolean tryToFinish(Replay replay) {
        if (!steps.caughtUp(replay)) {
            return false;
        }
        try {
            if (steps.switchOver(replay)) {
                log.info("Replay {} of {} completed: the rebuilt tables are live", replay.id(), replay.processor());
                return true;
            }
            return false;
        } catch (RuntimeException e) {
            if (mayPassOnItsOwn(e)) {
                return false;
            }
            String why = "could not switch to the rebuilt tables: " + describe(e);
            steps.fail(replay, why);
            log.warn("Replay {} of {} failed at the switch", replay.id(), replay.processor(), e);
            return true;
        }
    }

    /** Nodes other than this one that hold a live claim on one of the processor's segments. */
    private Set<String> claimHolders(String processor) {
        Instant now = Instant.now();
        return segments.of(processor).stream().filter(s -> s.claimed(claimTimeout, now))
                .map(ProcessorSegments.Segment::owner).filter(owner -> !owner.equals(node.name()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** A lock not granted in time, a deadlock, a claim taken meanwhile: the next look may succeed. */
    private static boolean mayPassOnItsOwn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof UnableToClaimTokenException || t instanceof TransientDataAccessException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && Set.of("55P03", "40P01", "40001", "57014").contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The failure's innermost message, for operators. From PostgreSQL only the state and the primary
     * message (names of tables and columns), never the detail, which can quote row values.
     */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message;
        if (root instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
            message = "SQL state " + sql.getSQLState() + ": " + sql.getServerErrorMessage().getMessage();
        } else {
            message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        }
        return message.length() > 500 ? message.substring(0, 500) + "…" : message;
    }
}
