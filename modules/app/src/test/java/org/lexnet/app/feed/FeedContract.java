package org.lexnet.app.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lexnet.app.support.JsonSchemaSubset;
import org.lexnet.app.support.RepositoryFiles;
import org.lexnet.query.feed.FeedDestinations;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * docs/asyncapi.yaml, read with SnakeYAML, as a checker for what the app really sends: which
 * channels exist, which message kinds each carries, and whether a received message fits its kind's
 * schema ({@link JsonSchemaSubset}). Every message a {@link FeedClient} receives is checked; what does
 * not fit is collected in {@link #violations()}, which each feed test asserts empty.
 */
public final class FeedContract {

    private static final FeedContract INSTANCE = new FeedContract(RepositoryFiles.locate("docs/asyncapi.yaml"));

    private final JsonNode document;
    private final JsonSchemaSubset schemas;
    private final List<String> violations = new CopyOnWriteArrayList<>();

    private FeedContract(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Object yaml = new Yaml().load(reader);
            this.document = new ObjectMapper().valueToTree(yaml);
            this.schemas = JsonSchemaSubset.of(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static FeedContract instance() {
        return INSTANCE;
    }

    JsonNode document() {
        return document;
    }

    public List<String> violations() {
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
    public void check(String destination, JsonNode body) {
        violations.addAll(problems(destination, body));
    }

    /** What does not fit the schema of the body's kind on the channel it came from; empty if it fits. */
    List<String> problems(String destination, JsonNode body) {
        // a circle's topic is declared once, with its id as a parameter
        String channel = FeedDestinations.circleOf(destination).isPresent()
                ? FeedDestinations.CIRCLE_TOPIC : destination;
        Map<String, JsonNode> kinds = channels().get(channel);
        if (kinds == null) {
            return List.of("a message arrived on " + destination + ", which the document does not declare");
        }
        String kind = body.path("kind").asText();
        JsonNode schema = kinds.get(kind);
        if (schema == null) {
            return List.of("kind " + kind + " arrived on " + destination + " but is not declared there: " + body);
        }
        return schemas.problems(body, schema).stream()
                .map(problem -> destination + " " + kind + ": " + problem + " in " + body).toList();
    }

    /** Follows local references ({@code #/components/...}) until a node without {@code $ref}. */
    JsonNode resolve(JsonNode node) {
        return schemas.resolve(node);
    }
}
