package org.lexnet.app.mentorship;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mentor never holds more pairings than their capacity, whatever arrives at once: 20 acceptances
 * at the same moment for a mentor with capacity 2, on one node and on two nodes sharing the database.
 */
class MentorCapacityConcurrencyTest extends IntegrationTest {

    private static final int PROPOSALS = 20;
    private static final int CAPACITY = 2;

    private ConfigurableApplicationContext secondNode;

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twentySimultaneousAcceptsOnOneNodeGiveExactlyTwoPairings() {
        assertExactlyCapacityAccepted(List.of(api));
    }

    @Test
    void twentySimultaneousAcceptsAcrossTwoNodesGiveExactlyTwoPairings() {
        secondNode = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false");
        Api other = new Api(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port")));
        assertExactlyCapacityAccepted(List.of(api, other));
    }

    private void assertExactlyCapacityAccepted(List<Api> nodes) {
        People people = new People(api);
        Api.Member mentor = people.mentor("Busy mentor", CAPACITY);
        List<String> pairings = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            pairings.add(people.requestDirect(people.mentee("Mentee " + i), mentor));
        }
        long mentorEventsBefore = eventCount(mentor.id());

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(PROPOSALS);
        List<CompletableFuture<Api.Response>> accepts = new ArrayList<>();
        for (int i = 0; i < PROPOSALS; i++) {
            Api node = nodes.get(i % nodes.size());
            String id = pairings.get(i);
            accepts.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return node.post("/api/v1/mentorships/" + id + "/accept", mentor.token(), null);
            }, pool));
        }
        start.countDown();
        List<Api.Response> responses = accepts.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(CAPACITY);
        List<Api.Response> refused = responses.stream().filter(r -> r.status() != 200).toList();
        assertThat(refused).hasSize(PROPOSALS - CAPACITY).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).isNotBlank();
        });

        // exactly two slots taken on the mentor's stream, which has no gap
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%MentoringSlotReservedEvent'", Long.class, mentor.id())).isEqualTo(CAPACITY);
        assertThat(eventCount(mentor.id())).isEqualTo(mentorEventsBefore + CAPACITY);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, mentor.id());
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());
        // and exactly two pairings became active, each accepted once
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like "
                + "'%ProposalAcceptedEvent' and aggregate_identifier in (" + String.join(",",
                pairings.stream().map(p -> "'" + p + "'").toList()) + ")", Long.class)).isEqualTo(CAPACITY);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
