package org.lexnet.app.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.JarProcess;
import org.lexnet.app.support.RepositoryFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;

/**
 * The executable jar as an operator runs it: {@code java -jar lexnet-app.jar} starts on its embedded
 * PostgreSQL, a second start keeps the data, and SIGTERM stops the database too (no orphan process).
 * The first start logs in JSON ({@code LEXNET_LOG_FORMAT=json}) and serves the API documents it was
 * packaged with; the second logs in the default text; an unknown log format is refused.
 */
class PackagedJarIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "a long enough password";
    /** DEBUG for the dispatcher servlet: a few lines for every request, to check each of them for its id. */
    private static final String LINES_FOR_EVERY_REQUEST =
            "{\"logging.level.org.springframework.web.servlet.DispatcherServlet\": \"DEBUG\"}";

    @TempDir
    Path dataDir;

    @TempDir
    Path logs;

    private JarProcess app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theJarRunsOnItsEmbeddedDatabaseKeepsDataAcrossRestartsAndLeavesNoOrphanOnSigterm() throws IOException {
        int port = JarProcess.freePort();
        String email = "operator-" + UUID.randomUUID() + "@example.org";
        Path jsonLog = logs.resolve("json.log");

        app = JarProcess.on(dataDir, port).log(jsonLog).env("LEXNET_LOG_FORMAT", "json")
                .env("SPRING_APPLICATION_JSON", LINES_FOR_EVERY_REQUEST).start().awaitReady();
        Requests requests = new Requests(app.api());
        assertThat(requests.send("register", "POST", "/api/v1/accounts", null,
                Map.of("email", email, "password", PASSWORD, "displayName", "Zebedee Operator")).status())
                .isEqualTo(201);
        Api.Response signedIn = requests.send("sign-in", "POST", "/api/v1/auth/token", null,
                Map.of("email", email, "password", PASSWORD));
        String token = signedIn.json().get("accessToken").asText();
        assertThat(requests.send("unknown-pairing", "POST", "/api/v1/mentorships/" + UUID.randomUUID() + "/accept",
                token, null).status()).isEqualTo(404);
        // not a WebSocket upgrade: Spring's handshake handler logs this at ERROR
        assertThat(requests.send("socket", "GET", "/ws", null, null).status()).isEqualTo(400);
        Api.Response asyncApi = requests.send("asyncapi", "GET", "/asyncapi.yaml", null, null);
        assertThat(asyncApi.status()).isEqualTo(200);
        assertThat(asyncApi.body()).as("the AsyncAPI document packaged into the jar")
                .isEqualTo(Files.readString(RepositoryFiles.locate("docs/asyncapi.yaml")));
        Api.Response openApi = requests.send("openapi", "GET", "/v3/api-docs", null, null);
        assertThat(openApi.status()).isEqualTo(200);
        assertThat(openApi.json().at("/info/title").asText()).isEqualTo("lexnet");
        assertThat(openApi.json().at("/components/schemas/Problem/properties/status").isObject()).isTrue();
        assertThat(JarProcess.databaseProcesses(dataDir)).isNotEmpty();

        // SIGTERM: 143 if the JVM reports the signal, 0 after a graceful shutdown
        assertThat(app.sigterm()).as("exit status after SIGTERM").isIn(0, 143);
        awaitNoDatabaseProcess();
        List<JsonNode> lines = jsonLines(jsonLog);
        requests.ids().forEach((name, id) -> assertThat(lines).as("lines of the request " + name)
                .anySatisfy(line -> assertThat(line.path("correlationId").asText()).isEqualTo(id)));
        assertThat(lines).as("the failed WebSocket handshake's ERROR line carries its request's id")
                .anySatisfy(line -> {
                    assertThat(line.at("/log/level").asText()).isEqualTo("ERROR");
                    assertThat(line.path("correlationId").asText()).isEqualTo(requests.ids().get("socket"));
                });
        assertThat(lines).filteredOn(line -> line.at("/process/thread/name").asText().startsWith("http-nio-"))
                .as("lines written while handling a request").isNotEmpty()
                .allSatisfy(line -> assertThat(line.path("correlationId").asText()).as(line.toString()).isNotBlank());
        assertThat(Files.readString(jsonLog)).as("personal data and secrets in the log")
                .doesNotContain(email, PASSWORD, "Zebedee", token);

        app = JarProcess.on(dataDir, port).start().awaitReady();
        assertThat(app.api().signIn(email, PASSWORD)).isNotBlank();
        app.sigterm();
        awaitNoDatabaseProcess();
        assertThat(Files.readAllLines(app.logFile())).as("the default log format is text")
                .noneMatch(line -> line.startsWith("{"))
                .anyMatch(line -> line.matches("^\\S+\\s+INFO \\[.*"));
    }

    @Test
    void anUnknownLogFormatStopsTheStartNamingTheVariable() {
        JarProcess.Launch xml = JarProcess.on(dataDir, JarProcess.freePort()).log(logs.resolve("refused.log"))
                .env("LEXNET_LOG_FORMAT", "xml");
        try (JarProcess refused = xml.start()) {
            assertThatThrownBy(refused::awaitReady).hasMessageContaining("exited with status 1")
                    .hasMessageContaining("LEXNET_LOG_FORMAT is 'xml', which is not a log format")
                    .hasMessageContaining("Set LEXNET_LOG_FORMAT to text (the default) or json.");
        }
        assertThat(JarProcess.databaseProcesses(dataDir)).as("refused before the database started").isEmpty();
    }

    /** Every line of the log, each of which must be one JSON object. */
    private static List<JsonNode> jsonLines(Path log) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            try {
                JsonNode node = JSON.readTree(line);
                assertThat(node != null && node.isObject()).as("a JSON object: " + line).isTrue();
                lines.add(node);
            } catch (IOException notJson) {
                fail("a line of the log is not JSON: " + line);
            }
        }
        assertThat(lines).as("lines in " + log).isNotEmpty();
        return lines;
    }

    private void awaitNoDatabaseProcess() {
        await().atMost(Duration.ofSeconds(30)).until(() -> JarProcess.databaseProcesses(dataDir).isEmpty());
    }

    /** Requests that each carry an X-Correlation-Id of their own, by a name for the report. */
    private static final class Requests {
        private final Api api;
        private final Map<String, String> ids = new LinkedHashMap<>();

        Requests(Api api) {
            this.api = api;
        }

        Api.Response send(String name, String method, String path, String token, Object body) {
            String id = "packaged-jar-" + name + "-" + UUID.randomUUID().toString().substring(0, 8);
            ids.put(name, id);
            Api.Response response = api.call(method, path).token(token).header("X-Correlation-Id", id).json(body)
                    .send();
            assertThat(response.header("X-Correlation-Id")).isEqualTo(id);
            return response;
        }

        Map<String, String> ids() {
            return ids;
        }
    }
}
