package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/compose.yaml against the Compose Specification's JSON Schema (test resource, from the npm
 * package dclint; services, networks and volumes take no key the specification does not have), and what
 * the schema cannot see: which service talks to which, that the proxy's template gets every value it
 * needs, and that no secret is written in the file.
 */
class ComposeFileTest {

    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|KEY|SECRET|TOKEN).*");

    static JsonNode compose() {
        return DeployFiles.yaml(DeployFiles.deploy("compose.yaml"));
    }

    static JsonNode service(String name) {
        JsonNode service = compose().path("services").path(name);
        assertThat(service.isObject()).as("service " + name).isTrue();
        return service;
    }

    /** A service's environment as a map (the file uses the map form). */
    static Map<String, String> environment(JsonNode service) {
        Map<String, String> environment = new LinkedHashMap<>();
        service.path("environment").fields().forEachRemaining(e -> environment.put(e.getKey(), e.getValue().asText()));
        return environment;
    }

    static Set<String> templateVariables() {
        Set<String> variables = new TreeSet<>();
        Matcher m = TEMPLATE_VARIABLE.matcher(DeployFiles.read(DeployFiles.deploy("nginx/lexnet.conf.template")));
        while (m.find()) {
            variables.add(m.group(1));
        }
        return variables;
    }

    @Test
    void theFileFitsTheComposeSpecification() {
        assertThat(schemaErrors(compose())).isEmpty();
    }

    @Test
    void aKeyTheSpecificationDoesNotHaveFailsTheCheck() {
        ObjectNode misspelt = (ObjectNode) compose();
        ((ObjectNode) misspelt.at("/services/app1")).put("restarts", "always");
        assertThat(schemaErrors(misspelt)).anySatisfy(e -> assertThat(e).contains("restarts"));

        ObjectNode misplaced = (ObjectNode) compose();
        ((ObjectNode) misplaced.at("/services/db/healthcheck")).put("intervall", "5s");
        assertThat(schemaErrors(misplaced)).anySatisfy(e -> assertThat(e).contains("intervall"));
    }

    @Test
    void twoAppNodesShareTheDatabaseBehindTheProxy() {
        JsonNode services = compose().path("services");
        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("db", "app1", "app2", "proxy");

        assertThat(service("db").path("image").asText()).startsWith("postgres:17");
        Map<String, String> db = environment(service("db"));
        for (String app : List.of("app1", "app2")) {
            JsonNode node = service(app);
            assertThat(node.at("/build/dockerfile").asText()).isEqualTo("deploy/Dockerfile");
            assertThat(node.at("/depends_on/db/condition").asText()).isEqualTo("service_healthy");
            assertThat(node.has("ports")).as(app + " is reached through the proxy only").isFalse();
            Map<String, String> env = environment(node);
            assertThat(env.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://db:5432/" + db.get("POSTGRES_DB"));
            assertThat(env.get("SPRING_DATASOURCE_USERNAME")).isEqualTo(db.get("POSTGRES_USER"));
            assertThat(env.get("SPRING_DATASOURCE_PASSWORD")).startsWith("${POSTGRES_PASSWORD");
            assertThat(env.get("LEXNET_MASTER_KEY")).startsWith("${LEXNET_MASTER_KEY:?");
        }
        assertThat(environment(service("app1"))).containsKey("LEXNET_ADMIN_EMAIL");
        assertThat(environment(service("app2"))).as("the first admin is made by one node only")
                .doesNotContainKey("LEXNET_ADMIN_EMAIL");
        assertThat(service("db").has("ports")).isFalse();
        assertThat(service("proxy").path("ports")).hasSize(1);
    }

    @Test
    void theProxyTemplateGetsEveryValueItNeedsAndPointsAtTheAppNodes() {
        JsonNode proxy = service("proxy");
        assertThat(proxy.path("image").asText()).startsWith("nginx:");
        assertThat(proxy.path("volumes").get(0).asText())
                .isEqualTo("./nginx/lexnet.conf.template:/etc/nginx/templates/default.conf.template:ro");
        Map<String, String> env = environment(proxy);
        assertThat(env.keySet()).isEqualTo(templateVariables());
        assertThat(env.get("UPSTREAM_NODE_1")).startsWith("app1:");
        assertThat(env.get("UPSTREAM_NODE_2")).startsWith("app2:");
        assertThat(env.get("PROXY_LISTEN_PORT")).isEqualTo(proxy.path("ports").get(0).asText().replaceAll(".*:", ""));
    }

    @Test
    void noSecretIsWrittenInTheFileOrTheExample() {
        for (Map.Entry<String, JsonNode> service : iterable(compose().path("services"))) {
            environment(service.getValue()).forEach((name, value) -> {
                if (SECRET_NAME.matcher(name).matches()) {
                    assertThat(value).as(service.getKey() + " " + name).matches("\\$\\{[A-Z0-9_]+(:[-?][^}]*)?}");
                }
            });
        }
        for (String line : DeployFiles.read(DeployFiles.deploy(".env.example")).split("\n")) {
            if (!line.startsWith("#") && line.contains("=") && SECRET_NAME.matcher(line.split("=")[0]).matches()) {
                assertThat(line).as("placeholder only").endsWith("=");
            }
        }
        assertThat(DeployFiles.read(DeployFiles.repositoryRoot().resolve(".gitignore"))).contains("deploy/.env\n");
    }

    private static List<String> schemaErrors(JsonNode document) {
        ObjectNode schema;
        try {
            schema = (ObjectNode) DeployFiles.JSON.readTree(DeployFiles.testResource("compose-spec.schema.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // checked as draft-07 here; the file's own $schema and $id would send the validator looking online
        schema.remove("$schema");
        schema.remove("$id");
        // "deprecated" (a draft 2019-09 annotation the file uses) validates nothing
        JsonMetaSchema draft7 = JsonMetaSchema.builder(JsonMetaSchema.getV7())
                .keyword(new NonValidationKeyword("deprecated")).build();
        JsonSchema compose = JsonSchemaFactory.builder(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7))
                .metaSchema(draft7).defaultMetaSchemaIri(draft7.getIri()).build().getSchema(schema);
        Set<ValidationMessage> errors = compose.validate(document);
        return errors.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
        return node::fields;
    }
}
