package org.lexnet.app.member;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event says who caused it and as part of which request: the audit depends on it. */
class EventMetadataTest extends IntegrationTest {

    @Autowired
    EventStore eventStore;

    @Test
    void eachEventCarriesTheActorAndTheRequestsCorrelationId() {
        Api.Member ada = api.register("Ada");
        Api.Response updated = api.call("PUT", "/api/v1/members/me/profile").token(ada.token())
                .header("X-Correlation-Id", "profile-change-0001").json(MemberProfileTest.profile("Ada", true)).send();
        assertThat(updated.header("X-Correlation-Id")).isEqualTo("profile-change-0001");

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(ada.id(), 0).asStream().toList();
        assertThat(events).hasSize(2);
        DomainEventMessage<?> registered = events.get(0);
        assertThat(registered.getMetaData().get("actorId")).isEqualTo(ada.id());
        assertThat(registered.getMetaData().get("correlationId")).isNotNull();
        DomainEventMessage<?> profile = events.get(1);
        assertThat(profile.getMetaData().get("actorId")).isEqualTo(ada.id());
        assertThat(profile.getMetaData().get("correlationId")).isEqualTo("profile-change-0001");
        assertThat(profile.getMetaData().get("causationId")).isNotNull();
    }

    @Test
    void aRequestWithoutACorrelationIdGetsOneAndItIsTheOneStored() {
        Api.Member ada = api.register("Ada");
        Api.Response paused = api.post("/api/v1/members/me/pause", ada.token(), null);
        String correlationId = paused.header("X-Correlation-Id");
        assertThat(correlationId).isNotBlank();
        DomainEventMessage<?> last = eventStore.readEvents(ada.id(), 0).asStream().reduce((a, b) -> b).orElseThrow();
        assertThat(last.getMetaData().get("correlationId")).isEqualTo(correlationId);
    }

    @Test
    void errorBodiesCarryTheCorrelationIdToQuoteInAReport() {
        Api.Member ada = api.register("Ada");
        Api.Response bad = api.call("PUT", "/api/v1/members/me/mentor-offer").token(ada.token())
                .header("X-Correlation-Id", "support-ticket-42").json(java.util.Map.of("capacity", 99)).send();
        assertThat(bad.json().get("correlationId").asText()).isEqualTo("support-ticket-42");
    }
}
