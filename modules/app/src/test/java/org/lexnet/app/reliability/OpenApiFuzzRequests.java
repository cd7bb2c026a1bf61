package org.lexnet.app.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Requests for every operation of an OpenAPI 3 document, deterministic for a seed: for each operation
 * a valid-looking request first, then that request broken one way at a time — its token, each path and
 * query parameter, its headers and Content-Type, and each field of its body (as the schema describes it,
 * {@code $ref}s resolved) dropped, mistyped, nulled or filled with hostile text and numbers, and the
 * body as a whole malformed, empty, huge or deeply nested.
 */
final class OpenApiFuzzRequests {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    /** Just over the app's 64 KB body limit, so that a body carrying it must be refused with 413. */
    private static final int OVER_BODY_LIMIT = 100_000;
    /** Under the body limit but over any field's maximum length. */
    private static final int UNDER_BODY_LIMIT = 60_000;
    /** Deeper than Jackson's default nesting limit (1,000). */
    private static final int TOO_DEEP = 5_000;
    private static final int DEEP = 500;

    /** Field names whose values are codes of the taxonomy ({@code GET /api/v1/taxonomy}), by taxonomy list. */
    private static final Map<String, String> CODED_FIELDS = Map.ofEntries(Map.entry("region", "regions"),
            Map.entry("stage", "stages"), Map.entry("stages", "stages"),
            Map.entry("managementYears", "managementYears"),
            Map.entry("roles", "roles"), Map.entry("sectors", "sectors"), Map.entry("needs", "competencies"),
            Map.entry("strengths", "competencies"), Map.entry("learningPreferences", "learningPreferences"),
            Map.entry("areas", "areas"), Map.entry("code", "areas"), Map.entry("focus", "competencies"),
            Map.entry("competencies", "competencies"));

    /**
     * One operation of the document; {@code open} when the document names no security requirement for it
     * (sending no token is then the valid-looking request).
     */
    record Operation(String method, String template, List<JsonNode> parameters, JsonNode bodySchema, boolean open) {

        String name() {
            return method + " " + template;
        }

        boolean admin() {
            return template.startsWith("/api/v1/admin/");
        }

        boolean signIn() {
            return method.equals("POST") && template.equals("/api/v1/auth/token");
        }
    }

    /**
     * What a request must get besides an answer below 500 in the right form: nothing more, a refusal
     * (4xx: the schema, the taxonomy or the token rules forbid what it sends), or 413 (its body is over
     * the 64 KB limit).
     */
    enum Expect { ANSWER, REFUSAL, TOO_LARGE }

    /**
     * One request to send: its method (the operation's, but for methods the path does not have), its
     * bytes, what it must get, and what it is for the report.
     */
    record Request(Operation operation, String method, String variant, String target, Map<String, String> headers,
                   byte[] body, String fromAddress, Expect expect) {

        Request expecting(Expect expected) {
            return new Request(operation, method, variant, target, headers, body, fromAddress, expected);
        }
    }

    /**
     * What exists in the app under test: tokens, real ids per collection of the path ("members",
     * "mentorships", ...), the taxonomy's codes per list, sign-in credentials that work, and known-good
     * values for query parameters the schema does not enumerate.
     */
    /** Members made to be erased by the admin erasure endpoint, one per request that succeeds. */
    static final String ERASABLE_MEMBERS = "erasable-members";

    record Fixtures(String memberToken, String adminToken, String memberId, Map<String, List<String>> idsByCollection,
                    Map<String, List<String>> codes, String email, String password,
                    Map<String, List<String>> queryValues) {
    }

    /** A path or query value as it goes on the wire (percent-encoded as meant), its label, what it must get. */
    private record WireValue(String label, String wire, Expect expect) {
        WireValue(String label, String wire) {
            this(label, wire, Expect.ANSWER);
        }

        static WireValue refused(String label, String wire) {
            return new WireValue(label, wire, Expect.REFUSAL);
        }
    }

    /** A value for a field of the body, and what a body holding it must get. */
    private record FieldValue(JsonNode value, Expect expect) {
    }

    /** A field of the body, or an item of an array: where it is, its schema and name, whether it is required. */
    private record Slot(List<Object> path, JsonNode schema, String name, boolean required) {

        boolean item() {
            return path.get(path.size() - 1) instanceof Integer;
        }

        String label() {
            StringBuilder s = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer i) {
                    s.append('[').append(i).append(']');
                } else {
                    s.append(s.isEmpty() ? "" : ".").append(step);
                }
            }
            return s.toString();
        }
    }

    private final JsonNode document;
    private final Fixtures fixtures;
    private final Random random;
    private int signInAddresses;
    private int serial;

    OpenApiFuzzRequests(JsonNode document, Fixtures fixtures, long seed) {
        this.document = document;
        this.fixtures = fixtures;
        this.random = new Random(seed);
    }

    /** Every operation of every path, in the document's order. */
    List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> {
            JsonNode shared = path.getValue().path("parameters");
            path.getValue().fields().forEachRemaining(op -> {
                if (!METHODS.contains(op.getKey())) {
                    return;
                }
                List<JsonNode> parameters = new ArrayList<>();
                shared.forEach(p -> parameters.add(resolve(p)));
                op.getValue().path("parameters").forEach(p -> parameters.add(resolve(p)));
                JsonNode content = resolve(op.getValue().path("requestBody")).path("content");
                JsonNode schema = content.isObject() && content.size() > 0
                        ? resolve(content.path("application/json").path("schema")) : null;
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security")
                        : document.path("security");
                operations.add(new Operation(op.getKey().toUpperCase(Locale.ROOT), path.getKey(), parameters,
                        schema == null || schema.isMissingNode() ? null : schema, security.isEmpty()));
            });
        });
        return operations;
    }

    /**
     * The methods the document does not list for the path, each sent once, as the path's first operation
     * would have been sent.
     */
    List<Request> otherMethods(Operation firstOfPath, Set<String> listed) {
        List<Request> requests = new ArrayList<>();
        for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD", "TRACE")) {
            if (!listed.contains(method)) {
                Request request = build(firstOfPath, "method " + method + " (not in the document)",
                        defaultToken(firstOfPath), pathValues(firstOfPath, Map.of()),
                        queryValues(firstOfPath, Map.of(), false), Map.of(), contentTypeFor(firstOfPath),
                        bodyFor(firstOfPath));
                requests.add(new Request(firstOfPath, method, request.variant(), request.target(), request.headers(),
                        request.body(), request.fromAddress(), Expect.ANSWER));
            }
        }
        return requests;
    }

    /** The valid-looking request of the operation, then every variant of it. */
    List<Request> requestsFor(Operation op) {
        List<Request> requests = new ArrayList<>();
        requests.add(build(op, "valid", defaultToken(op), pathValues(op, Map.of()), queryValues(op, Map.of(), false),
                Map.of(), contentTypeFor(op), bodyFor(op)));
        requests.add(build(op, "valid, every optional query parameter", defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), true), Map.of(), contentTypeFor(op), bodyFor(op)));
        tokenVariants(op, requests);
        pathVariants(op, requests);
        queryVariants(op, requests);
        headerVariants(op, requests);
        contentTypeVariants(op, requests);
        if (op.bodySchema() != null) {
            bodyVariants(op, requests);
        } else {
            unexpectedBodies(op, requests);
        }
        return requests;
    }

    // --- who asks

    private void tokenVariants(Operation op, List<Request> out) {
        String realToken = fixtures.memberToken();
        String tampered = realToken.substring(0, realToken.length() - 4)
                          + (realToken.endsWith("AAAA") ? "BBBB" : "AAAA");
        String[] parts = realToken.split("\\.");
        String unsigned = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".";
        Map<String, String> authorizations = new LinkedHashMap<>();
        authorizations.put("no token", null);
        authorizations.put("member token", "Bearer " + fixtures.memberToken());
        authorizations.put("admin token", "Bearer " + fixtures.adminToken());
        authorizations.put("garbage token", "Bearer garbage");
        authorizations.put("empty bearer", "Bearer ");
        authorizations.put("tampered signature", "Bearer " + tampered);
        authorizations.put("alg none", "Bearer " + unsigned);
        authorizations.put("basic credentials", "Basic " + b64("admin:admin"));
        authorizations.put("6,000-character token", "Bearer " + "A".repeat(6_000));
        authorizations.put("token with a NUL byte", "Bearer abc\u0000def");
        authorizations.forEach((label, authorization) -> {
            Request request = build(op, "auth: " + label, authorization, pathValues(op, Map.of()),
                    queryValues(op, Map.of(), false), Map.of(), contentTypeFor(op), bodyFor(op));
            boolean opens = authorization != null && (authorization.endsWith(fixtures.adminToken())
                    || authorization.endsWith(fixtures.memberToken()) && !op.admin());
            out.add(op.open() || opens ? request : request.expecting(Expect.REFUSAL));
        });
    }

    // --- path parameters

    private void pathVariants(Operation op, List<Request> out) {
        for (JsonNode parameter : op.parameters()) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            List<WireValue> values = new ArrayList<>();
            List<String> real = fixtures.idsByCollection().getOrDefault(collectionOf(op, name), List.of());
            for (int i = 0; i < real.size(); i++) {
                values.add(new WireValue("real id " + (i + 1), real.get(i)));
                values.add(new WireValue("real id " + (i + 1) + " in upper case",
                        real.get(i).toUpperCase(Locale.ROOT)));
            }
            values.add(new WireValue("random UUID", randomUuid()));
            values.add(new WireValue("random UUID", randomUuid()));
            values.add(new WireValue("nil UUID", "00000000-0000-0000-0000-000000000000"));
            if (!collectionOf(op, name).equals(ERASABLE_MEMBERS)) {
                // the fuzzer's own member is only ever a target where acting on it is not for good
                values.add(new WireValue("own member id", fixtures.memberId()));
            }
            malformedSegments().forEach(values::add);
            for (WireValue value : values) {
                for (String token : real.isEmpty() || !value.label().startsWith("real id")
                        ? List.of(defaultToken(op)) : tokensFor(op)) {
                    out.add(build(op, "path " + name + ": " + value.label() + tokenLabel(token), token,
                            pathValues(op, Map.of(name, value.wire())), queryValues(op, Map.of(), false), Map.of(),
                            contentTypeFor(op), bodyFor(op)).expecting(value.expect()));
                }
            }
        }
    }

    /** Ids that name nothing are refused whatever the path; where empty or dot segments lead depends on it. */
    private List<WireValue> malformedSegments() {
        return List.of(WireValue.refused("not-a-uuid", "not-a-uuid"), WireValue.refused("%00", "%00"),
                WireValue.refused("..%2f..", "..%2f.."), WireValue.refused("%ff", "%ff"),
                WireValue.refused("3,000 characters", "a".repeat(3_000)),
                WireValue.refused("SQL", encode("'; drop table account; --")),
                WireValue.refused("emoji", encode("\uD83E\uDD84")), WireValue.refused("RLO", encode("\u202E")),
                new WireValue("empty", ""), new WireValue("..", ".."), new WireValue("%2e%2e", "%2e%2e"),
                WireValue.refused("encoded slash", "a%2Fb"), WireValue.refused("backslash", "%5C"),
                WireValue.refused("space", "%20"), WireValue.refused("0", "0"), WireValue.refused("-1", "-1"),
                WireValue.refused("huge number", "99999999999999999999"), WireValue.refused("null", "null"),
                new WireValue("me", "me"), WireValue.refused("UUID in braces", encode("{" + randomUuid() + "}")),
                WireValue.refused("UUID without dashes", randomUuid().replace("-", "")),
                WireValue.refused("overlong UTF-8 slash", "%c0%af"),
                WireValue.refused("semicolon parameter", "x;jsessionid=1"),
                WireValue.refused("<script>", encode("<script>alert(1)</script>")));
    }

    /**
     * The collection whose real ids fill a path parameter: the segment before it, but the admin erasure
     * gets members of its own (an erasure is for good: it must not take the fuzzer's member with it).
     */
    private static String collectionOf(Operation op, String parameter) {
        if (op.method().equals("DELETE") && op.template().equals("/api/v1/admin/members/{id}")) {
            return ERASABLE_MEMBERS;
        }
        return collectionOf(op.template(), parameter);
    }

    private static String collectionOf(String template, String parameter) {
        String[] segments = template.split("/");
        for (int i = 1; i < segments.length; i++) {
            if (segments[i].equals("{" + parameter + "}")) {
                return segments[i - 1];
            }
        }
        return "";
    }

    // --- query parameters

    private void queryVariants(Operation op, List<Request> out) {
        for (JsonNode parameter : op.parameters()) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            JsonNode schema = resolve(parameter.path("schema"));
            List<WireValue> values = new ArrayList<>();
            schema.path("enum").forEach(e -> values.add(new WireValue(e.asText(), encode(e.asText()))));
            fixtures.queryValues().getOrDefault(name, List.of())
                    .forEach(v -> values.add(new WireValue("known " + v, encode(v))));
            boolean enumerated = schema.path("enum").size() > 0;
            if (enumerated) {
                String first = schema.path("enum").get(0).asText();
                values.add(WireValue.refused("lower-case enum value", encode(first.toLowerCase(Locale.ROOT))));
                values.add(WireValue.refused("unknown enum value", "UNKNOWN"));
                values.add(WireValue.refused("wrong type: number", "42"));
            }
            boolean integer = isInteger(schema);
            if (integer) {
                boolean int32 = "int32".equals(schema.path("format").asText());
                values.add(new WireValue("1", "1"));
                values.add(new WireValue("200", "200"));
                values.add(new WireValue("201", "201"));
                values.add(new WireValue("0", "0"));
                values.add(WireValue.refused("wrong type: text", "abc"));
                values.add(WireValue.refused("wrong type: fraction", "1.5"));
                values.add(WireValue.refused("wrong type: boolean", "true"));
                values.add(WireValue.refused("exponent", "1e3"));
                values.add(new WireValue("hex", "0x10"));
                values.add(new WireValue("2147483648", "2147483648", int32 ? Expect.REFUSAL : Expect.ANSWER));
                values.add(WireValue.refused("9223372036854775808", "9223372036854775808"));
            } else if (!enumerated) {
                values.add(new WireValue("wrong type: number", "42"));
            }
            values.add(new WireValue("negative", "-1", enumerated ? Expect.REFUSAL : Expect.ANSWER));
            values.add(new WireValue("huge negative", "-99999999999999999999",
                    enumerated || integer ? Expect.REFUSAL : Expect.ANSWER));
            values.add(new WireValue("huge", "99999999999999999999",
                    enumerated || integer ? Expect.REFUSAL : Expect.ANSWER));
            values.add(new WireValue("empty", ""));
            values.add(new WireValue("NUL", "%00"));
            values.add(new WireValue("%ff", "%ff"));
            values.add(new WireValue("RLO", encode("a\u202Eb")));
            values.add(new WireValue("SQL", encode("'; drop table account; --")));
            values.add(new WireValue("3,000 characters", "a".repeat(3_000)));
            values.add(new WireValue("emoji", encode("\uD83E\uDD84")));
            values.add(new WireValue("<script>", encode("<script>alert(1)</script>")));
            values.add(new WireValue("leading space", "%201"));
            for (WireValue value : values) {
                out.add(build(op, "query " + name + ": " + value.label(), defaultToken(op), pathValues(op, Map.of()),
                        queryValues(op, Map.of(name, value.wire()), false), Map.of(), contentTypeFor(op), bodyFor(op))
                        .expecting(value.expect()));
            }
            String valid = validQueryValue(name, schema);
            out.add(build(op, "query " + name + ": given twice", defaultToken(op), pathValues(op, Map.of()),
                    queryValues(op, Map.of(name, valid + "&" + name + "=" + valid), false), Map.of(),
                    contentTypeFor(op), bodyFor(op)));
            out.add(build(op, "query " + name + ": without =", defaultToken(op), pathValues(op, Map.of()),
                    "?" + name, Map.of(), contentTypeFor(op), bodyFor(op)));
        }
    }

    // --- headers

    private void headerVariants(Operation op, List<Request> out) {
        boolean declaresIfMatch = op.parameters().stream()
                .anyMatch(p -> "header".equals(p.path("in").asText()) && "If-Match".equals(p.path("name").asText()));
        // no ETag the API hands out (a version, quoted) looks like these, nor matches a negative version
        List<String> neverMatch = List.of("garbage", "\"abc\"", "\"-1\"", "-1", "\"99999999999999999999\"",
                "\"1\", \"2\"", "\"" + "9".repeat(3_000) + "\"", "\"\"", "1.5");
        List<String> values = new ArrayList<>(neverMatch);
        if (declaresIfMatch) {
            values.addAll(List.of("W/\"1\"", "\"0\"", "*", "\"1"));
        } else {
            values.retainAll(List.of("garbage"));
        }
        for (String value : values) {
            Request request = build(op, "If-Match: " + shortLabel(value), defaultToken(op), pathValues(op, Map.of()),
                    queryValues(op, Map.of(), false), Map.of("If-Match", value), contentTypeFor(op), bodyFor(op));
            out.add(declaresIfMatch && neverMatch.contains(value) ? request.expecting(Expect.REFUSAL) : request);
        }
        Map<String, String> odd = new LinkedHashMap<>();
        odd.put("Accept: text/html", "text/html");
        odd.put("Accept: application/xml", "application/xml");
        odd.put("Accept: garbage", "garbage");
        odd.put("Accept: 60 media types", "application/x-a, ".repeat(60) + "*/*");
        odd.forEach((label, accept) -> out.add(build(op, label, defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of("Accept", accept), contentTypeFor(op), bodyFor(op))));
        out.add(build(op, "X-Correlation-Id: hostile", defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of("X-Correlation-Id", "x\"}{<script>" + "z".repeat(500)),
                contentTypeFor(op), bodyFor(op)));
    }

    private void contentTypeVariants(Operation op, List<Request> out) {
        List<String> types = op.bodySchema() != null
                ? List.of("*/*", "application/", "text/plain", "", "application/*",
                "application/json; charset=ISO-8859-1", "application/json; charset=nonsense", "application/xml",
                "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/problem+json",
                "application/json;;", "application/json; q=\"")
                : List.of("*/*", "application/", "text/plain");
        // JSON by another name, or a type whose odd parameters a parser may forgive; the rest is no JSON body
        Set<String> json = Set.of("application/json; charset=ISO-8859-1", "application/problem+json",
                "application/json;;", "application/json; q=\"");
        for (String type : types) {
            Request request = build(op, "Content-Type: " + (type.isEmpty() ? "missing" : type), defaultToken(op),
                    pathValues(op, Map.of()), queryValues(op, Map.of(), false), Map.of(), type.isEmpty() ? null : type,
                    op.bodySchema() != null ? bodyFor(op) : utf8("{}"));
            out.add(op.bodySchema() == null || json.contains(type) ? request : request.expecting(Expect.REFUSAL));
        }
    }

    // --- bodies

    private void bodyVariants(Operation op, List<Request> out) {
        for (int i = 0; i < 2; i++) {
            body(op, "another valid-looking body", bodyFor(op), Expect.ANSWER, out);
        }
        body(op, "only the required fields", bytes(validObject(op.bodySchema(), "", false)), Expect.ANSWER, out);
        if (op.signIn()) {
            ObjectNode real = NODES.objectNode().put("email", fixtures.email()).put("password", fixtures.password());
            body(op, "the member's real credentials", bytes(real), Expect.ANSWER, out);
        }

        List<Slot> slots = new ArrayList<>();
        collectSlots(op.bodySchema(), new ArrayList<>(), "", true, slots);
        for (Slot slot : slots) {
            fieldVariants(op, slot, out);
        }

        Map<String, UnaryOperator<ObjectNode>> extras = new LinkedHashMap<>();
        extras.put("unknown field", o -> o.put("unexpected", 1));
        extras.put("unknown field @class", o -> o.put("@class", "java.lang.ProcessBuilder"));
        extras.put("unknown field __proto__", o -> o.set("__proto__", NODES.objectNode().put("admin", true)));
        extras.put("unknown field role", o -> o.put("role", "ADMIN"));
        extras.put("unknown field id", o -> o.put("id", randomUuid()));
        extras.put("unknown field with an empty name", o -> o.put("", 1));
        extras.put("3,000 unknown fields", o -> {
            for (int i = 0; i < 3_000; i++) {
                o.put("f" + i, i);
            }
            return o;
        });
        extras.forEach((label, change) -> body(op, label, bytes(change.apply(valid(op))), Expect.REFUSAL, out));

        String valid = new String(bytes(valid(op)), StandardCharsets.UTF_8);
        String inner = valid.substring(1, valid.length() - 1);
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("malformed: truncated", valid.substring(0, valid.length() / 2));
        refused.put("malformed: lone {", "{");
        refused.put("malformed: missing value", "{\"a\":}");
        refused.put("malformed: trailing comma", "{" + inner + ",}");
        refused.put("malformed: single quotes", valid.replace('"', '\''));
        refused.put("malformed: comment", "{/* hi */" + inner + "}");
        refused.put("malformed: unquoted key", "{a:1}");
        refused.put("malformed: NaN", "{\"a\":NaN}");
        refused.put("malformed: raw tab in a string", "{\"a\":\"x\ty\"}");
        refused.put("malformed: trailing garbage", valid + " x");
        refused.put("malformed: two objects", valid + valid);
        refused.put("a key given twice", "{" + inner + (inner.isEmpty() ? "" : ",") + inner + "}");
        refused.put("empty body", "");
        refused.put("whitespace body", "   \n ");
        refused.put("JSON null", "null");
        refused.put("JSON array instead of an object", "[]");
        refused.put("the valid object inside an array", "[" + valid + "]");
        refused.put("JSON string instead of an object", "\"text\"");
        refused.put("JSON number instead of an object", "42");
        refused.put("JSON boolean instead of an object", "true");
        refused.put("nested arrays 5,000 deep", "[".repeat(TOO_DEEP) + "]".repeat(TOO_DEEP));
        refused.put("nested objects 5,000 deep", "{\"a\":".repeat(TOO_DEEP) + "1" + "}".repeat(TOO_DEEP));
        refused.put("nested arrays 500 deep", "[".repeat(DEEP) + "]".repeat(DEEP));
        refused.forEach((label, text) -> body(op, label, utf8(text), Expect.REFUSAL, out));
        body(op, "empty object", utf8("{}"), Expect.ANSWER, out);
        body(op, "100 KB of padding after the object", utf8(valid + " ".repeat(OVER_BODY_LIMIT)), Expect.TOO_LARGE,
                out);
        body(op, "60 KB of whitespace before the object", utf8(" ".repeat(UNDER_BODY_LIMIT) + valid), Expect.ANSWER,
                out);

        body(op, "byte-order mark before the object", concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                utf8(valid)), Expect.ANSWER, out);
        body(op, "UTF-16 body", valid.getBytes(StandardCharsets.UTF_16LE), Expect.ANSWER, out);
        body(op, "invalid UTF-8 in a string", concat(utf8("{\"a\":\""), new byte[]{(byte) 0xC3, (byte) 0x28,
                (byte) 0xFF}, utf8("\"}")), Expect.REFUSAL, out);
        // Jackson decodes an overlong form like any other (here to a NUL, which ids and enum values shed
        // as whitespace): what each field makes of a NUL is what the fields' own NUL variants check
        body(op, "overlong UTF-8 NUL in a string", concat(prefixOfFirstString(valid), new byte[]{(byte) 0xC0,
                (byte) 0x80}, suffixOfFirstString(valid)), Expect.ANSWER, out);
        body(op, "binary garbage", randomBytes(512), Expect.REFUSAL, out);

        byte[] overLimit = chunked(concat(utf8(valid), utf8(" ".repeat(OVER_BODY_LIMIT))));
        out.add(build(op, "body: 100 KB chunked", defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of("Transfer-Encoding", "chunked"), "application/json", overLimit)
                .expecting(Expect.TOO_LARGE));
        out.add(build(op, "body: valid object chunked", defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of("Transfer-Encoding", "chunked"), "application/json",
                chunked(bytes(valid(op)))));
    }

    private void fieldVariants(Operation op, Slot slot, List<Request> out) {
        String field = slot.label();
        out.add(bodyRequest(op, "drop " + field + (slot.required() ? " (required)" : ""),
                slot.required() ? Expect.REFUSAL : Expect.ANSWER, o -> remove(o, slot.path())));
        out.add(bodyRequest(op, field + " = null", slot.required() || slot.item() ? Expect.REFUSAL : Expect.ANSWER,
                o -> replace(o, slot.path(), NODES.nullNode())));
        JsonNode schema = slot.schema();
        Map<String, FieldValue> values = new LinkedHashMap<>();
        switch (schema.path("type").asText()) {
            case "string" -> {
                values.put("wrong type: number", refused(NODES.numberNode(12345)));
                values.put("wrong type: boolean", refused(NODES.booleanNode(true)));
                values.put("wrong type: object", refused(NODES.objectNode().put("a", "b")));
                values.put("wrong type: array", refused(NODES.arrayNode().add("x")));
                values.putAll(stringValues(slot));
            }
            case "integer", "number" -> {
                values.put("wrong type: string", refused(NODES.textNode("1")));
                values.put("wrong type: boolean", refused(NODES.booleanNode(true)));
                values.put("wrong type: array", refused(NODES.arrayNode().add(1)));
                values.put("wrong type: object", refused(NODES.objectNode()));
                long minimum = schema.path("minimum").asLong(Long.MIN_VALUE);
                long maximum = schema.path("maximum").asLong(Long.MAX_VALUE);
                List<Long> numbers = new ArrayList<>(List.of(-1L, 0L));
                if (schema.has("minimum")) {
                    numbers.add(minimum - 1);
                }
                if (schema.has("maximum")) {
                    numbers.add(maximum + 1);
                }
                for (long number : numbers) {
                    values.put(Long.toString(number), new FieldValue(NODES.numberNode(number),
                            number < minimum || number > maximum ? Expect.REFUSAL : Expect.ANSWER));
                }
                Expect beyondInt32 = "int32".equals(schema.path("format").asText()) ? Expect.REFUSAL : Expect.ANSWER;
                values.put("2147483648", new FieldValue(NODES.numberNode(2_147_483_648L), beyondInt32));
                values.put("-2147483649", new FieldValue(NODES.numberNode(-2_147_483_649L), beyondInt32));
                for (String number : List.of("1e309", "-1e309", "99999999999999999999")) {
                    values.put(number, refused(NODES.rawValueNode(new RawValue(number))));
                }
                Expect fraction = "integer".equals(schema.path("type").asText()) ? Expect.REFUSAL : Expect.ANSWER;
                values.put("1.5", new FieldValue(NODES.rawValueNode(new RawValue("1.5")), fraction));
                for (String number : List.of("1.0", "1e0", "-0", "4.9e-324")) {
                    values.put(number, answered(NODES.rawValueNode(new RawValue(number))));
                }
            }
            case "boolean" -> {
                values.put("wrong type: string", refused(NODES.textNode("true")));
                values.put("wrong type: number", refused(NODES.numberNode(1)));
                values.put("wrong type: word", refused(NODES.textNode("yes")));
                values.put("wrong type: array", refused(NODES.arrayNode().add(true)));
            }
            case "array" -> {
                JsonNode items = resolve(schema.path("items"));
                boolean ofText = "string".equals(items.path("type").asText());
                values.put("wrong type: string", refused(NODES.textNode("x")));
                values.put("wrong type: object", refused(NODES.objectNode()));
                values.put("wrong type: number", refused(NODES.numberNode(1)));
                values.put("empty array", answered(NODES.arrayNode()));
                values.put("array of null", refused(NODES.arrayNode().addNull()));
                values.put("array of arrays", refused(NODES.arrayNode().add(NODES.arrayNode().add("x"))));
                values.put("array of numbers", refused(NODES.arrayNode().add(1).add(2)));
                values.put("array of objects", new FieldValue(NODES.arrayNode().add(NODES.objectNode()),
                        ofText || items.has("required") ? Expect.REFUSAL : Expect.ANSWER));
                values.put("the same item twice", answered(twice(validValue(items, slot.name()))));
                int maxItems = schema.path("maxItems").asInt(Integer.MAX_VALUE);
                if (maxItems < 5_000) {
                    values.put((maxItems + 1) + " items", refused(repeated(slot, maxItems + 1)));
                }
                values.put("5,000 items", new FieldValue(repeated(slot, 5_000),
                        maxItems < 5_000 ? Expect.REFUSAL : Expect.ANSWER));
                values.put("30,000 items", new FieldValue(repeated(slot, 30_000), Expect.TOO_LARGE));
                values.put("nested 500 deep", refused(NODES.rawValueNode(new RawValue("[".repeat(DEEP)
                                                                                     + "]".repeat(DEEP)))));
                values.put("nested 5,000 deep", refused(NODES.rawValueNode(new RawValue("[".repeat(TOO_DEEP)
                                                                                       + "]".repeat(TOO_DEEP)))));
            }
            case "object" -> {
                values.put("wrong type: string", refused(NODES.textNode("x")));
                values.put("wrong type: array", refused(NODES.arrayNode()));
                values.put("wrong type: number", refused(NODES.numberNode(1)));
                values.put("empty object", new FieldValue(NODES.objectNode(),
                        schema.has("required") ? Expect.REFUSAL : Expect.ANSWER));
                values.put("unknown field inside",
                        refused(validObject(schema, slot.name(), true).put("unexpected", 1)));
                values.put("nested 5,000 deep", refused(NODES.rawValueNode(new RawValue(
                        "{\"a\":".repeat(TOO_DEEP) + "1" + "}".repeat(TOO_DEEP)))));
            }
            default -> {
            }
        }
        values.forEach((label, value) -> out.add(bodyRequest(op, field + ": " + label, value.expect(),
                o -> replace(o, slot.path(), value.value()))));
    }

    private Map<String, FieldValue> stringValues(Slot slot) {
        JsonNode schema = slot.schema();
        Map<String, FieldValue> values = new LinkedHashMap<>();
        boolean enumerated = schema.has("enum");
        if (enumerated) {
            schema.get("enum").forEach(e -> values.put("enum " + e.asText(), answered(NODES.textNode(e.asText()))));
            String first = schema.get("enum").get(0).asText();
            values.put("lower-case enum value", refused(NODES.textNode(first.toLowerCase(Locale.ROOT))));
            values.put("padded enum value", answered(NODES.textNode(" " + first + " ")));
            values.put("unknown enum value", refused(NODES.textNode("UNKNOWN")));
        }
        String format = schema.path("format").asText();
        if (format.equals("uuid")) {
            values.put("random UUID", answered(NODES.textNode(randomUuid())));
            values.put("nil UUID", answered(NODES.textNode("00000000-0000-0000-0000-000000000000")));
            values.put("own member id", answered(NODES.textNode(fixtures.memberId())));
            values.put("a mentorship id", answered(NODES.textNode(first("mentorships"))));
            values.put("upper-case UUID", answered(NODES.textNode(randomUuid().toUpperCase(Locale.ROOT))));
            values.put("not-a-uuid", refused(NODES.textNode("not-a-uuid")));
            values.put("UUID without dashes", answered(NODES.textNode(randomUuid().replace("-", ""))));
        }
        if (format.equals("date")) {
            for (String date : List.of("2024-02-30", "2024-13-01", "0000-01-01", "1899-12-31", "2200-01-01",
                    "+999999999-12-31", "-000001-01-01", "yesterday", "20250101")) {
                values.put("date " + date, refused(NODES.textNode(date)));
            }
            for (String date : List.of("2025-01-01T00:00:00Z", "2199-12-31", "1900-01-01")) {
                values.put("date " + date, answered(NODES.textNode(date)));
            }
        }
        if (format.equals("email")) {
            values.put("not an e-mail", refused(NODES.textNode("not-an-email")));
            values.put("e-mail without local part", refused(NODES.textNode("@example.org")));
            values.put("300-character e-mail", refused(NODES.textNode("a".repeat(288) + "@example.org")));
            values.put("e-mail without domain dot", answered(NODES.textNode("a@b")));
            values.put("the member's own e-mail", refused(NODES.textNode(fixtures.email())));
            values.put("the member's own e-mail in upper case",
                    refused(NODES.textNode(fixtures.email().toUpperCase(Locale.ROOT))));
            values.put("full-width e-mail", answered(NODES.textNode("\uFF41\uFF44\uFF4D\uFF49\uFF4E@example.org")));
        }
        String list = CODED_FIELDS.get(slot.name());
        boolean coded = list != null && fixtures.codes().containsKey(list);
        if (coded) {
            String code = fixtures.codes().get(list).get(0);
            values.put("unknown code", refused(NODES.textNode("NOT_A_CODE")));
            values.put("lower-case code", new FieldValue(NODES.textNode(code.toLowerCase(Locale.ROOT)),
                    code.equals(code.toLowerCase(Locale.ROOT)) ? Expect.ANSWER : Expect.REFUSAL));
            values.put("code from another list", refused(NODES.textNode(otherListCode(list))));
        }
        // a value that must be one of a few known forms is refused whatever odd text it holds instead
        Expect oddText = enumerated || coded || !format.isEmpty() ? Expect.REFUSAL : Expect.ANSWER;
        values.put("empty", new FieldValue(NODES.textNode(""), oddText));
        values.put("blank", new FieldValue(NODES.textNode("   "), oddText));
        values.put("line break", new FieldValue(NODES.textNode("two\nlines"), oddText));
        values.put("zero-width space", new FieldValue(NODES.textNode("\u200B"), oddText));
        values.put("byte-order mark", new FieldValue(NODES.textNode("\uFEFF"), oddText));
        values.put("combining accent", new FieldValue(NODES.textNode("e\u0301"), oddText));
        values.put("emoji", new FieldValue(
                NODES.textNode("\uD83E\uDD84 \uD83D\uDC69\uD83C\uDFFD\u200D\uD83D\uDCBB"), oddText));
        values.put("<script>", new FieldValue(NODES.textNode("<script>alert(1)</script>"), oddText));
        values.put("SQL", new FieldValue(NODES.textNode("'; drop table account; --"), oddText));
        values.put("JNDI lookup", new FieldValue(NODES.textNode("${jndi:ldap://127.0.0.1/a}"), oddText));
        values.put("format string", new FieldValue(NODES.textNode("%s%s%s%n"), oddText));
        values.put("NUL", refused(NODES.textNode("a\u0000b")));
        values.put("RLO", refused(NODES.textNode("abc\u202Edef")));
        values.put("bell", refused(NODES.textNode("ding\u0007")));
        values.put("lone surrogate", refused(NODES.rawValueNode(new RawValue("\"a\\ud800b\""))));
        values.put("lone low surrogate", refused(NODES.rawValueNode(new RawValue("\"\\udc00\""))));
        int maxLength = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        values.put("3,000 characters", new FieldValue(NODES.textNode("a".repeat(3_000)),
                maxLength < 3_000 ? Expect.REFUSAL : oddText));
        values.put("60 KB", new FieldValue(NODES.textNode("a".repeat(UNDER_BODY_LIMIT)),
                maxLength < UNDER_BODY_LIMIT ? Expect.REFUSAL : oddText));
        values.put("100 KB", new FieldValue(NODES.textNode("a".repeat(OVER_BODY_LIMIT)), Expect.TOO_LARGE));
        values.put("4-byte characters to the limit", new FieldValue(NODES.textNode("\uD83E\uDD84".repeat(
                Math.max(1, Math.min(maxLength, 1_000)))), oddText));
        return values;
    }

    private static FieldValue refused(JsonNode value) {
        return new FieldValue(value, Expect.REFUSAL);
    }

    private static FieldValue answered(JsonNode value) {
        return new FieldValue(value, Expect.ANSWER);
    }

    private void unexpectedBodies(Operation op, List<Request> out) {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("unexpected JSON object", utf8("{\"a\":1}"));
        bodies.put("unexpected malformed JSON", utf8("{\"a\":"));
        bodies.forEach((label, bytes) -> out.add(build(op, "body: " + label, defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of(), "application/json", bytes)));
        out.add(build(op, "body: unexpected 100 KB body", defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of(), "application/json", utf8(" ".repeat(OVER_BODY_LIMIT)))
                .expecting(Expect.TOO_LARGE));
    }

    private void body(Operation op, String label, byte[] bytes, Expect expect, List<Request> out) {
        out.add(build(op, "body: " + label, defaultToken(op), pathValues(op, Map.of()),
                queryValues(op, Map.of(), false), Map.of(), "application/json", bytes).expecting(expect));
    }

    private Request bodyRequest(Operation op, String label, Expect expect, UnaryOperator<ObjectNode> change) {
        return build(op, "body: " + label, defaultToken(op), pathValues(op, Map.of()), queryValues(op, Map.of(), false),
                Map.of(), "application/json", bytes(change.apply(valid(op)))).expecting(expect);
    }

    /** Every property of the schema, depth first, arrays through their first item. */
    private void collectSlots(JsonNode schema, List<Object> path, String name, boolean required, List<Slot> out) {
        schema = resolve(schema);
        if (!path.isEmpty()) {
            out.add(new Slot(List.copyOf(path), schema, name, required));
        }
        if (schema.has("properties")) {
            Set<String> requiredNames = new HashSet<>();
            schema.path("required").forEach(r -> requiredNames.add(r.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.get("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                path.add(property.getKey());
                collectSlots(property.getValue(), path, property.getKey(), requiredNames.contains(property.getKey()),
                        out);
                path.remove(path.size() - 1);
            }
        } else if ("array".equals(schema.path("type").asText()) && !path.isEmpty()) {
            path.add(0);
            collectSlots(schema.path("items"), path, name, false, out);
            path.remove(path.size() - 1);
        }
    }

    private static ObjectNode remove(ObjectNode root, List<Object> path) {
        JsonNode parent = walk(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.remove((String) last);
        } else if (parent instanceof ArrayNode a && a.size() > (Integer) last) {
            a.remove((Integer) last);
        }
        return root;
    }

    private static ObjectNode replace(ObjectNode root, List<Object> path, JsonNode value) {
        JsonNode parent = walk(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode o) {
            o.set((String) last, value);
        } else if (parent instanceof ArrayNode a) {
            if (a.size() > (Integer) last) {
                a.set((Integer) last, value);
            } else {
                a.add(value);
            }
        }
        return root;
    }

    private static JsonNode walk(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object step : path) {
            node = step instanceof Integer i ? node.path(i) : node.path((String) step);
        }
        return node;
    }

    // --- valid-looking values from the schema

    private ObjectNode valid(Operation op) {
        return validObject(op.bodySchema(), "", true);
    }

    private byte[] bodyFor(Operation op) {
        return op.bodySchema() == null ? null : bytes(valid(op));
    }

    private ObjectNode validObject(JsonNode schema, String name, boolean withOptional) {
        schema = resolve(schema);
        ObjectNode object = NODES.objectNode();
        Set<String> required = new HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> property = it.next();
            if (withOptional || required.contains(property.getKey())) {
                object.set(property.getKey(), validValue(property.getValue(), property.getKey()));
            }
        }
        return object;
    }

    private JsonNode validValue(JsonNode schema, String name) {
        schema = resolve(schema);
        String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
        switch (type) {
            case "object":
                return validObject(schema, name, true);
            case "array": {
                ArrayNode array = NODES.arrayNode();
                int items = 1 + random.nextInt(2);
                List<String> seen = new ArrayList<>();
                for (int i = 0; i < items; i++) {
                    JsonNode item = validValue(schema.path("items"), name);
                    if (!seen.contains(item.toString())) {
                        seen.add(item.toString());
                        array.add(item);
                    }
                }
                return array;
            }
            case "integer":
            case "number": {
                long min = schema.path("minimum").asLong(1);
                long max = schema.path("maximum").asLong(Math.max(min, 10));
                return NODES.numberNode(min + random.nextInt((int) Math.min(100, max - min + 1)));
            }
            case "boolean":
                return NODES.booleanNode(random.nextBoolean());
            default:
                return NODES.textNode(validText(schema, name));
        }
    }

    private String validText(JsonNode schema, String name) {
        if (schema.has("enum")) {
            JsonNode values = schema.get("enum");
            return values.get(random.nextInt(values.size())).asText();
        }
        String list = CODED_FIELDS.get(name);
        if (list != null && fixtures.codes().containsKey(list)) {
            List<String> codes = fixtures.codes().get(list);
            return codes.get(random.nextInt(codes.size()));
        }
        return switch (schema.path("format").asText()) {
            case "uuid" -> otherMember();
            case "date" -> LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)).toString();
            // a time to come (a deadline): one in the past is refused, which the field's own values try
            case "date-time" -> Instant.now().plus(Duration.ofDays(1 + random.nextInt(365))).toString();
            case "email" -> "fuzz-" + (++serial) + "-" + random.nextInt(1_000_000) + "@example.org";
            default -> switch (name) {
                case "email" -> "fuzz-" + (++serial) + "-" + random.nextInt(1_000_000) + "@example.org";
                case "password" -> "fuzz passphrase " + random.nextInt(1_000_000);
                case "displayName" -> "Fuzz " + random.nextInt(10_000);
                case "link" -> "https://example.org/fuzz/" + random.nextInt(10_000);
                default -> "fuzz text " + random.nextInt(10_000);
            };
        };
    }

    private String validQueryValue(String name, JsonNode schema) {
        if (schema.path("enum").size() > 0) {
            return schema.get("enum").get(0).asText();
        }
        List<String> known = fixtures.queryValues().getOrDefault(name, List.of());
        if (!known.isEmpty()) {
            return encode(known.get(0));
        }
        if (isInteger(schema)) {
            return schema.path("default").asText(name.equals("after") ? "0" : "10");
        }
        return "fuzz";
    }

    private String otherMember() {
        List<String> members = new ArrayList<>(fixtures.idsByCollection().getOrDefault("members", List.of()));
        members.remove(fixtures.memberId());
        return members.isEmpty() ? randomUuid() : members.get(random.nextInt(members.size()));
    }

    private String first(String collection) {
        List<String> ids = fixtures.idsByCollection().getOrDefault(collection, List.of());
        return ids.isEmpty() ? randomUuid() : ids.get(0);
    }

    private String otherListCode(String list) {
        return fixtures.codes().entrySet().stream().filter(e -> !e.getKey().equals(list) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse("X");
    }

    private JsonNode twice(JsonNode item) {
        return NODES.arrayNode().add(item).add(item.deepCopy());
    }

    private JsonNode repeated(Slot slot, int count) {
        ArrayNode array = NODES.arrayNode();
        JsonNode items = resolve(slot.schema().path("items"));
        for (int i = 0; i < count; i++) {
            array.add(validValue(items, slot.name()));
        }
        return array;
    }

    // --- building requests

    private Request build(Operation op, String variant, String authorization, String path, String query,
                          Map<String, String> extraHeaders, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (body != null && contentType != null) {
            headers.put("Content-Type", contentType);
        }
        headers.putAll(extraHeaders);
        return new Request(op, op.method(), variant, path + query, headers, body,
                op.signIn() ? nextSignInAddress() : "127.0.0.1", Expect.ANSWER);
    }

    /**
     * Sign-in failures slow down every later attempt from their address (docs/security.md): each
     * request to the token endpoint comes from an address of its own, 127.0.1.1, 127.0.1.2, ...
     */
    private String nextSignInAddress() {
        int n = signInAddresses++;
        return "127.0." + (1 + n / 250) + "." + (1 + n % 250);
    }

    /** The Authorization header of the valid-looking request: none where anyone may ask. */
    private String defaultToken(Operation op) {
        if (op.open()) {
            return null;
        }
        return "Bearer " + (op.admin() ? fixtures.adminToken() : fixtures.memberToken());
    }

    private List<String> tokensFor(Operation op) {
        return op.open() ? Arrays.asList(null, "Bearer " + fixtures.memberToken())
                : List.of("Bearer " + fixtures.memberToken(), "Bearer " + fixtures.adminToken());
    }

    private String tokenLabel(String authorization) {
        if (authorization == null) {
            return ", no token";
        }
        return authorization.endsWith(fixtures.adminToken()) ? ", admin" : ", member";
    }

    private String pathValues(Operation op, Map<String, String> overrides) {
        String path = op.template();
        for (JsonNode parameter : op.parameters()) {
            if (!"path".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            String value = overrides.get(name);
            if (value == null) {
                value = first(collectionOf(op, name));
            }
            path = path.replace("{" + name + "}", value);
        }
        return path;
    }

    private String queryValues(Operation op, Map<String, String> overrides, boolean withOptional) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : op.parameters()) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            String name = parameter.get("name").asText();
            String value = overrides.get(name);
            if (value == null && (withOptional || parameter.path("required").asBoolean())) {
                value = validQueryValue(name, resolve(parameter.path("schema")));
            }
            if (value != null) {
                query.append(query.isEmpty() ? '?' : '&').append(name).append('=').append(value);
            }
        }
        return query.toString();
    }

    private String contentTypeFor(Operation op) {
        return op.bodySchema() == null ? null : "application/json";
    }

    // --- helpers

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("only local references are followed: " + ref);
            }
            node = document.at(ref.substring(1));
        }
        return node;
    }

    private static boolean isInteger(JsonNode schema) {
        String type = schema.path("type").asText();
        return type.equals("integer") || type.equals("number");
    }

    private String randomUuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Percent-encodes every byte of the UTF-8 form except RFC 3986's unreserved characters. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String shortLabel(String value) {
        return value.length() > 40 ? value.length() + " characters" : value;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The body up to and including the opening quote of its first string value. */
    private static byte[] prefixOfFirstString(String json) {
        int colon = json.indexOf(":\"");
        return (colon < 0 ? "{\"a\":\"" : json.substring(0, colon + 2)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] suffixOfFirstString(String json) {
        int colon = json.indexOf(":\"");
        return (colon < 0 ? "\"}" : json.substring(colon + 2)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < body.length; at += 8_192) {
            int n = Math.min(8_192, body.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
