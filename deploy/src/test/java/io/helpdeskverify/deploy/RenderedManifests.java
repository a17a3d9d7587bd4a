package io.helpdeskverify.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.deser.BeanDeserializerBuilder;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * What {@code helm template} wrote, read into Kubernetes' own typed models (fabric8's, generated
 * from the Kubernetes OpenAPI document). Strictly: a field the API type does not have fails the
 * read, as the API server's strict field validation would refuse it. fabric8's classes keep
 * unknown fields in an "additional properties" map by default, so that any-setter is removed.
 */
record RenderedManifests(List<Manifest> manifests) {

    /** One rendered manifest: the typed model and the JSON it was read from. */
    record Manifest(HasMetadata resource, String json) {
    }

    /** The kinds this chart renders, by apiVersion/kind: anything else is a mistake in the chart. */
    private static final Map<String, Class<? extends HasMetadata>> TYPES = Map.of(
            "apps/v1/Deployment", Deployment.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/Secret", Secret.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/Ingress", Ingress.class);

    private static final YAMLMapper YAML = new YAMLMapper();

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .addModule(new SimpleModule("strict-kubernetes-models").setDeserializerModifier(new ValueDeserializerModifier() {
                @Override
                public BeanDeserializerBuilder updateBuilder(DeserializationConfig config,
                        BeanDescription.Supplier description, BeanDeserializerBuilder builder) {
                    builder.setAnySetter(null);
                    builder.setIgnoreUnknownProperties(false);
                    return builder;
                }
            }))
            .build();

    static RenderedManifests read(String helmOutput) {
        List<Manifest> manifests = new ArrayList<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(helmOutput)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isEmpty()) {
                    continue;
                }
                String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
                Class<? extends HasMetadata> model = TYPES.get(type);
                if (model == null) {
                    throw new AssertionError("the chart rendered " + type + ", which this test does not know");
                }
                String json = doc.toString();
                try {
                    manifests.add(new Manifest(STRICT.readValue(json, model), json));
                } catch (RuntimeException e) {
                    throw new AssertionError(type + " " + doc.path("metadata").path("name").asText()
                            + " does not read as Kubernetes' " + model.getSimpleName() + ": " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("helm template's output is not YAML", e);
        }
        return new RenderedManifests(List.copyOf(manifests));
    }

    <T extends HasMetadata> List<T> ofKind(Class<T> type) {
        return manifests.stream().map(Manifest::resource).filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type) {
        List<T> found = ofKind(type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type.getSimpleName() + ", the chart rendered " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> Optional<T> optional(Class<T> type) {
        return ofKind(type).stream().findFirst();
    }

    /** The rendered JSON of every manifest of this type, for "this text appears nowhere" checks. */
    String jsonOf(Class<? extends HasMetadata> type) {
        return String.join("\n", manifests.stream().filter(m -> type.isInstance(m.resource())).map(Manifest::json).toList());
    }

    List<String> kinds() {
        return manifests.stream().map(m -> m.resource().getKind()).toList();
    }
}
