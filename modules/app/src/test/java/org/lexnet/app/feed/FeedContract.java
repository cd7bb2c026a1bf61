package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lexnet.app.support.RepositoryFiles;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * docs/asyncapi.yaml, read with SnakeYAML, as a checker for what the app really sends: which
 * channels exist, which message kinds each carries, and whether a received message fits its kind's
 * schema (the JSON Schema subset the document uses: $ref, type, const, enum, required, properties,
 * additionalProperties: false, items, maxItems, minimum, and the uuid and date-time formats). Every
 * message a {@link FeedClient} receives is checked; what does not fit is collected in
 * {@link #violations()}, which each feed test asserts empty.
 */
final class FeedContract {

    private static final FeedContract INSTANCE = new FeedContract(RepositoryFiles.locate("docs/asyncapi.yaml"));

    private final JsonNode document;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private FeedContract(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object yaml = new Yaml().load(reader);
            this.document = new ObjectMapper().valueToTree(yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FeedContract instance() {
        return INSTANCE;
    }

    JsonNode document() {
        return document;
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Channel address → for each message kind (its {@code name}) the schema of the whole STOMP body. */
    Map<String, Map<String, JsonNode>> channels() {
        Map<String, Map<String, JsonNode>> channels = new LinkedHashMap<>();
        document.get("channels").forEach(channel -> {
            Map<String, JsonNode> kinds = new LinkedHashMap<>();
            channel.get("messages").forEach(ref -> {
                JsonNode message = resolve(ref);
                kinds.put(message.get("name").asText(), resolve(message.get("payload")));
            });
            channels.put(channel.get("address").asText(), kinds);
        });
        return channels;
    }

    /** Checks one received body and records what does not fit (see {@link #violations()}). */
    void check(String destination, JsonNode body) {
        violations.addAll(problems(destination, body));
    }

    /** What does not fit the schema of the body's kind on the channel it came from; empty if it fits. */
    List<String> problems(String destination, JsonNode body) {
        Map<String, JsonNode> kinds = channels().get(destination);
        if (kinds == null) {
            return List.of("a message arrived on " + destination + ", which the document does not declare");
        }
        String kind = body.path("kind").asText();
        JsonNode schema = kinds.get(kind);
        if (schema == null) {
            return List.of("kind " + kind + " arrived on " + destination + " but is not declared there: " + body);
        }
        List<String> problems = new ArrayList<>();
        validate(body, schema, "$", problems);
        return problems.stream().map(p -> destination + " " + kind + ": " + p + " in " + body).toList();
    }

    private void validate(JsonNode value, JsonNode schema, String path, List<String> problems) {
        schema = resolve(schema);
        if (schema.has("const") && !schema.get("const").equals(value)) {
            problems.add(path + " is " + value + ", the document says " + schema.get("const"));
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            problems.add(path + " is " + value + ", not one of " + schema.get("enum"));
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            problems.add(path + " is " + value.getNodeType() + ", the document says " + schema.get("type"));
            return;
        }
        if (value.isTextual() && schema.has("format")) {
            checkFormat(schema.get("format").asText(), value.asText(), path, problems);
        }
        if (value.isNumber() && schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            problems.add(path + " is below " + schema.get("minimum"));
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            schema.path("required").forEach(r -> {
                if (!value.has(r.asText())) {
                    problems.add(path + "." + r.asText() + " is required but missing");
                }
            });
            for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (properties.has(name)) {
                    validate(value.get(name), properties.get(name), path + "." + name, problems);
                } else if (schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean()) {
                    problems.add(path + "." + name + " is sent but not declared");
                }
            }
        }
        if (value.isArray()) {
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                problems.add(path + " has more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int i = 0; i < value.size(); i++) {
                    validate(value.get(i), schema.get("items"), path + "[" + i + "]", problems);
                }
            }
        }
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (typeMatches(t, value)) {
                    return true;
                }
            }
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> false;
        };
    }

    private static void checkFormat(String format, String text, String path, List<String> problems) {
        try {
            switch (format) {
                case "uuid" -> UUID.fromString(text);
                case "date-time" -> OffsetDateTime.parse(text);
                default -> {
                    // other formats are descriptive only
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            problems.add(path + " is not a " + format + ": " + text);
        }
    }

    private static boolean contains(JsonNode array, JsonNode value) {
        for (JsonNode item : array) {
            if (item.equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Follows local references ({@code #/components/...}) until a node without {@code $ref}. */
    JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("only local references are supported: " + ref);
            }
            JsonNode target = document.at(ref.substring(1));
            if (target.isMissingNode()) {
                throw new IllegalStateException("dangling reference " + ref);
            }
            node = target;
        }
        return node;
    }
}
