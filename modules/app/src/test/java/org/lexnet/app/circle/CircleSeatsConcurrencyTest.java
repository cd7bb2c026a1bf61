package org.lexnet.app.circle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.LexnetApplication;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
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
 * A circle never seats more members than it has seats, whatever arrives at once: 20 joins at the same
 * moment for a circle of 6 seats, spread over two nodes sharing the database.
 */
class CircleSeatsConcurrencyTest extends IntegrationTest {

    private static final int JOINS = 20;
    private static final int SEATS = 6;

    private ConfigurableApplicationContext secondNode;

    @AfterEach
    void stopSecondNode() {
        if (secondNode != null) {
            secondNode.close();
        }
    }

    @Test
    void twentySimultaneousJoinsAcrossTwoNodesNeverExceedTheSeats() {
        secondNode = new SpringApplicationBuilder(LexnetApplication.class)
                .profiles("test")
                .run("--server.port=0", "--lexnet.embedded-postgres.fresh=false",
                        "--lexnet.matching.instant-proposals=false");
        List<Api> nodes = List.of(api,
                new Api(Integer.parseInt(secondNode.getEnvironment().getProperty("local.server.port"))));
        CircleSetup setup = new CircleSetup(api);
        String circle = setup.opened(setup.facilitator("Crowded facilitator", "SENIOR"), List.of("EMERGING"), SEATS);
        List<Api.Member> joiners = new ArrayList<>();
        for (int i = 0; i < JOINS; i++) {
            joiners.add(setup.member("Joiner " + i, "EMERGING"));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(JOINS);
        List<CompletableFuture<Api.Response>> joins = new ArrayList<>();
        for (int i = 0; i < JOINS; i++) {
            CircleSetup onNode = new CircleSetup(nodes.get(i % nodes.size()));
            Api.Member joiner = joiners.get(i);
            joins.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return onNode.join(joiner, circle);
            }, pool));
        }
        start.countDown();
        List<Api.Response> responses = joins.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        long joined = responses.stream().filter(r -> r.status() == 200).count();
        assertThat(joined).isBetween(1L, (long) SEATS);
        assertThat(responses.stream().filter(r -> r.status() != 200)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        // the stream holds exactly the joins that were answered 200, without a gap
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%MemberJoinedCircleEvent'", Long.class, circle)).isEqualTo(joined);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, circle);
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());

        // whoever lost a race can try again until the seats are gone; never one more
        for (Api.Member joiner : joiners) {
            setup.join(joiner, circle);
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%MemberJoinedCircleEvent'", Long.class, circle)).isEqualTo((long) SEATS);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
