package org.lexnet.app.apidocs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;
import org.lexnet.app.support.JsonSchemaSubset;
import org.lexnet.app.support.People;
import org.lexnet.app.support.RepositoryFiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API documents the app serves, held to the app itself: every request mapping is an operation of
 * the OpenAPI document, with a resource tag, an operationId, its answers (errors as Problem) and the
 * bearer requirement exactly where a request without a token is refused; the request examples are
 * accepted by the app; the AsyncAPI document is served as the repository holds it.
 */
class ApiDocumentsTest extends IntegrationTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head",
            "trace");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][A-Za-z]+");
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    BuildProperties build;

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        Api.Response served = api.get("/v3/api-docs", null);
        assertThat(served.status()).isEqualTo(200);
        document = served.json();
    }

    @Test
    void theDocumentSaysWhatLexnetIsHowToAuthenticateAndWhereTheFeedIs() {
        JsonNode info = document.get("info");
        assertThat(info.get("title").asText()).isEqualTo("lexnet");
        assertThat(info.get("version").asText()).isEqualTo(build.getVersion());
        assertThat(info.get("description").asText()).contains("Lived Experience Leaders", "POST /api/v1/auth/token",
                "application/problem+json", "/asyncapi.yaml");
        JsonNode bearer = document.at("/components/securitySchemes/bearer");
        assertThat(bearer.get("type").asText()).isEqualTo("http");
        assertThat(bearer.get("scheme").asText()).isEqualTo("bearer");
        assertThat(bearer.get("bearerFormat").asText()).isEqualTo("JWT");
        assertThat(document.at("/components/schemas/Problem/properties").fieldNames()).toIterable()
                .contains("type", "title", "status", "detail", "correlationId", "errors");
        Api.Response ui = api.get("/swagger-ui/index.html", null);
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    @Test
    void everyRequestMappingOfTheAppIsAnOperationOfTheDocumentAndNothingElseIs() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().forEach((RequestMappingInfo info, HandlerMethod handler) -> {
            Class<?> controller = handler.getBeanType();
            if (!controller.getPackageName().startsWith("org.lexnet")
                || ErrorController.class.isAssignableFrom(controller)) {
                return; // the documents' own endpoints, and the page the container forwards errors to
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            assertThat(methods).as("every mapping of the API names its method: " + info).isNotEmpty();
            info.getPatternValues().forEach(path -> methods
                    .forEach(method -> mapped.add(method.name() + " " + path)));
        });
        assertThat(mapped).hasSizeGreaterThan(40);
        assertThat(new TreeSet<>(operations().keySet())).isEqualTo(mapped);
    }

    @Test
    void everyOperationHasAResourceTagAnOperationIdASummaryAndItsAnswers() {
        Map<String, String> tags = new HashMap<>();
        document.get("tags").forEach(tag -> tags.put(tag.get("name").asText(), tag.path("description").asText()));
        assertThat(tags.values()).allSatisfy(description -> assertThat(description).isNotBlank());
        Set<String> operationIds = new HashSet<>();
        operations().forEach((name, operation) -> {
            assertThat(operation.get("tags")).as(name + " tags").hasSize(1);
            String tag = operation.get("tags").get(0).asText();
            assertThat(tags).as(name + " is tagged with a declared resource").containsKey(tag);
            assertThat(tag).as(name).doesNotEndWith("-controller");
            String id = operation.path("operationId").asText();
            assertThat(id).as(name + " operationId").matches(OPERATION_ID);
            assertThat(operationIds.add(id)).as(name + " operationId " + id + " is unique").isTrue();
            assertThat(operation.path("summary").asText()).as(name + " summary").isNotBlank();

            JsonNode responses = operation.get("responses");
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            assertThat(statuses).as(name + " answers").anyMatch(status -> status.startsWith("2"));
            statuses.stream().filter(status -> status.startsWith("4")).forEach(status -> assertThat(responses
                    .get(status).at("/content/application~1problem+json/schema/$ref").asText())
                    .as(name + " " + status + " is a Problem").isEqualTo(PROBLEM));
            assertThat(statuses).as(name + " answers").contains("401");
            if (name.contains(" /api/v1/admin/")) {
                assertThat(statuses).as(name + " answers").contains("403");
            }
            if (name.contains("{")) {
                assertThat(statuses).as(name + " answers").contains("404");
            }
            if (operation.has("requestBody")) {
                assertThat(statuses).as(name + " answers").contains("400", "413", "415");
            }
        });
    }

    /**
     * Every operation is tried without a token: one the document marks with the bearer requirement must
     * be refused with 401, any other must get something else. The app's security rules decide, not the
     * document's.
     */
    @Test
    void theBearerRequirementIsThereExactlyWhenTheAppRefusesARequestWithoutAToken() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        operations().forEach((name, operation) -> {
            String method = name.substring(0, name.indexOf(' '));
            String path = name.substring(name.indexOf(' ') + 1).replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            Api.Call call = api.call(method, path);
            if (operation.has("requestBody")) {
                call.raw("{}");
            }
            int status = call.send().status();
            answers.put(name, status);
            JsonNode security = operation.path("security");
            if (security.isEmpty()) {
                assertThat(status).as(name + " is marked public; without a token it answered").isNotEqualTo(401);
            } else {
                assertThat(security).as(name + " security").hasSize(1);
                assertThat(security.get(0).fieldNames()).toIterable().as(name + " security").containsExactly("bearer");
                assertThat(status).as(name + " is marked secured; without a token it answered").isEqualTo(401);
            }
        });
        assertThat(answers).as("public operations").containsKeys("POST /api/v1/accounts", "POST /api/v1/auth/token");
    }

    /**
     * Every example of the document, request or answer, fits the schema it illustrates, and mentions no
     * field the schema does not declare. (The checker itself is tried on a broken example first.)
     */
    @Test
    void everyExampleOfTheDocumentFitsItsSchema() {
        JsonSchemaSubset schemas = JsonSchemaSubset.declaredOnly(document);
        JsonNode registration = document.at("/components/schemas/RegistrationRequest");
        assertThat(schemas.problems(json("{\"email\": 7, \"password\": \"a long passphrase\", \"age\": 3}"),
                registration)).as("a broken example")
                .anySatisfy(problem -> assertThat(problem).contains("$.email is NUMBER"))
                .anySatisfy(problem -> assertThat(problem).contains("$.displayName is required but missing"))
                .anySatisfy(problem -> assertThat(problem).contains("$.age is sent but not declared"));

        Map<String, List<String>> problems = new LinkedHashMap<>();
        List<String> checked = new ArrayList<>();
        operations().forEach((name, operation) -> {
            List<JsonNode> illustrated = new ArrayList<>();
            illustrated.add(operation.at("/requestBody/content/application~1json"));
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().startsWith("2")) {
                    illustrated.add(response.getValue().at("/content/application~1json"));
                }
            });
            illustrated.forEach(media -> media.path("examples").fields().forEachRemaining(example -> {
                String which = name + " " + example.getKey();
                checked.add(which);
                List<String> wrong = schemas.problems(example.getValue().get("value"), media.get("schema"));
                if (!wrong.isEmpty()) {
                    problems.put(which, wrong);
                }
            }));
        });
        assertThat(checked).as("examples in the document").hasSizeGreaterThanOrEqualTo(20);
        assertThat(problems).as("examples that do not fit their schema").isEmpty();
    }

    /**
     * The request examples, as the document shows them, in the order a member meets them; only ids that
     * cannot be known beforehand (the people, the pairing), e-mail addresses (unique per account) and
     * the session date are filled in. Every example of the document must have been sent and accepted.
     */
    @Test
    void everyRequestExampleOfTheDocumentIsAcceptedByTheApp() {
        Examples examples = new Examples(requestExamples());
        People people = new People(api);
        String admin = api.signIn(ADMIN_EMAIL, ADMIN_PASSWORD);

        // Amara registers, signs in, describes herself, records her lived experience, offers to mentor
        ObjectNode registration = examples.body("register", "register");
        registration.put("email", "amara-" + UUID.randomUUID() + "@example.org");
        Api.Response registered = examples.send("register", "register", null, "POST", "/api/v1/accounts",
                registration);
        ObjectNode credentials = examples.body("signIn", "signIn");
        credentials.put("email", registration.get("email").asText());
        String amara = examples.send("signIn", "signIn", null, "POST", "/api/v1/auth/token", credentials).json()
                .get("accessToken").asText();
        String amaraId = registered.json().get("memberId").asText();
        examples.send("updateProfile", "profile", amara, "PUT", "/api/v1/members/me/profile", null);
        examples.send("recordLivedExperience", "audiences", amara, "PUT", "/api/v1/members/me/lived-experience", null);
        examples.send("setMentorOffer", "offer", amara, "PUT", "/api/v1/members/me/mentor-offer", null);

        // a mentee names her; she accepts; they set a goal, log a session, end early and give feedback
        Api.Member mentee = people.mentee("Mentee Of The Examples");
        ObjectNode named = examples.body("requestMentor", "named");
        named.put("mentorId", amaraId);
        String pairing = examples.send("requestMentor", "named", mentee.token(), "POST", "/api/v1/mentorships", named)
                .json().get("mentorshipId").asText();
        assertThat(api.post("/api/v1/mentorships/" + pairing + "/accept", amara, null).status()).isEqualTo(200);
        examples.send("setGoal", "goal", mentee.token(), "POST", "/api/v1/mentorships/" + pairing + "/goals", null);
        ObjectNode session = examples.body("logSession", "session");
        session.put("date", LocalDate.now(ZoneOffset.UTC).toString());
        examples.send("logSession", "session", amara, "POST", "/api/v1/mentorships/" + pairing + "/sessions", session);
        examples.send("endMentorship", "end", mentee.token(), "POST", "/api/v1/mentorships/" + pairing + "/end", null);
        examples.send("giveFeedback", "feedback", mentee.token(), "POST",
                "/api/v1/mentorships/" + pairing + "/feedback", null);

        // another mentee names her and she declines
        Api.Member declined = people.mentee("Declined Mentee Of The Examples");
        String declinedPairing = people.requestDirect(declined, new Api.Member(amaraId, amara, null, null));
        examples.send("declineProposal", "decline", amara, "POST",
                "/api/v1/mentorships/" + declinedPairing + "/decline", null);

        // an open request, for which the programme team proposes a mentor by hand
        Api.Member waiting = people.mentee("Waiting Mentee Of The Examples");
        String open = examples.send("requestMentor", "open", waiting.token(), "POST", "/api/v1/mentorships", null)
                .json().get("mentorshipId").asText();
        Api.Member senior = people.mentor("Senior Mentor Of The Examples", 2);
        ObjectNode proposal = examples.body("proposeMentor", "propose");
        proposal.put("mentorId", senior.id());
        examples.send("proposeMentor", "propose", admin, "POST", "/api/v1/admin/mentorships/" + open + "/proposals",
                proposal);

        // Amara asks a peer to connect
        ObjectNode connection = examples.body("requestConnection", "connect");
        connection.put("to", waiting.id());
        examples.send("requestConnection", "connect", amara, "POST", "/api/v1/connections", connection);

        // someone who registered with the example's password leaves; an admin erases someone else
        ObjectNode leaver = examples.body("register", "register");
        leaver.put("email", "leaver-" + UUID.randomUUID() + "@example.org");
        assertThat(api.post("/api/v1/accounts", null, leaver).status()).isEqualTo(201);
        String leaverToken = api.signIn(leaver.get("email").asText(), leaver.get("password").asText());
        examples.send("leave", "leave", leaverToken, "DELETE", "/api/v1/members/me", null);
        Api.Member erasable = api.register("Erasable Member Of The Examples");
        examples.send("eraseMember", "erase", admin, "DELETE", "/api/v1/admin/members/" + erasable.id(), null);

        assertThat(examples.sent).as("examples sent and accepted").isEqualTo(examples.all.keySet());
    }

    @Test
    void theAsyncApiDocumentIsServedToAnyoneAsTheRepositoryHoldsIt() throws IOException {
        Api.Response served = api.get("/asyncapi.yaml", null);
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.contentType()).startsWith("application/yaml");
        assertThat(served.body()).isEqualTo(Files.readString(RepositoryFiles.locate("docs/asyncapi.yaml")));
    }

    /** Every operation of the document as "METHOD /path". */
    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new LinkedHashMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                operations.put(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(), op.getValue());
            }
        }));
        return operations;
    }

    /** The request body examples of the document, as "operationId/name". */
    private Map<String, JsonNode> requestExamples() {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        operations().values().forEach(operation -> operation.at("/requestBody/content/application~1json/examples")
                .fields().forEachRemaining(example -> examples.put(
                        operation.get("operationId").asText() + "/" + example.getKey(),
                        example.getValue().get("value"))));
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
        return examples;
    }

    /** Sends examples and remembers which were accepted. */
    private final class Examples {
        private final Map<String, JsonNode> all;
        private final Set<String> sent = new HashSet<>();

        Examples(Map<String, JsonNode> all) {
            this.all = all;
        }

        /** A copy of the example's body, to fill in. */
        ObjectNode body(String operationId, String name) {
            JsonNode example = all.get(operationId + "/" + name);
            assertThat(example).as("example " + operationId + "/" + name + " in the document").isNotNull();
            return example.deepCopy();
        }

        /** Sends the example (or the given copy of it, filled in) and expects it to be accepted. */
        Api.Response send(String operationId, String name, String token, String method, String path, JsonNode body) {
            Api.Response response = api.call(method, path).token(token).json(body == null ? body(operationId, name)
                    : body).send();
            assertThat(response.status()).as(operationId + "/" + name + ": " + response.body()).isBetween(200, 299);
            sent.add(operationId + "/" + name);
            return response;
        }
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
