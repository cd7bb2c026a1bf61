package org.lexnet.app.ops;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * For the programme team's operators: is every projection running, is any replaying, and how many
 * events wait in each dead-letter queue (a poisoned event parks there instead of stopping the
 * projection). Admin only, like everything under /api/v1/admin.
 */
@RestController
class EventProcessorStatusController {

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    EventProcessorStatusController(EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @GetMapping("/api/v1/admin/event-processors")
    List<ProcessorStatus> processors() {
        Map<String, Long> deadLetters = new HashMap<>();
        jdbc.query("select processing_group, count(*) from dead_letter_entry group by processing_group",
                rs -> {
                    deadLetters.put(rs.getString(1), rs.getLong(2));
                });
        return processing.eventProcessors().values().stream()
                .map(p -> new ProcessorStatus(p.getName(), p.isRunning(), p.isError(),
                        p instanceof StreamingEventProcessor s && s.isReplaying(),
                        deadLetters.getOrDefault(p.getName(), 0L)))
                .sorted(Comparator.comparing(ProcessorStatus::name))
                .toList();
    }

    record ProcessorStatus(String name, boolean running, boolean error, boolean replaying, long deadLetters) {
    }
}
