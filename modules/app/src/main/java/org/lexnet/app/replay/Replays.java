package org.lexnet.app.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.lexnet.app.axon.DeadLetterCounts;
import org.lexnet.coreapi.member.MemberId;
import org.lexnet.coreapi.rules.CommandRejectedException;
import org.lexnet.coreapi.rules.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;

/**
 * An operator asks for a read model to be rebuilt from the event store. The request is stored and every
 * node's {@link ReplayCoordinator} takes it from there; what can be known at once is refused at once,
 * with the reason.
 */
@Component
class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);

    private final EventProcessingConfiguration processing;
    private final ReadModelTables tables;
    private final DeadLetterCounts deadLetters;
    private final ReplayRequests requests;
    private final ReplayProgressReader progress;
    private final TransactionTemplate transaction;

    Replays(EventProcessingConfiguration processing, ReadModelTables tables, DeadLetterCounts deadLetters,
            ReplayRequests requests, ReplayProgressReader progress, TransactionTemplate transaction) {
        this.processing = processing;
        this.tables = tables;
        this.deadLetters = deadLetters;
        this.requests = requests;
        this.progress = progress;
        this.transaction = transaction;
    }

    /**
     * @throws NotFoundException        no processor has this name
     * @throws CommandRejectedException it cannot be replayed, events wait in its dead-letter queue, or a
     *                                  replay of it is already under way
     */
    ReplayProgress request(String processorName, MemberId admin) {
        EventProcessor processor = processing.eventProcessor(processorName)
                .orElseThrow(() -> new NotFoundException("no such event processor"));
        whyNotReplayable(processor, tables.owns(processorName)).ifPresent(reason -> {
            throw new CommandRejectedException(reason);
        });
        long letters = deadLetters.byProcessor().getOrDefault(processorName, 0L);
        if (letters > 0) {
            throw new CommandRejectedException(letters + " event(s) wait in the dead-letter queue of " + processorName
                    + ": retry or evict them first (/api/v1/admin/dead-letters), as a replay would park them again");
        }
        Replay replay = transaction.execute(tx -> requests.create(processorName, admin.value(),
                        ShadowTables.shadowSchemaOf(processorName)))
                .orElseThrow(() -> new CommandRejectedException("a replay of " + processorName
                        + " is already under way; its progress is in GET /api/v1/admin/event-processors"));
        log.info("Admin {} asked for a replay of {} (replay {}, {} events stored)", admin, processorName, replay.id(),
                replay.eventsTotal());
        return progress.of(replay);
    }

    /** Why this processor cannot be replayed at all; empty if it can. */
    static Optional<String> whyNotReplayable(EventProcessor processor, boolean ownsTables) {
        String name = processor.getName();
        if (!(processor instanceof StreamingEventProcessor streaming)) {
            return Optional.of(name + " cannot be replayed: it is a subscribing processor, which handles each event "
                    + "in the transaction that stores it and keeps no position in the event stream; its tables are "
                    + "never behind");
        }
        if (!streaming.supportsReset()) {
            return Optional.of(name + " cannot be replayed: every one of its handlers is marked not to be replayed "
                    + "(@DisallowReplay), because handling history again would repeat what they did");
        }
        if (!ownsTables) {
            return Optional.of(name + " cannot be replayed: no read model tables are declared for it");
        }
        return Optional.empty();
    }
}
