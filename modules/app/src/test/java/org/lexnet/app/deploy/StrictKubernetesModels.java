package org.lexnet.app.deploy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import java.util.Map;
import java.util.Optional;

/**
 * Kubernetes objects read into the fabric8 model (Maven Central: io.fabric8:kubernetes-model-*) so that
 * any field the API does not have fails. The model keeps unknown fields in an "additional properties"
 * map by default (a Jackson any-setter on every class); this reader switches every any-setter off and
 * fails on unknown properties, so a misspelt or misplaced field is an error naming its path. Scalars are
 * not coerced either: {@code replicas: "2"} fails, as it does for the API server.
 */
final class StrictKubernetesModels {

    private static final Map<String, Class<? extends HasMetadata>> KINDS = Map.of(
            "v1/Namespace", Namespace.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "apps/v1/Deployment", Deployment.class,
            "networking.k8s.io/v1/Ingress", Ingress.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .annotationIntrospector(new NoAdditionalProperties())
            .build();

    private StrictKubernetesModels() {
    }

    /** The model class for the document's apiVersion and kind, if it is one of the kinds deploy/k8s uses. */
    static Optional<Class<? extends HasMetadata>> modelOf(JsonNode document) {
        return Optional.ofNullable(KINDS.get(document.path("apiVersion").asText() + "/" + document.path("kind").asText()));
    }

    static <T> T read(JsonNode document, Class<T> type) throws JsonProcessingException {
        return STRICT.treeToValue(document, type);
    }

    static HasMetadata read(JsonNode document) throws JsonProcessingException {
        Class<? extends HasMetadata> type = modelOf(document).orElseThrow(() -> new IllegalArgumentException(
                "no model for " + document.path("apiVersion").asText() + " " + document.path("kind").asText()));
        return read(document, type);
    }

    static ObjectMeta metadata(JsonNode metadata) throws JsonProcessingException {
        return read(metadata, ObjectMeta.class);
    }

    /** Jackson's annotations as written, less every any-setter and every "ignore unknown". */
    private static final class NoAdditionalProperties extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }
    }
}
