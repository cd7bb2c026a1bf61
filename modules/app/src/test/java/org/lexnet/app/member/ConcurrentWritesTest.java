package org.lexnet.app.member;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.coreapi.member.MemberEvents.ParticipationPausedEvent;
import org.lexnet.coreapi.member.MemberEvents.ParticipationResumedEvent;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrentWritesTest extends IntegrationTest {

    @Autowired
    EventStorageEngine storage;

    @Test
    void twoConcurrentWritesFromTheSameVersionGiveOneSuccessAndOne409WithNoLostEvent() throws Exception {
        Api.Member ada = api.register("Ada");
        Api.Response first = api.put("/api/v1/members/me/profile", ada.token(), MemberProfileTest.profile("Ada", true));
        String etag = first.header("ETag");
        long eventsBefore = eventCount(ada.id());

        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> writes = new ArrayList<>();
        for (String name : List.of("Ada from the phone", "Ada from the laptop")) {
            writes.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.call("PUT", "/api/v1/members/me/profile").token(ada.token()).header("If-Match", etag)
                        .json(MemberProfileTest.profile(name, true)).send();
            }));
        }
        start.countDown();
        List<Integer> statuses = writes.stream().map(CompletableFuture::join).map(Api.Response::status).sorted().toList();

        assertThat(statuses).containsExactly(200, 409);
        Api.Response loser = writes.stream().map(CompletableFuture::join).filter(r -> r.status() == 409).findFirst()
                .orElseThrow();
        assertThat(loser.contentType()).startsWith("application/problem+json");
        assertThat(eventCount(ada.id())).isEqualTo(eventsBefore + 1);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, ada.id());
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());
    }

    @Test
    void manyConcurrentWritesWithoutAVersionAllLandInOneGaplessStream() {
        Api.Member ada = api.register("Ada");
        long eventsBefore = eventCount(ada.id());
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Api.Response>> writes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String name = "Ada " + i;
            writes.add(CompletableFuture.supplyAsync(() -> {
                await(start);
                return api.put("/api/v1/members/me/profile", ada.token(), MemberProfileTest.profile(name, true));
            }));
        }
        start.countDown();
        // without If-Match the writes are serialised per aggregate on this node and all succeed;
        // across nodes the loser of a race gets 409 (see the storage test below)
        List<Integer> statuses = writes.stream().map(CompletableFuture::join).map(Api.Response::status).toList();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409);
        long succeeded = statuses.stream().filter(s -> s == 200).count();
        assertThat(eventCount(ada.id())).isEqualTo(eventsBefore + succeeded);
        List<Long> sequences = jdbc.queryForList("select sequence_number from domain_event_entry "
                + "where aggregate_identifier = ? order by sequence_number", Long.class, ada.id());
        assertThat(sequences).containsExactlyElementsOf(LongStream.range(0, sequences.size()).boxed().toList());
    }

    @Test
    void aSecondWriteAtTheSamePositionOfAStreamIsAConcurrencyExceptionNotAStorageError() {
        // Two nodes that loaded the same version both try to append at the next position; PostgreSQL
        // refuses the second with SQLState 23505, which must reach callers as a ConcurrencyException (409).
        MemberId id = MemberId.random();
        storage.appendEvents(new GenericDomainEventMessage<>("Member", id.toString(), 0,
                new ParticipationPausedEvent(id)), new GenericDomainEventMessage<>("Member", id.toString(), 1,
                new ParticipationResumedEvent(id)));
        assertThatThrownBy(() -> storage.appendEvents(new GenericDomainEventMessage<>("Member", id.toString(), 1,
                new ParticipationPausedEvent(id))))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(eventCount(id.toString())).isEqualTo(2);
    }

    @Test
    void anAggregateThisNodeKeepsIsCheckedAgainstTheStoreSoAnotherNodesWriteIsNeverOverlooked() {
        Api.Member ada = api.register("Ada");
        Api.Response kept = api.put("/api/v1/members/me/profile", ada.token(), MemberProfileTest.profile("Ada", true));
        long version = Long.parseLong(kept.header("ETag").replace("\"", ""));

        // what another node on this database would do: append the member's next event behind this node's back
        storage.appendEvents(new GenericDomainEventMessage<>("Member", ada.id(), version + 1,
                new ParticipationPausedEvent(MemberId.of(ada.id()))));

        // this node kept Ada at the earlier version; it must see the new event before it decides and appends
        Api.Response next = api.call("PUT", "/api/v1/members/me/profile").token(ada.token())
                .header("If-Match", "\"" + (version + 1) + "\"").json(MemberProfileTest.profile("Ada L.", true)).send();
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        assertThat(next.header("ETag")).isEqualTo("\"" + (version + 2) + "\"");
        assertThat(eventCount(ada.id())).isEqualTo(version + 3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
