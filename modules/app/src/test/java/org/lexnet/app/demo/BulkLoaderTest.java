package org.lexnet.app.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lexnet.app.demo.BulkLoader.Loaded;
import org.lexnet.app.demo.BulkLoader.Pairing;
import org.lexnet.app.demo.BulkLoader.Plan;
import org.lexnet.app.keys.MemberKeys;
import org.lexnet.app.keys.MemberKeys.MemberKey;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bulk loader's history is what the product stores and reads: a small load through the loader's entry
 * point, then the read models over HTTP (the member directory, a mentee's pairing, goal included) and the
 * stored payloads (personal values sealed, none in plaintext).
 */
class BulkLoaderTest extends IntegrationTest {

    private static final int MEMBERS = 40;
    private static final int EVENTS = 400;

    @Autowired
    private BulkLoader loader;

    @Autowired
    private PasswordEncoder passwords;

    @Autowired
    private MemberKeys keys;

    @Autowired
    private TransactionTemplate transaction;

    @Test
    void theLoadedHistoryIsReadByTheReadModelsAndItsPersonalDataIsSealed() {
        String label = "test-" + UUID.randomUUID().toString().substring(0, 8);
        Loaded loaded = loader.load(new Plan(MEMBERS, EVENTS, 7, 100, label));

        assertThat(loaded.members()).hasSize(MEMBERS);
        assertThat(loaded.events()).isBetween((long) EVENTS, EVENTS + 2L);
        assertThat(loader.loaded(label)).isTrue();
        List<String> ids = loaded.members().stream().map(MemberId::toString).toList();
        assertThat(jdbc.queryForObject("select count(*) from account where email like ?", Long.class,
                "bulk-" + label + "-%")).isEqualTo(MEMBERS);

        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            for (int i = 0; i < MEMBERS; i++) {
                Api.Response member = api.get("/api/v1/members/" + ids.get(i), admin);
                assertThat(member.status()).as(member.body()).isEqualTo(200);
                assertThat(member.json().get("displayName").asText()).isEqualTo(loaded.names().get(i));
            }
        });

        Pairing running = loaded.pairings().stream().filter(p -> p.status().equals("ACTIVE")).findFirst()
                .orElseThrow();
        String mentee = api.signIn(signInAs(label, loaded, running.mentee()), "bulk-test-password");
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> {
            Api.Response pairing = api.get("/api/v1/mentorships/" + running.id(), mentee);
            assertThat(pairing.status()).as(pairing.body()).isEqualTo(200);
            JsonNode body = pairing.json();
            assertThat(body.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(body.at("/mentor/memberId").asText()).isEqualTo(running.mentor().toString());
            assertThat(body.get("goals")).hasSize(1);
            assertThat(body.at("/goals/0/text").asText()).isNotBlank().doesNotStartWith("pd1:");
        });

        List<String> registrations = jdbc.queryForList("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = any (?) and payload_type like '%MemberRegisteredEvent'""",
                String.class, (Object) ids.toArray(String[]::new));
        assertThat(registrations).hasSize(MEMBERS);
        for (int i = 0; i < MEMBERS; i++) {
            String stored = jdbc.queryForObject("""
                    select convert_from(payload, 'UTF8') from domain_event_entry
                    where aggregate_identifier = ? and sequence_number = 0""", String.class, ids.get(i));
            assertThat(stored).contains("\"displayName\":\"pd1:" + ids.get(i) + ":")
                    .doesNotContain(loaded.names().get(i));
        }
        String goal = jdbc.queryForObject("""
                select convert_from(payload, 'UTF8') from domain_event_entry
                where aggregate_identifier = ? and payload_type like '%GoalSetEvent'""", String.class,
                running.id().toString());
        assertThat(goal).contains("\"text\":\"pd1:" + running.mentee() + ":");
    }

    @Test
    void keysReadiedInBulkAreMadeOnlyForMembersWithoutOneAndNeverForAnErasedMember() {
        UUID erased = UUID.randomUUID();
        UUID fresh = UUID.randomUUID();
        // erased on another node: the row says so, this node has never cached anything about the member
        jdbc.update("insert into member_key (member_id, wrapped_key, created_at, erased_at) values (?, null, now(), now())",
                erased);

        transaction.executeWithoutResult(tx -> keys.prepare(List.of(erased, fresh)));

        assertThat(jdbc.queryForObject("select wrapped_key is null from member_key where member_id = ?",
                Boolean.class, erased)).isTrue();
        assertThat(keys.forReading(erased)).containsInstanceOf(MemberKey.Erased.class);
        assertThat(keys.forWriting(erased)).isInstanceOf(MemberKey.Erased.class);
        assertThat(jdbc.queryForObject("select wrapped_key is not null from member_key where member_id = ?",
                Boolean.class, fresh)).isTrue();
        assertThat(keys.forReading(fresh)).containsInstanceOf(MemberKey.Present.class);
    }

    /** A bulk account cannot be signed in to; this one is given a password here, to read as that member. */
    private String signInAs(String label, Loaded loaded, MemberId member) {
        jdbc.update("update account set password_hash = ? where member_id = ?",
                passwords.encode("bulk-test-password"), member.value());
        return "bulk-" + label + "-" + loaded.members().indexOf(member) + "@bulk.lexnet.invalid";
    }
}
