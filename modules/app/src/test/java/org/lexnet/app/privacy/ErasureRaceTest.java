package org.lexnet.app.privacy;

import org.junit.jupiter.api.RepeatedTest;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An erasure racing other commands about the same member (proposals to them, connection requests to
 * them, a change of their own offer): whichever order they land in, no answer is a 5xx, the member ends
 * erased exactly once, and nothing open is left with them — a command that won the race was ended by
 * the erasure, one that lost it was refused. Nothing is half done.
 */
class ErasureRaceTest extends IntegrationTest {

    @RepeatedTest(3)
    void anErasureRacingCommandsAboutTheSameMemberLeavesNoHalfErasedState() throws Exception {
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        Api.Member leaving = people.mentor("Leaving While Busy", 3);
        List<Api.Member> others = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            others.add(people.mentee("Racer " + i));
        }
        List<String> requests = new ArrayList<>();
        for (Api.Member other : others) {
            requests.add(people.requestOpen(other));
        }

        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Api.Response>> racers = new ArrayList<>();
            racers.add(() -> api.call("DELETE", "/api/v1/admin/members/" + leaving.id()).token(admin)
                    .json(Map.of("reason", "a verified request")).send());
            for (int i = 0; i < others.size(); i++) {
                Api.Member other = others.get(i);
                String request = requests.get(i);
                racers.add(i % 2 == 0
                        ? () -> api.post("/api/v1/admin/mentorships/" + request + "/proposals", admin,
                                Map.of("mentorId", leaving.id()))
                        : () -> api.post("/api/v1/connections", other.token(), Map.of("to", leaving.id())));
            }
            racers.add(() -> api.put("/api/v1/members/me/mentor-offer", leaving.token(),
                    Map.of("capacity", 5, "open", true)));
            List<Future<Api.Response>> answers = pool.invokeAll(racers, 60, TimeUnit.SECONDS);
            Api.Response erasure = answers.get(0).get();
            assertThat(erasure.status()).as(erasure.body()).isIn(204, 409);
            if (erasure.status() == 409) {
                // it lost a race to a change of the same aggregate: asking again erases
                assertThat(api.call("DELETE", "/api/v1/admin/members/" + leaving.id()).token(admin)
                        .json(Map.of("reason", "a verified request")).send().status()).isEqualTo(204);
            }
            for (Future<Api.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isLessThan(500);
            }
        } finally {
            pool.shutdownNow();
        }

        String member = leaving.id();
        assertThat(count("select count(*) from account where member_id = ?::uuid", member)).isZero();
        assertThat(count("select count(*) from member_key where member_id = ?::uuid and wrapped_key is null",
                member)).isOne();
        assertThat(count("select count(*) from pairing_lookup where mentor_id = ?::uuid "
                         + "and status in ('PROPOSED', 'ACTIVE', 'PAUSED')", member))
                .as("no proposal or pairing left with them").isZero();
        assertThat(count("select count(*) from connection_lookup where (requester_id = ?::uuid or addressee_id = "
                         + "?::uuid) and status in ('REQUESTED', 'ACCEPTED')", member, member))
                .as("no connection left with them").isZero();
        assertThat(count("select count(*) from domain_event_entry where aggregate_identifier = ? "
                         + "and payload_type like '%MemberErasedEvent'", member)).isOne();
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                count("select count(*) from matching_member where member_id = ?::uuid", member)).isZero());
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }
}
