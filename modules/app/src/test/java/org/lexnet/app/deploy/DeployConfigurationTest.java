package org.lexnet.app.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import org.junit.jupiter.api.Test;
import org.lexnet.app.support.Api;
import org.lexnet.app.support.IntegrationTest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the deploy files tell the app, checked against the app itself (running here, as in every
 * integration test): each environment variable they set for it is one it reads, each health path a
 * probe, health check or proxy asks for is one it answers UP, each port they send traffic to is the one
 * it listens on, and the WebSocket path the proxies pass upgrades on is its live feed.
 */
class DeployConfigurationTest extends IntegrationTest {

    /** What the official postgres image reads (its documentation, "Environment Variables"). */
    private static final Set<String> POSTGRES_IMAGE_VARIABLES = Set.of("POSTGRES_PASSWORD", "POSTGRES_USER",
            "POSTGRES_DB", "POSTGRES_INITDB_ARGS", "POSTGRES_INITDB_WALDIR", "POSTGRES_HOST_AUTH_METHOD", "PGDATA",
            "POSTGRES_PASSWORD_FILE", "POSTGRES_USER_FILE", "POSTGRES_DB_FILE");
    private static final Pattern HEALTH_URL = Pattern.compile("http://[^/\"]+?(?::(\\$\\{SERVER_PORT:-(\\d+)}|\\d+))?(/actuator/health[a-z/]*)");
    private static final Pattern NGINX_EXACT_LOCATION = Pattern.compile("location = (/\\S+) \\{");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?<![\\w-])([A-Z][A-Z0-9_]+)=");

    private final AppConfigurationNames app = AppConfigurationNames.load();

    @Test
    void everyVariableTheDeployFilesSetForTheAppIsOneItReads() {
        List<String> unread = new ArrayList<>();
        appEnvironments().forEach((where, names) -> names.forEach(name -> {
            if (!app.reads(name)) {
                unread.add(where + ": " + name);
            }
        }));
        assertThat(unread).isEmpty();
        assertThat(appEnvironments().values().stream().mapToInt(Set::size).sum()).isGreaterThan(20);

        assertThat(ComposeFileTest.environment(ComposeFileTest.service("db")).keySet()).isSubsetOf(POSTGRES_IMAGE_VARIABLES);
    }

    @Test
    void theCheckKnowsAMisspeltVariableFromARealOne() {
        assertThat(app.why("LEXNET_MASTER_KEY")).isEqualTo("placeholder in application.yml");
        assertThat(app.why("SPRING_DATASOURCE_URL")).isEqualTo("binds spring.datasource.url");
        assertThat(app.reads("SERVER_FORWARD_HEADERS_STRATEGY")).isTrue();
        assertThat(app.reads("LEXNET_MATCHING_INSTANT_PROPOSALS")).isTrue();
        assertThat(app.reads("LEXNET_MASTERKEY")).isFalse();
        assertThat(app.reads("SPRING_DATASOURCE_URI")).isFalse();
        assertThat(app.reads("LEXNET_FEED_MAX_SOCKET")).isFalse();
    }

    @Test
    void theLocalClusterLeavesTheSigningKeyToTheNodes() {
        assertThat(localClusterNodeVariables()).contains("LEXNET_MASTER_KEY", "SPRING_DATASOURCE_URL")
                .doesNotContain("LEXNET_JWT_PRIVATE_KEY");
    }

    @Test
    void everyHealthPathTheDeployFilesAskForIsAnsweredUp() {
        Map<String, String> paths = new LinkedHashMap<>();
        Container container = KubernetesManifestsTest.deploymentContainer();
        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            paths.put("k8s " + probe.getHttpGet().getPath(), probe.getHttpGet().getPath());
        }
        healthUrls(DeployFiles.read(Dockerfile.path())).forEach(m -> paths.put("Dockerfile HEALTHCHECK", m.path()));
        healthUrls(DeployFiles.read(DeployFiles.deploy("local-cluster/start")))
                .forEach(m -> paths.put("local-cluster/start " + m.path(), m.path()));
        nginxExactLocations().stream().filter(p -> p.startsWith("/actuator"))
                .forEach(p -> paths.put("nginx " + p, p));
        KubernetesManifestsTest.model("ingress.yaml", "Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class)
                .getSpec().getRules().forEach(r -> r.getHttp().getPaths().stream()
                        .filter(p -> p.getPath().startsWith("/actuator"))
                        .forEach(p -> paths.put("ingress " + p.getPath(), p.getPath())));
        assertThat(paths).hasSizeGreaterThanOrEqualTo(8);

        paths.forEach((where, path) -> {
            Api.Response answer = api.get(path, null);
            assertThat(answer.status()).as(where).isEqualTo(200);
            assertThat(answer.json().path("status").asText()).as(where).isEqualTo("UP");
        });
        assertThat(api.get("/actuator/health/startup", null).status()).as("a path that is not served fails").isEqualTo(404);
    }

    @Test
    void everyPortTheDeployFilesSendTrafficToIsTheOneTheAppListensOn() {
        int port = app.defaultPort();
        assertThat(port).isEqualTo(8080);

        Container container = KubernetesManifestsTest.deploymentContainer();
        Map<String, String> containerEnv = new LinkedHashMap<>();
        container.getEnv().stream().filter(e -> e.getValue() != null).forEach(e -> containerEnv.put(e.getName(), e.getValue()));
        int listens = app.portWith(containerEnv);
        Map<String, Integer> named = new LinkedHashMap<>();
        for (ContainerPort p : container.getPorts()) {
            named.put(p.getName(), p.getContainerPort());
        }
        assertThat(named).containsValue(listens);
        for (Probe probe : List.of(container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe())) {
            var probePort = probe.getHttpGet().getPort();
            assertThat(probePort.getStrVal() != null ? named.get(probePort.getStrVal()) : probePort.getIntVal()).isEqualTo(listens);
        }

        Dockerfile.Stage runtime = Dockerfile.read().runtime();
        assertThat(Integer.parseInt(runtime.last("EXPOSE").orElseThrow().arguments().strip())).isEqualTo(port);
        List<HealthUrl> healthchecks = healthUrls(runtime.last("HEALTHCHECK").orElseThrow().arguments());
        assertThat(healthchecks).singleElement().satisfies(h -> assertThat(h.port()).isEqualTo(port));

        Map<String, String> proxy = ComposeFileTest.environment(ComposeFileTest.service("proxy"));
        for (String upstream : List.of(proxy.get("UPSTREAM_NODE_1"), proxy.get("UPSTREAM_NODE_2"))) {
            String[] hostPort = upstream.split(":");
            Map<String, String> nodeEnv = ComposeFileTest.environment(ComposeFileTest.service(hostPort[0]));
            assertThat(Integer.parseInt(hostPort[1])).as(upstream).isEqualTo(app.portWith(nodeEnv));
        }
    }

    @Test
    void theWebSocketPathTheProxiesPassIsTheAppsLiveFeed() throws Exception {
        assertThat(nginxExactLocations()).contains("/ws");
        assertThat(KubernetesManifestsTest.model("ingress.yaml", "Ingress",
                        io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).getSpec().getRules().get(0)
                .getHttp().getPaths()).anySatisfy(p -> assertThat(p.getPath()).isEqualTo("/ws"));

        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() { })
                .get(10, TimeUnit.SECONDS);
        socket.abort();
    }

    /** For each place that configures an app node, the names of the environment variables it sets. */
    static Map<String, Set<String>> appEnvironments() {
        Map<String, Set<String>> environments = new LinkedHashMap<>();
        for (String service : List.of("app1", "app2")) {
            environments.put("compose " + service,
                    new TreeSet<>(ComposeFileTest.environment(ComposeFileTest.service(service)).keySet()));
        }
        environments.put("k8s deployment", new TreeSet<>(KubernetesManifestsTest.deploymentContainer().getEnv().stream()
                .map(EnvVar::getName).toList()));
        Set<String> dockerfile = new TreeSet<>();
        Dockerfile.read().runtime().all("ENV").forEach(env -> dockerfile.add(env.arguments().split("[= ]", 2)[0]));
        environments.put("Dockerfile", dockerfile);
        environments.put("local-cluster/start", localClusterNodeVariables());
        return environments;
    }

    /** The variables `start` sets on the node processes (its start_node function). */
    static Set<String> localClusterNodeVariables() {
        String script = DeployFiles.read(DeployFiles.deploy("local-cluster/start"));
        int begin = script.indexOf("start_node() {");
        int end = script.indexOf("\n}\n", begin);
        assertThat(begin).as("start_node() in local-cluster/start").isPositive();
        Set<String> names = new TreeSet<>();
        Matcher m = ASSIGNMENT.matcher(script.substring(begin, end));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    record HealthUrl(String path, int port) {
    }

    static List<HealthUrl> healthUrls(String text) {
        List<HealthUrl> urls = new ArrayList<>();
        Matcher m = HEALTH_URL.matcher(text);
        while (m.find()) {
            String port = m.group(2) != null ? m.group(2) : m.group(1);
            urls.add(new HealthUrl(m.group(3), port == null || port.startsWith("$") ? -1 : Integer.parseInt(port)));
        }
        return urls;
    }

    static List<String> nginxExactLocations() {
        List<String> locations = new ArrayList<>();
        Matcher m = NGINX_EXACT_LOCATION.matcher(DeployFiles.read(DeployFiles.deploy("nginx/lexnet.conf.template")));
        while (m.find()) {
            locations.add(m.group(1));
        }
        return locations;
    }
}
