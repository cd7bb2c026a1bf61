package org.lexnet.app.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every manifest under deploy/k8s read strictly — the built-in kinds into the fabric8 Kubernetes model
 * with unknown fields refused ({@link StrictKubernetesModels}), CloudNativePG's custom resources against
 * their CRD's fields ({@link CloudNativePgSchema}) — and the references between them: selectors, ports,
 * secrets, the database service, the backup's cluster.
 */
class KubernetesManifestsTest {

    private static final CloudNativePgSchema CNPG = CloudNativePgSchema.load();
    private static final String KUSTOMIZATION = "kustomization.yaml";
    private static final String SECRETS_TEMPLATE = "secrets.template.yaml";

    @Test
    void everyManifestFitsTheKubernetesApiOrTheCloudNativePgCrd() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Path file : DeployFiles.kubernetesFiles()) {
            if (file.getFileName().toString().equals(KUSTOMIZATION)) {
                continue;
            }
            for (JsonNode document : DeployFiles.yamlDocuments(file)) {
                checked++;
                String where = file.getFileName() + " " + document.path("kind").asText() + " "
                               + document.at("/metadata/name").asText();
                if (CloudNativePgSchema.describes(document)) {
                    CNPG.violations(document).forEach(v -> problems.add(where + ": " + v));
                    try {
                        StrictKubernetesModels.metadata(document.path("metadata"));
                    } catch (JsonProcessingException e) {
                        problems.add(where + ": metadata: " + e.getOriginalMessage());
                    }
                } else if (StrictKubernetesModels.modelOf(document).isEmpty()) {
                    problems.add(where + ": a kind these tests cannot check (" + document.path("apiVersion").asText() + ")");
                } else {
                    try {
                        StrictKubernetesModels.read(document);
                    } catch (JsonProcessingException e) {
                        problems.add(where + ": " + e.getOriginalMessage() + " at " + e.getLocation());
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(11);
    }

    @Test
    void aMisspeltOrMisplacedFieldFailsTheCheck() {
        ObjectNode deployment = (ObjectNode) document("deployment.yaml", "Deployment");
        ((ObjectNode) deployment.at("/spec")).put("replica", 2);
        assertThatThrownBy(() -> StrictKubernetesModels.read(deployment)).hasMessageContaining("replica");

        ObjectNode container = (ObjectNode) document("deployment.yaml", "Deployment");
        ((ObjectNode) container.at("/spec/template/spec/containers/0/readinessProbe")).put("path", "/x");
        assertThatThrownBy(() -> StrictKubernetesModels.read(container)).hasMessageContaining("path");

        ObjectNode coerced = (ObjectNode) document("deployment.yaml", "Deployment");
        ((ObjectNode) coerced.at("/spec")).put("replicas", "2");
        assertThatThrownBy(() -> StrictKubernetesModels.read(coerced)).isInstanceOf(JsonProcessingException.class);

        ObjectNode cluster = (ObjectNode) document("postgres-cluster.yaml", "Cluster");
        ((ObjectNode) cluster.at("/spec/backup/barmanObjectStore")).put("destinationPat", "s3://x");
        assertThat(CNPG.violations(cluster)).singleElement().asString()
                .startsWith("Cluster.spec.backup.barmanObjectStore.destinationPat: no such field");

        ObjectNode backup = (ObjectNode) document("postgres-backup.yaml", "ScheduledBackup");
        ((ObjectNode) backup.at("/spec")).put("method", "barman");
        assertThat(CNPG.violations(backup)).singleElement().asString().contains("\"barman\" is not one of");
    }

    @Test
    void kustomizationAppliesEveryManifestButTheSecretTemplate() {
        JsonNode kustomization = DeployFiles.yaml(DeployFiles.deploy("k8s/" + KUSTOMIZATION));
        // the fields of kustomize's Kustomization (kustomize.config.k8s.io/v1beta1) this file may use
        assertThat(fieldNames(kustomization)).isSubsetOf("apiVersion", "kind", "namespace", "resources", "images",
                "labels", "commonAnnotations", "namePrefix", "nameSuffix", "patches", "configMapGenerator",
                "secretGenerator", "generatorOptions", "components", "replicas");
        assertThat(kustomization.path("apiVersion").asText()).isEqualTo("kustomize.config.k8s.io/v1beta1");
        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        kustomization.path("images").forEach(image -> assertThat(fieldNames(image))
                .isSubsetOf("name", "newName", "newTag", "digest"));

        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> manifests = DeployFiles.kubernetesFiles().stream().map(f -> f.getFileName().toString())
                .filter(name -> !name.equals(KUSTOMIZATION) && !name.equals(SECRETS_TEMPLATE))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(manifests);

        String image = deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        assertThat(kustomization.path("images").findValuesAsText("name")).contains(image);
    }

    @Test
    void theDeploymentProbesHealthRunsAsNonRootOnAReadOnlyRootAndHasResources() {
        Deployment deployment = deployment();
        var pod = deployment.getSpec().getTemplate().getSpec();
        Container app = pod.getContainers().get(0);

        assertThat(httpPath(app.getStartupProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(httpPath(app.getLivenessProbe())).isEqualTo("/actuator/health/liveness");
        assertThat(httpPath(app.getReadinessProbe())).isEqualTo("/actuator/health/readiness");

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        assertThat(app.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(app.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(app.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(app.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(app.getResources().getLimits()).containsKey("memory");

        Set<String> volumes = pod.getVolumes().stream().map(Volume::getName).collect(Collectors.toSet());
        assertThat(app.getVolumeMounts()).allSatisfy(m -> assertThat(volumes).contains(m.getName()));
        // with a read-only root, everything the app writes must be a mounted volume
        assertThat(app.getVolumeMounts()).extracting(m -> m.getMountPath()).contains("/tmp", env(app, "LEXNET_DATA_DIR"));
        assertThat(deployment.getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void serviceIngressAutoscalerAndDisruptionBudgetPointAtTheAppPods() {
        Deployment deployment = deployment();
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container app = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Set<String> containerPorts = app.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());

        Service service = model("service.yaml", "Service", Service.class);
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(service.getSpec().getSelector());
        service.getSpec().getPorts().forEach(p -> assertThat(containerPorts).contains(p.getTargetPort().getStrVal()));

        Ingress ingress = model("ingress.yaml", "Ingress", Ingress.class);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream()
                .flatMap(r -> r.getHttp().getPaths().stream()).toList();
        Set<String> servicePorts = service.getSpec().getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
        assertThat(paths).allSatisfy(path -> {
            assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
            assertThat(servicePorts).contains(path.getBackend().getService().getPort().getName());
        });
        assertThat(paths).anySatisfy(p -> assertThat(p.getPath()).isEqualTo("/ws"));
        assertThat(paths).anySatisfy(p -> assertThat(p.getPath()).isEqualTo("/api"));
        // the web console's page and assets, and nothing else by accident
        for (String console : List.of("/", "/index.html", "/console/app.js")) {
            assertThat(paths).anySatisfy(p -> assertThat(routes(p, console)).isTrue());
        }
        assertThat(paths).noneSatisfy(p -> assertThat(routes(p, "/error")).isTrue());
        // the scrape endpoint and the rest of the actuator stay inside the cluster
        assertThat(paths).noneSatisfy(p -> assertThat(routes(p, "/actuator/prometheus")).isTrue());
        assertThat(paths).noneSatisfy(p -> assertThat(routes(p, "/actuator/env")).isTrue());
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))).isGreaterThanOrEqualTo(3600);
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"))).isGreaterThanOrEqualTo(3600);

        HorizontalPodAutoscaler hpa = model("hpa.yaml", "HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);

        PodDisruptionBudget pdb = model("pdb.yaml", "PodDisruptionBudget", PodDisruptionBudget.class);
        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void secretsAreMarkedTemplatesThatHoldEveryKeyTheManifestsReferTo() {
        Map<String, Set<String>> templates = new HashMap<>();
        for (JsonNode document : DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/" + SECRETS_TEMPLATE))) {
            Secret secret = read(document, Secret.class);
            assertThat(secret.getData()).as("placeholders in stringData, never encoded values").isNullOrEmpty();
            secret.getStringData().forEach((key, value) -> {
                if (!key.equals("username")) {
                    assertThat(value).as(secret.getMetadata().getName() + "/" + key).contains("REPLACE-ME");
                }
            });
            templates.put(secret.getMetadata().getName(), secret.getStringData().keySet());
        }
        assertThat(DeployFiles.read(DeployFiles.deploy("k8s/" + SECRETS_TEMPLATE))).contains("TEMPLATE");

        Map<String, Set<String>> referred = new HashMap<>();
        for (EnvVar env : deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
            if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                var ref = env.getValueFrom().getSecretKeyRef();
                referred.computeIfAbsent(ref.getName(), k -> new TreeSet<>()).add(ref.getKey());
            }
        }
        JsonNode cluster = document("postgres-cluster.yaml", "Cluster");
        referred.computeIfAbsent(cluster.at("/spec/bootstrap/initdb/secret/name").asText(), k -> new TreeSet<>())
                .addAll(List.of("username", "password"));
        cluster.at("/spec/backup/barmanObjectStore/s3Credentials").forEach(ref ->
                referred.computeIfAbsent(ref.path("name").asText(), k -> new TreeSet<>()).add(ref.path("key").asText()));

        assertThat(referred).containsKeys("lexnet-db-app", "lexnet-keys", "lexnet-metrics", "lexnet-backup-s3");
        referred.forEach((name, keys) -> assertThat(templates.get(name)).as("secret " + name).containsAll(keys));
        assertThat(env(deploymentContainer(), "LEXNET_MASTER_KEY")).isNull();
        assertThat(env(deploymentContainer(), "LEXNET_METRICS_TOKEN")).isNull();
        assertThat(envNames(deploymentContainer())).contains("LEXNET_MASTER_KEY", "SPRING_DATASOURCE_PASSWORD",
                "LEXNET_JWT_PRIVATE_KEY", "LEXNET_METRICS_TOKEN");
    }

    @Test
    void postgresIsACloudNativePgClusterWithAReplicaAndScheduledBackups() {
        JsonNode cluster = document("postgres-cluster.yaml", "Cluster");
        assertThat(cluster.at("/spec/instances").asInt()).isEqualTo(2);
        assertThat(cluster.at("/spec/imageName").asText()).contains("postgresql:17");
        assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asText()).isNotBlank();
        assertThat(cluster.at("/spec/backup/retentionPolicy").asText()).isNotBlank();

        JsonNode backup = document("postgres-backup.yaml", "ScheduledBackup");
        assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo(cluster.at("/metadata/name").asText());
        assertThat(backup.at("/spec/method").asText()).isEqualTo("barmanObjectStore");
        // the operator's cron has six fields, seconds first
        assertThat(backup.at("/spec/schedule").asText().split(" ")).hasSize(6);

        String url = env(deploymentContainer(), "SPRING_DATASOURCE_URL");
        assertThat(url).isEqualTo("jdbc:postgresql://" + cluster.at("/metadata/name").asText() + "-rw:5432/"
                                  + cluster.at("/spec/bootstrap/initdb/database").asText());

        for (Path file : DeployFiles.kubernetesFiles()) {
            DeployFiles.yamlDocuments(file).forEach(d -> assertThat(d.path("kind").asText()).isNotEqualTo("StatefulSet"));
        }
    }

    static Deployment deployment() {
        return model("deployment.yaml", "Deployment", Deployment.class);
    }

    static Container deploymentContainer() {
        return deployment().getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    static JsonNode document(String file, String kind) {
        return DeployFiles.yamlDocuments(DeployFiles.deploy("k8s/" + file)).stream()
                .filter(d -> d.path("kind").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + file));
    }

    static <T extends HasMetadata> T model(String file, String kind, Class<T> type) {
        return read(document(file, kind), type);
    }

    static String env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().map(EnvVar::getValue)
                .orElse(null);
    }

    static List<String> envNames(Container container) {
        return container.getEnv().stream().map(EnvVar::getName).toList();
    }

    static String httpPath(Probe probe) {
        assertThat(probe).isNotNull();
        return probe.getHttpGet().getPath();
    }

    /** Whether an Ingress path sends a request for this path to its backend (Prefix matches by segment). */
    private static boolean routes(HTTPIngressPath path, String requestPath) {
        String p = path.getPath();
        if (path.getPathType().equals("Exact")) {
            return p.equals(requestPath);
        }
        String prefix = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return prefix.isEmpty() || requestPath.equals(prefix) || requestPath.startsWith(prefix + "/");
    }

    private static <T> T read(JsonNode document, Class<T> type) {
        try {
            return StrictKubernetesModels.read(document, type);
        } catch (JsonProcessingException e) {
            throw new AssertionError(e.getOriginalMessage(), e);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
