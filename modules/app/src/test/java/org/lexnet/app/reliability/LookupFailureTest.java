package org.lexnet.app.reliability;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.lexnet.coreapi.connection.ConnectionEvents.ConnectionRequestedEvent;
import org.lexnet.coreapi.mentorship.MentorshipEvents.MentorshipRequestedEvent;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A command-side lookup that fails must fail its command: nothing may be stored without its lookup
 * row, or the rules that read the lookups would silently drift. A stand-in handler in each lookup
 * group throws before any SQL of its own (as a mapping error or a null field would).
 */
@Import(LookupFailureTest.FailingLookups.class)
class LookupFailureTest extends IntegrationTest {

    /** Members whose events the stand-in handlers refuse. */
    static final Set<UUID> FAILING_FOR = ConcurrentHashMap.newKeySet();

    @TestConfiguration
    static class FailingLookups {

        @Bean
        PairingLookupStandIn pairingLookupStandIn() {
            return new PairingLookupStandIn();
        }

        @Bean
        NetworkLookupStandIn networkLookupStandIn() {
            return new NetworkLookupStandIn();
        }
    }

    @ProcessingGroup("pairing-lookups")
    static class PairingLookupStandIn {
        @EventHandler
        void on(MentorshipRequestedEvent event) {
            if (FAILING_FOR.contains(event.menteeId().value())) {
                throw new IllegalStateException("a lookup handler failed before its SQL");
            }
        }
    }

    @ProcessingGroup("network-lookups")
    static class NetworkLookupStandIn {
        @EventHandler
        void on(ConnectionRequestedEvent event) {
            if (FAILING_FOR.contains(event.requesterId().value())) {
                throw new IllegalStateException("a lookup handler failed before its SQL");
            }
        }
    }

    @Test
    void aFailingPairingLookupRejectsTheRequestAndStoresNothing() {
        People people = new People(api);
        Api.Member mentee = people.mentee("Lookup Fails For Me");
        FAILING_FOR.add(UUID.fromString(mentee.id()));
        Api.Response response = api.call("POST", "/api/v1/mentorships").token(mentee.token())
                .header("X-Correlation-Id", "failing-pairing-lookup-" + mentee.id().substring(0, 8))
                .json(Map.of("needs", List.of("FUNDRAISING_AND_FINANCE"))).send();

        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventsOfRequest(response.header("X-Correlation-Id"))).isZero();
        FAILING_FOR.remove(UUID.fromString(mentee.id()));
        assertThat(api.post("/api/v1/mentorships", mentee.token(), Map.of("needs", List.of("FUNDRAISING_AND_FINANCE")))
                .status()).as("the same request once the lookup works").isEqualTo(201);
    }

    @Test
    void aFailingNetworkLookupRejectsTheConnectionRequestAndStoresNothing() {
        People people = new People(api);
        Api.Member asking = people.mentee("Asking With A Failing Lookup");
        Api.Member asked = people.mentee("Asked");
        FAILING_FOR.add(UUID.fromString(asking.id()));
        Api.Response response = api.call("POST", "/api/v1/connections").token(asking.token())
                .header("X-Correlation-Id", "failing-network-lookup-" + asking.id().substring(0, 8))
                .json(Map.of("to", asked.id())).send();

        assertThat(response.status()).as(response.body()).isEqualTo(500);
        assertThat(eventsOfRequest(response.header("X-Correlation-Id"))).isZero();
        FAILING_FOR.remove(UUID.fromString(asking.id()));
        assertThat(api.post("/api/v1/connections", asking.token(), Map.of("to", asked.id())).status())
                .as("no connection was left behind to block the next request").isEqualTo(201);
    }

    private long eventsOfRequest(String correlationId) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where convert_from(meta_data, 'UTF8') "
                                    + "like ?", Long.class, "%\"correlationId\":\"" + correlationId + "\"%");
        return n == null ? 0 : n;
    }
}
