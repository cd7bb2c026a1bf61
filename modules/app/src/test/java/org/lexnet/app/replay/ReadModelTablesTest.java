package org.lexnet.app.replay;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The tables declared for each processor are exactly the ones its reset handlers clear: a replay rebuilds
 * those beside the live ones and swaps them in, so a table missing from the list would be cleared live
 * (or, as here, make the replay fail at its start). Each reset handler runs against copies of its declared
 * tables alone, in a transaction that is rolled back.
 */
class ReadModelTablesTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private ReadModelTables tables;
    @Autowired
    private ShadowTables shadows;
    @Autowired
    private TransactionTemplate transaction;

    @Test
    void everyReplayableProcessorDeclaresExactlyTheTablesItsResetHandlersClear() {
        List<EventProcessor> replayable = processing.eventProcessors().values().stream()
                .filter(p -> p instanceof StreamingEventProcessor s && s.supportsReset()).toList();
        assertThat(replayable).extracting(EventProcessor::getName).contains("member-directory", "feed");
        for (EventProcessor processor : replayable) {
            List<String> owned = tables.of(processor.getName()).orElse(List.of());
            assertThat(owned).as(processor.getName() + " declares its tables").isNotEmpty();
            assertThatCode(() -> transaction.executeWithoutResult(tx -> {
                tx.setRollbackOnly();
                String copies = ShadowTables.shadowSchemaOf(processor.getName());
                shadows.create(copies, owned);
                shadows.searchOnly(copies);
                ((AbstractEventProcessor) processor).eventHandlerInvoker().performReset(null);
            })).as(processor.getName() + "'s reset handlers touch only " + owned).doesNotThrowAnyException();
        }
    }
}
