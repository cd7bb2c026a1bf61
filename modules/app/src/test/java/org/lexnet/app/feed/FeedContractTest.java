package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract checker itself: it must reject what the document does not declare. */
class FeedContractTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final FeedContract contract = FeedContract.instance();

    @Test
    void aMessageAsDocumentedPasses() throws Exception {
        assertThat(contract.problems("/topic/network", json("""
                {"cursor": 7, "kind": "CONNECTION_MADE", "occurredAt": "2026-01-02T03:04:05.678Z",
                 "payload": {"members": [{"memberId": "8c7e1f8e-4a53-4d43-9b0e-0a4b8f8f4e11", "displayName": "Ann"},
                                         {"memberId": "2f0c5a36-0f2b-4c8e-9d0e-6c3a3f0d9b22", "displayName": null}]}}
                """))).isEmpty();
    }

    @Test
    void anUndeclaredFieldAWrongTypeOrAMissingFieldIsReported() throws Exception {
        assertThat(contract.problems("/topic/network", json("""
                {"cursor": 7, "kind": "MENTOR_OFFER_OPENED", "occurredAt": "2026-01-02T03:04:05Z",
                 "payload": {"stage": "SENIOR", "areas": ["CARE_SYSTEM"]}}
                """))).singleElement().asString().contains("$.payload.areas is sent but not declared");
        assertThat(contract.problems("/topic/network", json("""
                {"cursor": "7", "kind": "PAIRING_STARTED", "occurredAt": "yesterday", "payload": {}}
                """))).hasSize(3);
    }

    @Test
    void aKindOnTheWrongChannelOrAnUnknownChannelIsReported() throws Exception {
        JsonNode privateOnPublic = json("""
                {"cursor": 7, "kind": "CONNECTION_REQUESTED", "occurredAt": "2026-01-02T03:04:05Z",
                 "payload": {"connectionId": "8c7e1f8e-4a53-4d43-9b0e-0a4b8f8f4e11",
                             "other": {"memberId": "8c7e1f8e-4a53-4d43-9b0e-0a4b8f8f4e11", "displayName": "A"}}}
                """);
        assertThat(contract.problems("/user/queue/notifications", privateOnPublic)).isEmpty();
        assertThat(contract.problems("/topic/network", privateOnPublic)).singleElement().asString()
                .contains("not declared there");
        assertThat(contract.problems("/topic/other", privateOnPublic)).singleElement().asString()
                .contains("does not declare");
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
