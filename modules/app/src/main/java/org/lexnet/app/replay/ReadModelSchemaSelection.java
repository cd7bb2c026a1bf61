package org.lexnet.app.replay;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Where a read model's processor writes: into its live tables, or, while a replay of it runs, into the
 * fresh copies in its shadow schema. Decided once per unit of work (a batch, or one dead letter being
 * retried), from the database, never from what this node remembers: a node that has not heard of the
 * replay yet, or that started in the middle of it, still writes where it must. The decision sets the
 * transaction's search path, so the projections themselves know nothing of replays; Axon's own tables
 * (tokens, dead letters) exist only in the live schema and are found there.
 */
@Component
class ReadModelSchemaSelection implements ConfigurerModule {

    private static final String CHOSEN = ReadModelSchemaSelection.class.getName() + ".chosen";

    private final ReadModelTables tables;
    private final ReadModelLock lock;
    private final ReplayRequests replays;
    private final ShadowTables shadows;

    ReadModelSchemaSelection(ReadModelTables tables, ReadModelLock lock, ReplayRequests replays,
                             ShadowTables shadows) {
        this.tables = tables;
        this.lock = lock;
        this.replays = replays;
        this.shadows = shadows;
    }

    @Override
    public void configureModule(org.axonframework.config.Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((configuration, processor) ->
                tables.owns(processor) ? new Selection(processor) : (unitOfWork, chain) -> chain.proceed());
    }

    private final class Selection implements MessageHandlerInterceptor<EventMessage<?>> {

        private final String processor;

        Selection(String processor) {
            this.processor = processor;
        }

        @Override
        public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork,
                             InterceptorChain chain) throws Exception {
            unitOfWork.root().resources().computeIfAbsent(CHOSEN, key -> choose());
            return chain.proceed();
        }

        /** In the unit of work's transaction: the lock first, then a fresh look at the replay's state. */
        private String choose() {
            lock.shared(processor);
            Optional<String> shadow = replays.shadowSchemaWhileReplaying(processor);
            shadow.ifPresent(schema -> shadows.searchOnly(schema, shadows.liveSchema()));
            return shadow.orElse(shadows.liveSchema());
        }
    }
}
