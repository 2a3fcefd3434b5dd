package org.assistance.deploy.manifests;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a Kubernetes object with the published model of its apiVersion and kind, as strictly as the API
 * server's strict field validation (`kubectl apply --validate=strict`): a field the model lacks (a misspelt
 * one) is refused rather than kept aside, a value of another type ({@code replicas: "2"}) is refused rather
 * than converted, and an apiVersion and kind this class has no model for is refused rather than passed.
 *
 * <p>The models are the published ones: Kubernetes' own objects by fabric8's model (generated from
 * Kubernetes' OpenAPI; the version the Quarkus Kubernetes extension writes the services' manifests with),
 * Strimzi's resources by the Java model its CRDs are generated from ({@code io.strimzi:api}, the release
 * the README installs), the Prometheus Operator's PodMonitor and PrometheusRule by fabric8's model of its
 * CRDs ({@code openshift-model-monitoring}). Both are lenient by design (they keep unknown fields in an "additional
 * properties" map and let Jackson convert "2" to 2), so the mapper here takes that leniency away.
 */
final class PublishedModels {

    /** Kinds no published model is reachable for from the build (Maven Central): named, so they are not checked by silence. */
    static final Map<String, String> WITHOUT_MODEL = Map.of(
            "postgresql.cnpg.io/v1 Cluster",
            "CloudNativePG publishes its CRD only in its release files and repository, not as a Maven or npm package;"
                    + " DatabaseClustersTest checks what the services rely on",
            "postgresql.cnpg.io/v1 ScheduledBackup",
            "CloudNativePG's, as Cluster; DatabaseBackupsTest checks what the backups rely on",
            "barmancloud.cnpg.io/v1 ObjectStore",
            "the Barman Cloud plugin publishes its CRD only in its release files, as CloudNativePG;"
                    + " DatabaseBackupsTest checks what the backups rely on");

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1 Namespace", Namespace.class),
            Map.entry("v1 ConfigMap", ConfigMap.class),
            Map.entry("v1 Secret", Secret.class),
            Map.entry("v1 Service", Service.class),
            Map.entry("v1 ServiceAccount", ServiceAccount.class),
            Map.entry("apps/v1 Deployment", Deployment.class),
            Map.entry("kafka.strimzi.io/v1beta2 Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/v1beta2 KafkaUser", KafkaUser.class),
            Map.entry(
                    "monitoring.coreos.com/v1 PodMonitor",
                    io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class),
            Map.entry(
                    "monitoring.coreos.com/v1 PrometheusRule",
                    io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule.class));

    private static final ObjectMapper STRICT = strictMapper();

    private PublishedModels() {}

    static String typeOf(JsonNode document) {
        return document.path("apiVersion").asText() + " "
                + document.path("kind").asText();
    }

    static boolean hasModel(JsonNode document) {
        return MODELS.containsKey(typeOf(document));
    }

    /** Why the document is not a valid object of its kind by the published model, or empty when it is. */
    static Optional<String> problem(JsonNode document) {
        Class<?> model = MODELS.get(typeOf(document));
        if (model == null) {
            return Optional.of("no published model known for " + typeOf(document) + " (known: "
                    + MODELS.keySet().stream().sorted().collect(Collectors.joining(", ")) + ")");
        }
        try {
            STRICT.readerFor(model).readValue(STRICT.treeAsTokens(document));
            return Optional.empty();
        } catch (JsonMappingException e) {
            return Optional.of(
                    path(e) + ": " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Where in the object the model refused it, as kubectl names fields: spec.template.spec.containers[0].image. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(object)" : path.toString();
    }

    private static ObjectMapper strictMapper() {
        SimpleModule noLeniency = new SimpleModule("strict-kubernetes-models");
        noLeniency.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(
                    DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
                // the models' @JsonAnySetter would keep a misspelt field as an "additional property"
                builder.setAnySetter(null);
                builder.setIgnoreUnknownProperties(false);
                return builder;
            }

            @Override
            public JsonDeserializer<?> modifyEnumDeserializer(
                    DeserializationConfig config,
                    JavaType type,
                    BeanDescription description,
                    JsonDeserializer<?> deserializer) {
                // Strimzi's enums answer null for a value they do not know (roles: [brokers]); its CRD lists the
                // choices
                return new DelegatingDeserializer(deserializer) {
                    @Override
                    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
                        return this;
                    }

                    @Override
                    public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                        String text = parser.getText();
                        Object value = super.deserialize(parser, context);
                        if (value == null) {
                            return context.handleWeirdStringValue(
                                    type.getRawClass(), text, "not one of the values the model accepts");
                        }
                        return value;
                    }
                };
            }
        });
        ObjectMapper mapper = JsonMapper.builder()
                .addModule(noLeniency)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                // "2" is no integer and 2 no string: the API server refuses both
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
        for (CoercionInputShape shape : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        for (LogicalType type : new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        }
        return mapper;
    }
}
