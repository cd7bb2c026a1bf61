package org.lexnet.app.demo;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.lexnet.app.demo.BulkLoader.Loaded;
import org.lexnet.app.demo.BulkLoader.Plan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * A large synthetic history for benchmarks ({@code --lexnet.bulk.members=100000
 * --lexnet.bulk.events=1000000}; off by default, never for a database that holds real members): loaded
 * by {@link BulkLoader} on start, once per label (a second start with the same data directory finds the
 * members and does nothing). This node's streaming processors are stopped while it loads, so that the load
 * has the machine to itself and the read models' catching up can be measured on its own: they start again
 * afterwards and catch up by themselves. Logs how many events it stored and at what rate.
 * {@code --lexnet.bulk.idle-processors=feed,matching-pool} keeps the named processors stopped on this node
 * (loaded or not), so that one read model's rebuild can be measured without the others' catching up.
 */
@Component
@Order(90)
class BulkLoad implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BulkLoad.class);

    private final BulkLoader loader;
    private final EventProcessingConfiguration processing;
    private final int members;
    private final long events;
    private final long seed;
    private final int batchSize;
    private final String label;
    private final Set<String> idle;

    BulkLoad(BulkLoader loader, EventProcessingConfiguration processing, @Value("${lexnet.bulk.members:0}") int members,
             @Value("${lexnet.bulk.events:0}") long events, @Value("${lexnet.bulk.seed:42}") long seed,
             @Value("${lexnet.bulk.batch-size:2000}") int batchSize, @Value("${lexnet.bulk.label:load}") String label,
             @Value("${lexnet.bulk.idle-processors:}") Set<String> idle) {
        this.loader = loader;
        this.processing = processing;
        this.members = members;
        this.events = events;
        this.seed = seed;
        this.batchSize = batchSize;
        this.label = label;
        this.idle = idle;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<StreamingEventProcessor> streaming = processing.eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance).map(StreamingEventProcessor.class::cast).toList();
        if (!idle.isEmpty()) {
            log.info("Bulk load: processors kept stopped on this node: {}", idle);
            streaming.stream().filter(p -> idle.contains(p.getName())).forEach(StreamingEventProcessor::shutDown);
        }
        if (members <= 0 || loader.loaded(label)) {
            return;
        }
        log.info("Bulk load: {} members, {} events asked for, {} events per transaction", members, events, batchSize);
        streaming.forEach(StreamingEventProcessor::shutDown);
        Loaded loaded;
        try {
            loaded = loader.load(new Plan(members, events, seed, batchSize, label));
        } finally {
            streaming.stream().filter(p -> !idle.contains(p.getName())).forEach(StreamingEventProcessor::start);
        }
        log.info("Bulk load done: {} members, {} pairings, {} events in {} s ({} events/s)", loaded.members().size(),
                loaded.pairings().size(), loaded.events(), loaded.took().toMillis() / 1000.0,
                Math.round(loaded.eventsPerSecond()));
    }
}
