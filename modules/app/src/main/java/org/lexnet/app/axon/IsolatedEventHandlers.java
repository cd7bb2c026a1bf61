package org.lexnet.app.axon;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
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

/**
 * Makes one event that a projection cannot handle cost that event, not the processor. Every event
 * handler of a processing group with a dead-letter queue runs inside its own savepoint: when it fails,
 * only its own writes are rolled back and the batch's transaction stays usable, so Axon can put the
 * event in the dead-letter queue and go on with the rest of the batch. Without the savepoint one failed
 * statement aborts the whole PostgreSQL transaction, the dead letter cannot be written either, and the
 * processor retries the same batch forever (observed: a NUL byte in a name froze the feed for everyone).
 *
 * <p>Failures that may pass on their own (a deadlock, a serialization conflict, a lock or statement
 * timeout) are retried a bounded number of times first; anything else goes to the dead-letter queue at
 * once, where an admin can retry or evict it ({@code /api/v1/admin/dead-letters}). A database that is
 * down fails the savepoint itself: then the whole batch fails and the processor backs off and retries
 * it later, and nothing is dead-lettered, because nothing was wrong with the events.
 */
@Component
class IsolatedEventHandlers implements HandlerEnhancerDefinition {

    static final int ATTEMPTS = 3;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Logger log = LoggerFactory.getLogger(IsolatedEventHandlers.class);

    private final PlatformTransactionManager transactions;
    private final Environment environment;
    private final TransactionDefinition savepoint;

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
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                return isolated(message, () -> super.handle(message, target));
            }
        };
    }

    /** Only groups with a dead-letter queue: the command-side lookups must fail their command instead. */
    private boolean deadLettered(Class<?> handlerClass) {
        ProcessingGroup group = handlerClass.getAnnotation(ProcessingGroup.class);
        String name = group != null ? group.value() : handlerClass.getPackageName();
        return environment.getProperty("axon.eventhandling.processors." + name + ".dlq.enabled", Boolean.class,
                false);
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

    @FunctionalInterface
    private interface Invocation {
        Object invoke() throws Exception;
    }
}
