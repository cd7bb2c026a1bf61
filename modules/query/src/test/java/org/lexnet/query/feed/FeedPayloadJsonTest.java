package org.lexnet.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lexnet.coreapi.member.MemberId;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payloads' JSON both ways, for every kind ({@code payloads.json}): a row as {@code feed_entry.payload}
 * holds it reads back as its kind's record and is written again in the same shape, and what its
 * recipient receives is, to the byte, what clients have always received (the {@code shown} object there,
 * property order included).
 */
class FeedPayloadJsonTest {

    /** Configured as the app's mapper is (Spring Boot's defaults, dates as ISO-8601 text). */
    static final ObjectMapper APP_JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static final JsonNode FIXTURE = fixture();

    /** One entry: its kind, its payload as stored, and as its recipient receives it. */
    record Case(FeedKind kind, JsonNode stored, JsonNode shown) {
        @Override
        public String toString() {
            return kind + " " + stored;
        }
    }

    static List<Case> cases() {
        return StreamSupport.stream(FIXTURE.get("entries").spliterator(), false)
                .map(entry -> new Case(FeedKind.valueOf(entry.get("kind").asText()), entry.get("stored"),
                        entry.get("shown")))
                .toList();
    }

    @Test
    void everyKindIsCovered() {
        assertThat(cases()).extracting(Case::kind).containsAll(List.of(FeedKind.values()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aStoredRowReadsBackAsItsKindsRecordAndIsWrittenAgainInTheSameShape(Case entry) throws Exception {
        FeedPayload<MemberId> payload = stored(entry);
        assertThat(payload).isInstanceOf(entry.kind().payloadType());
        assertThat(APP_JSON.readTree(APP_JSON.writeValueAsString(payload))).isEqualTo(entry.stored());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void whatTheRecipientReceivesIsTheWireFormatToTheByte(Case entry) throws Exception {
        FeedPayload<FeedDisclosure.Person> shown = FeedDisclosure.payload(entry.kind(), stored(entry), directory());
        assertThat(APP_JSON.writeValueAsString(shown)).isEqualTo(APP_JSON.writeValueAsString(entry.shown()));
    }

    @Test
    void aMessageCarriesItsPayloadLast() throws Exception {
        FeedMessage message = new FeedMessage(7, FeedKind.PAIRING_STARTED.name(),
                Instant.parse("2026-01-02T03:04:05.678Z"), new FeedPayload.Count<>(2));
        assertThat(APP_JSON.writeValueAsString(message)).isEqualTo(
                "{\"cursor\":7,\"kind\":\"PAIRING_STARTED\",\"occurredAt\":\"2026-01-02T03:04:05.678Z\","
                        + "\"payload\":{\"total\":2}}");
    }

    private static FeedPayload<MemberId> stored(Case entry) throws IOException {
        return FeedEntries.storedPayload(APP_JSON, entry.kind(), entry.stored().toString());
    }

    private static Map<MemberId, FeedDisclosure.Member> directory() {
        Map<MemberId, FeedDisclosure.Member> members = new HashMap<>();
        FIXTURE.get("members").fields().forEachRemaining(member -> members.put(MemberId.of(member.getKey()),
                new FeedDisclosure.Member(member.getValue().get("displayName").asText(),
                        member.getValue().get("visibleInNetwork").asBoolean())));
        return members;
    }

    private static JsonNode fixture() {
        try (InputStream in = FeedPayloadJsonTest.class.getResourceAsStream("payloads.json")) {
            return APP_JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
