package org.lexnet.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.lexnet.query.mentorship.AuditPayloads;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * The audit's view of a payload: the event as stored, each sealed personal value opened where its key
 * still exists and replaced by {@value AuditPayloads#ERASED} where it does not. Read from the stored
 * form, not from the deserialized record, so that an erased value shows as erased rather than as a
 * missing one.
 */
@Component
class RevealedAuditPayloads implements AuditPayloads {

    private final Serializer serializer;
    private final PersonalDataCipher cipher;
    private final ObjectMapper json = new ObjectMapper();

    RevealedAuditPayloads(Serializer serializer, PersonalDataCipher cipher) {
        this.serializer = serializer;
        this.cipher = cipher;
    }

    @Override
    public Object show(DomainEventMessage<?> event) {
        return reveal(event.serializePayload(serializer, JsonNode.class).getData());
    }

    private JsonNode reveal(JsonNode node) {
        if (node.isTextual() && PersonalDataCipher.isSealed(node.textValue())) {
            Optional<byte[]> plaintext = cipher.open(node.textValue());
            return plaintext.map(this::parse).map(this::reveal).orElse(TextNode.valueOf(ERASED));
        }
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                copy.set(field.getKey(), reveal(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(element -> copy.add(reveal(element)));
            return copy;
        }
        return node;
    }

    private JsonNode parse(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("a sealed value is not JSON", e);
        }
    }
}
