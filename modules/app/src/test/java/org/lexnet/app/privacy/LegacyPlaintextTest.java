package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.People;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events written by the release before personal data was sealed are plaintext. They stay readable,
 * are sealed in place once, and are then erased like any other: tested on a store whose events were
 * written back exactly as that release wrote them (its serializer: Jackson, no sealing).
 */
class LegacyPlaintextTest extends IntegrationTest {

    @Autowired
    Serializer serializer;

    @Autowired
    LegacyPlaintextEncryption sealing;

    /** The previous release's event serializer. */
    private final Serializer previousRelease = JacksonSerializer.builder().objectMapper(new ObjectMapper()
            .registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).build();

    @Test
    void plaintextFromThePreviousReleaseStaysReadableIsSealedInPlaceAndIsThenErasedLikeTheRest() {
        String mark = UUID.randomUUID().toString().substring(0, 8);
        String name = "Lena Legacy " + mark;
        String message = "Lena's story, from before encryption " + mark;
        Api.Member lena = new People(api).member(name, "EMERGING", true, Map.of("CARE_SYSTEM", "NETWORK"));
        Api.Member peer = new People(api).mentee("Peer " + mark);
        assertThat(api.post("/api/v1/connections", lena.token(), Map.of("to", peer.id(), "message", message)).status())
                .isEqualTo(201);

        int rewritten = writeBackAsThePreviousReleaseDid(lena.id());
        assertThat(rewritten).isPositive();
        assertThat(payloadsMentioning(name)).as("the store is as the previous release left it").isPositive();

        // still readable: the aggregate loads and accepts a change; the read side shows her as she is
        assertThat(api.post("/api/v1/members/me/pause", lena.token(), null).status()).isEqualTo(200);
        await().atMost(PROJECTION_WAIT).untilAsserted(() -> assertThat(
                api.get("/api/v1/members/me", lena.token()).json().get("displayName").asText()).isEqualTo(name));

        jdbc.update("delete from legacy_plaintext_sealed");
        assertThat(sealing.sealAll()).isGreaterThanOrEqualTo(rewritten);
        assertThat(payloadsMentioning(name)).isZero();
        assertThat(payloadsMentioning(message)).isZero();
        assertThat(sealing.sealAll()).as("once done, never again").isZero();
        assertThat(api.post("/api/v1/members/me/resume", lena.token(), null).status()).as("and still readable")
                .isEqualTo(200);

        assertThat(api.call("DELETE", "/api/v1/members/me").token(lena.token())
                .json(Map.of("password", lena.password())).send().status()).isEqualTo(204);
        List<String> payloads = jdbc.queryForList("select convert_from(payload, 'UTF8') from domain_event_entry "
                                                  + "where aggregate_identifier = ?", String.class, lena.id());
        assertThat(payloads).isNotEmpty().noneMatch(p -> p.contains(name) || p.contains("CARE_SYSTEM"));
    }

    /** Re-serializes the member's events (and her connection's) with the previous release's serializer. */
    private int writeBackAsThePreviousReleaseDid(String memberId) {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select global_index, payload_type, payload_revision, payload from domain_event_entry
                where aggregate_identifier = ? or aggregate_identifier in (
                  select connection_id::text from connection_lookup where requester_id = ?::uuid)""",
                memberId, memberId);
        for (Map<String, Object> row : rows) {
            Object event = serializer.deserialize(new SimpleSerializedObject<>((byte[]) row.get("payload"),
                    byte[].class, (String) row.get("payload_type"), (String) row.get("payload_revision")));
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?",
                    previousRelease.serialize(event, byte[].class).getData(), row.get("global_index"));
        }
        return rows.size();
    }

    private long payloadsMentioning(String text) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where position(? in payload) > 0",
                Long.class, (Object) text.getBytes(StandardCharsets.UTF_8));
        return n == null ? 0 : n;
    }
}
