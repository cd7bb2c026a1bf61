package org.lexnet.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

/**
 * Checks a JSON value against a schema of an API document (the AsyncAPI or the OpenAPI one), in the
 * subset of JSON Schema those documents use: local {@code $ref}, type, const, enum, required,
 * properties, additionalProperties: false, items, minItems, maxItems, minLength, maxLength, minimum,
 * maximum, allOf, oneOf, and the uuid, date and date-time formats. Small enough to read, and strict
 * where a general validator would be lenient in a way that hides a drifting document.
 */
public final class JsonSchemaSubset {

    private final JsonNode document;
    private final boolean declaredOnly;

    private JsonSchemaSubset(JsonNode document, boolean declaredOnly) {
        this.document = document;
        this.declaredOnly = declaredOnly;
    }

    /** Object properties a schema does not declare are allowed unless it says additionalProperties: false. */
    public static JsonSchemaSubset of(JsonNode document) {
        return new JsonSchemaSubset(document, false);
    }

    /**
     * Every property of an object must be declared by its schema, whatever additionalProperties says: for
     * examples, which should show only what the document describes (springdoc never writes
     * additionalProperties: false, though the app refuses unknown fields).
     */
    public static JsonSchemaSubset declaredOnly(JsonNode document) {
        return new JsonSchemaSubset(document, true);
    }

    /** What does not fit, each as "path what"; empty if the value fits. */
    public List<String> problems(JsonNode value, JsonNode schema) {
        List<String> problems = new ArrayList<>();
        validate(value, schema, "$", problems);
        return problems;
    }

    /** Follows local references ({@code #/components/...}) until a node without {@code $ref}. */
    public JsonNode resolve(JsonNode node) {
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

    private void validate(JsonNode value, JsonNode schema, String path, List<String> problems) {
        schema = resolve(schema);
        schema.path("allOf").forEach(part -> validate(value, part, path, problems));
        if (schema.has("oneOf")) {
            int fitting = 0;
            for (JsonNode alternative : schema.get("oneOf")) {
                fitting += problems(value, alternative).isEmpty() ? 1 : 0;
            }
            if (fitting != 1) {
                problems.add(path + " fits " + fitting + " of the oneOf alternatives, not exactly one");
            }
        }
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
        if (value.isTextual()) {
            checkText(schema, value.asText(), path, problems);
        }
        if (value.isNumber() && schema.has("minimum") && value.decimalValue()
                .compareTo(schema.get("minimum").decimalValue()) < 0) {
            problems.add(path + " is below " + schema.get("minimum"));
        }
        if (value.isNumber() && schema.has("maximum") && value.decimalValue()
                .compareTo(schema.get("maximum").decimalValue()) > 0) {
            problems.add(path + " is above " + schema.get("maximum"));
        }
        if (value.isObject()) {
            checkObject(value, schema, path, problems);
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                problems.add(path + " has fewer than " + schema.get("minItems") + " items");
            }
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

    private void checkObject(JsonNode value, JsonNode schema, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        schema.path("required").forEach(r -> {
            if (!value.has(r.asText())) {
                problems.add(path + "." + r.asText() + " is required but missing");
            }
        });
        boolean closed = declaredOnly && schema.has("properties")
                         || schema.path("additionalProperties").isBoolean()
                            && !schema.get("additionalProperties").asBoolean();
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                validate(value.get(name), properties.get(name), path + "." + name, problems);
            } else if (closed) {
                problems.add(path + "." + name + " is sent but not declared");
            }
        }
    }

    private static void checkText(JsonNode schema, String text, String path, List<String> problems) {
        int length = text.codePointCount(0, text.length());
        if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
            problems.add(path + " is shorter than " + schema.get("minLength") + " characters");
        }
        if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
            problems.add(path + " is longer than " + schema.get("maxLength") + " characters");
        }
        if (schema.has("format")) {
            checkFormat(schema.get("format").asText(), text, path, problems);
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
                case "date" -> LocalDate.parse(text);
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
}
