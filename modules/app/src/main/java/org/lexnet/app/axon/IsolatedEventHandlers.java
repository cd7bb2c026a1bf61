package org.lexnet.app.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes one event that a projection cannot handle cost that event, not the processor. When a handler
 * fails, only its own writes may be undone and the batch's transaction must stay usable, so Axon can put
 * the event in the dead-letter queue and go on with the rest of the batch. Without that, one failed
 * statement aborts the whole PostgreSQL transaction, the dead letter cannot be written either, and the
 * processor retries the same batch forever (observed: a NUL byte in a name froze the feed for everyone).
 *
 * <p>A savepoint around every event costs two round trips per event, most of a rebuild's time (see
 * docs/benchmarks.md), and almost every batch never needs one. So a batch first runs <em>without</em>
 * savepoints. When one of its handlers fails, the batch is abandoned whole (its transaction rolls back,
 * its token does not move) and that segment of the processor runs <em>isolated</em>: every event inside
 * its own savepoint, as below, until one isolated batch has committed. Axon runs the batch again; the
 * failing event is retried or parked alone, and the others' writes are kept. A handler's writes are
 * therefore never committed without the whole of the handler, in either mode.
 *
 * <p>Isolated, failures that may pass on their own (a deadlock, a serialization conflict, a lock or
 * statement timeout) are retried a bounded number of times first; anything else goes to the dead-letter
 * queue at once, where an admin can retry or evict it ({@code /api/v1/admin/dead-letters}). A database
 * that is down fails the savepoint itself: then the whole batch fails and the processor backs off and
 * retries it later, and nothing is dead-lettered, because nothing was wrong with the events. Outside a
 * processor's batch (an admin retrying a dead letter) every event is isolated.
 */
@Component
class IsolatedEventHandlers implements HandlerEnhancerDefinition {

    static final int ATTEMPTS = 3;
    private static final String ISOLATED_BATCH = IsolatedEventHandlers.class.getName() + ".isolatedBatch";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(IsolatedEventHandlers.class);

    private final PlatformTransactionManager transactions;
    private final Environment environment;
    private final TransactionDefinition savepoint;
    /** Segments of processors whose next batch runs every event in its own savepoint. */
    private final Set<Segment> isolatedSegments = ConcurrentHashMap.newKeySet();

    IsolatedEventHandlers(PlatformTransactionManager transactions, Environment environment) {
        this.transactions = transactions;
        this.environment = environment;
        this.savepoint = new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class) || !deadLettered(original.declaringClass())) {
            return original;
        }
        String group = processingGroup(original.declaringClass());
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return inBatch(group, message, () -> super.handle(message, target));
            }
        };
    }

    /** Only groups with a dead-letter queue: the command-side lookups must fail their command instead. */
    private boolean deadLettered(Class<?> handlerClass) {
        return environment.getProperty("axon.eventhandling.processors." + processingGroup(handlerClass)
                                       + ".dlq.enabled", Boolean.class, false);
    }

    private static String processingGroup(Class<?> handlerClass) {
        ProcessingGroup group = handlerClass.getAnnotation(ProcessingGroup.class);
        return group != null ? group.value() : handlerClass.getPackageName();
    }

    private Object inBatch(String group, Message<?> message, Invocation invocation) throws Exception {
        UnitOfWork<?> batch = CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get() : null;
        if (!(batch instanceof BatchingUnitOfWork<?>)) {
            return isolated(message, invocation);
        }
        // the processor's name is its group's; Axon keeps the segment of the batch under this key
        Segment segment = new Segment(group, batch.getResource("Processor[" + group + "]/SegmentId"));
        if (isolatedSegments.contains(segment)) {
            batch.resources().computeIfAbsent(ISOLATED_BATCH, key -> {
                batch.afterCommit(committed -> isolatedSegments.remove(segment));
                return Boolean.TRUE;
            });
            return isolated(message, invocation);
        }
        try {
            return invocation.invoke();
        } catch (Exception | Error failure) {
            isolatedSegments.add(segment);
            log.info("Event {} failed with {} in a batch of {}; the batch runs again with each event isolated",
                    message.getIdentifier(), failure.getClass().getSimpleName(), group);
            throw new RunBatchIsolated(failure);
        }
    }

    private Object isolated(Message<?> message, Invocation invocation) throws Exception {
        for (int attempt = 1; ; attempt++) {
            TransactionStatus status = transactions.getTransaction(savepoint);
            try {
                Object result = invocation.invoke();
                transactions.commit(status);
                return result;
            } catch (Exception | Error failure) {
                if (!status.isCompleted()) {
                    transactions.rollback(status);
                }
                if (attempt >= ATTEMPTS || !mayPassOnItsOwn(failure)) {
                    throw failure;
                }
                log.info("Event {} failed with {} (attempt {} of {}); retrying", message.getIdentifier(),
                        failure.getClass().getSimpleName(), attempt, ATTEMPTS);
                Thread.sleep(FIRST_BACKOFF.toMillis() * attempt * attempt);
            }
        }
    }

    private static boolean mayPassOnItsOwn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TransientDataAccessException || t instanceof SQLTransientException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A handler failed in a batch run without savepoints: the batch must not go on (its transaction may be
     * aborted, or hold part of the failed handler's writes). The dead-letter policy lets it through instead
     * of parking the event ({@link DeadLetterConfiguration}), so the batch fails and runs again isolated.
     */
    static final class RunBatchIsolated extends RuntimeException {
        RunBatchIsolated(Throwable cause) {
            super("a handler failed in a batch run without savepoints; the batch runs again isolated", cause);
        }
    }

    private record Segment(String processor, Object id) {
    }

    @FunctionalInterface
    private interface Invocation {
        Object invoke() throws Exception;
    }
}
