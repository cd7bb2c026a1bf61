package org.lexnet.app.axon;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What happens to an event a projection cannot handle, once {@link IsolatedEventHandlers} has given up
 * on it: it is parked in its processing group's dead-letter queue with the cause and a count of
 * failures, and later events of the same aggregate queue up behind it (they must not overtake it);
 * every other aggregate's events flow on. An admin retries or evicts it through
 * {@code /api/v1/admin/dead-letters}; a retry that fails again keeps the letter and counts the failure.
 * A failure in a batch run without savepoints is not parked: the batch fails and runs again isolated.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterConfiguration {

    /** Diagnostics key: how many times handling this letter has failed (first failure included). */
    static final String FAILURES = "failures";

    @Bean
    ConfigurerModule deadLetterPolicy() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultDeadLetterPolicy(configuration -> countFailures());
    }

    static EnqueuePolicy<EventMessage<?>> countFailures() {
        return (letter, cause) -> {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof IsolatedEventHandlers.RunBatchIsolated runIsolated) {
                    throw runIsolated;
                }
            }
            Object before = letter.diagnostics().get(FAILURES);
            int failures = (before instanceof Number n ? n.intValue() : 0) + 1;
            return Decisions.requeue(ThrowableCause.truncated(cause),
                    l -> MetaData.from(l.diagnostics()).and(FAILURES, failures));
        };
    }
}
