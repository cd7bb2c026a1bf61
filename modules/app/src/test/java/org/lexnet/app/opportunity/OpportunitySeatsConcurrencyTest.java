package org.lexnet.app.opportunity;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An opportunity never takes more interest than it has seats, whatever arrives at once: 20 registrations
 * at the same moment for 5 seats. Then the admin statistics count it: by kind, interest, time to fill.
 */
class OpportunitySeatsConcurrencyTest extends IntegrationTest {

    private static final int REGISTRATIONS = 20;
    private static final int SEATS = 5;

    @Test
    void twentySimultaneousRegistrationsNeverExceedTheSeats() {
        OpportunitySetup setup = new OpportunitySetup(api);
        List<String> needs = List.of("BUILDING_TEAMS");
        Api.Member poster = setup.member("Opp Seats Poster", "SENIOR", needs, List.of("CHARITY"), "LONDON", true);
        Map<String, Object> body = OpportunitySetup.opportunity("BURSARY", needs);
        body.put("seats", SEATS);
        String id = setup.posted(poster, body);
        List<Api.Member> members = new ArrayList<>();
        for (int i = 0; i < REGISTRATIONS; i++) {
            members.add(api.register("Opp Seat Seeker " + i));
        }

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(REGISTRATIONS);
        List<CompletableFuture<Api.Response>> registrations = new ArrayList<>();
        for (Api.Member member : members) {
            registrations.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                return setup.interest(member, id);
            }, pool));
        }
        start.countDown();
        List<Api.Response> responses = registrations.stream().map(CompletableFuture::join).toList();
        pool.shutdown();

        assertThat(responses.stream().filter(r -> r.status() == 200).count()).isEqualTo(SEATS);
        assertThat(responses.stream().filter(r -> r.status() != 200)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.contentType()).startsWith("application/problem+json");
        });
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%InterestRegisteredEvent'", Long.class, id)).isEqualTo(SEATS);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, id);
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());

        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            assertThat(setup.detail(poster, id).json().at("/opportunity/seatsTaken").asInt()).isEqualTo(SEATS);
            JsonNode stats = api.get("/api/v1/admin/stats", admin).json().get("opportunities");
            assertThat(stats.get("byKind").get("BURSARY").asLong()).isPositive();
            assertThat(stats.get("interestRegistered").asLong()).isGreaterThanOrEqualTo(SEATS);
            assertThat(stats.get("filled").asLong()).isPositive();
            assertThat(stats.get("medianTimeToFill").asText()).startsWith("PT");
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
