package org.lexnet.app.replay;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.axon.TokenPositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How long rebuilding a read model takes (figures in docs/benchmarks.md). Not part of the build (its name
 * does not end in Test); run it on its own:
 * {@code ./mvnw -B -o -q test -pl modules/app -am -Dtest=ReplayBench -Dsurefire.failIfNoSpecifiedTests=false
 * -Dlexnet.bench.members=1500}. The app starts on a fresh embedded database with that many demo members
 * (made through the real commands), waits until every read model has caught up, then replays the read
 * models one after another through the HTTP API, as an operator would, and writes one line per replay to
 * the console and to {@code modules/app/target/replay-bench.txt}.
 */
@TestPropertySource(properties = "lexnet.demo.members=${lexnet.bench.members:1500}")
class ReplayBench extends ReplayIntegrationTest {

    private static final List<String> READ_MODELS = List.of("member-directory", "mentorships", "mentor-load",
            "matching-pool", "network", "feed");
    private static final Duration CAUGHT_UP_WAIT = Duration.ofMinutes(10);

    @Autowired
    private TokenPositions positions;

    @Test
    void rebuildEachReadModel() {
        long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        long head = positions.head();
        await().atMost(CAUGHT_UP_WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> READ_MODELS.stream()
                .allMatch(p -> positions.slowestSegmentByProcessor().getOrDefault(p, -1L) >= head));
        report(String.format("replay-bench: %d events in the store, %d cores, max heap %d MiB", events,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20));
        for (String processor : READ_MODELS) {
            Instant asked = Instant.now();
            var accepted = requestReplay(api, processor, admin);
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
            String id = accepted.json().get("replayId").asText();
            JsonNode done = awaitReplay(api, processor, replay(id, "COMPLETED").or(replay(id, "FAILED")));
            Duration wall = Duration.between(asked, Instant.now());
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("COMPLETED");
            Duration rebuilding = Duration.between(Instant.parse(done.get("startedAt").asText()),
                    Instant.parse(done.get("finishedAt").asText()));
            Duration starting = Duration.between(Instant.parse(done.get("requestedAt").asText()),
                    Instant.parse(done.get("startedAt").asText()));
            report(String.format("%-16s events=%d start=%.1fs rebuild=%.1fs rate=%.0f/s request-to-completed=%.1fs",
                    processor, done.get("eventsTotal").asLong(), starting.toMillis() / 1000.0,
                    rebuilding.toMillis() / 1000.0, done.get("eventsPerSecond").asDouble(), wall.toMillis() / 1000.0));
        }
    }

    private static void report(String line) {
        System.out.println(line);
        try {
            Files.writeString(Path.of("target/replay-bench.txt"), line + System.lineSeparator(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
