package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.Test;

/** Every object `kubectl apply -k deploy/k8s` applies is valid by the published model of its kind, read strictly. */
class PublishedModelsTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: request-service
              labels: {app.kubernetes.io/name: request-service}
            spec:
              replicas: 2
              selector:
                matchLabels: {app.kubernetes.io/name: request-service}
              template:
                metadata:
                  labels: {app.kubernetes.io/name: request-service}
                spec:
                  containers:
                    - name: request-service
                      image: ghcr.io/assistance-platform/request-service:1.0.0-SNAPSHOT
                      imagePullPolicy: Always
                      ports:
                        - containerPort: 8081
                          name: http
                      resources:
                        limits: {cpu: 1000m, memory: 512Mi}
            """;

    private static final String TOPIC = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaTopic
            metadata:
              name: assistance.requests
              labels: {strimzi.io/cluster: assistance-kafka}
            spec:
              topicName: assistance.requests
              partitions: 6
              replicas: 3
              config:
                min.insync.replicas: "2"
            """;

    private static final String NODE_POOL = """
            apiVersion: kafka.strimzi.io/v1beta2
            kind: KafkaNodePool
            metadata:
              name: dual-role
              labels: {strimzi.io/cluster: assistance-kafka}
            spec:
              replicas: 3
              roles: [controller, broker]
              storage:
                type: jbod
                volumes:
                  - {id: 0, type: persistent-claim, size: 20Gi, deleteClaim: false}
            """;

    @Test
    void every_object_kubectl_applies_is_valid_by_the_published_model_of_its_kind() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Resource resource : KubernetesManifests.load().all()) {
            String type = PublishedModels.typeOf(resource.document());
            if (PublishedModels.WITHOUT_MODEL.containsKey(type)) {
                continue;
            }
            PublishedModels.problem(resource.document()).ifPresent(problem -> problems.add(resource + ": " + problem));
            checked++;
        }
        assertThat(problems).as("objects the published models refuse").isEmpty();
        assertThat(checked).as("objects checked").isGreaterThan(20);
    }

    @Test
    void the_small_manifests_below_are_valid_as_written() {
        assertThat(problem(DEPLOYMENT)).isEmpty();
        assertThat(problem(TOPIC)).isEmpty();
        assertThat(problem(NODE_POOL)).isEmpty();
    }

    @Test
    void a_number_written_as_text_is_refused_not_converted() {
        assertThat(problem(DEPLOYMENT.replace("replicas: 2", "replicas: \"2\"")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.replicas:"));
        assertThat(problem(DEPLOYMENT.replace("containerPort: 8081", "containerPort: \"8081\"")))
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("spec.template.spec.containers[0].ports[0].containerPort:"));
        assertThat(problem(NODE_POOL.replace("replicas: 3", "replicas: \"3\"")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.replicas:"));
        assertThat(problem(TOPIC.replace("partitions: 6", "partitions: \"6\"")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.partitions:"));
    }

    @Test
    void text_written_as_a_number_or_a_boolean_is_refused_not_converted() {
        String configMap = """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: assistance-platform}
                data:
                  ASSISTANCE_TOPICS_PROVISION: false
                """;
        assertThat(problem(configMap))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("data.ASSISTANCE_TOPICS_PROVISION:"));
        assertThat(problem(configMap.replace("false", "\"false\""))).isEmpty();
    }

    @Test
    void a_misspelt_field_is_refused_not_kept_aside() {
        assertThat(problem(DEPLOYMENT.replace("replicas: 2", "replica: 2")))
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("spec.replica:").contains("Unrecognized field \"replica\""));
        assertThat(problem(DEPLOYMENT.replace("imagePullPolicy", "imagePulPolicy")))
                .hasValueSatisfying(
                        problem -> assertThat(problem).startsWith("spec.template.spec.containers[0].imagePulPolicy:"));
        assertThat(problem(DEPLOYMENT.replace("  labels: {app", "  label: {app")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("metadata.label:"));
        assertThat(problem(TOPIC.replace("partitions: 6", "partition: 6")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.partition:"));
        assertThat(problem(NODE_POOL.replace("deleteClaim", "deleteClaims")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.storage.volumes[0].deleteClaims:"));
    }

    @Test
    void a_value_outside_the_models_choices_is_refused() {
        assertThat(problem(NODE_POOL.replace("[controller, broker]", "[controller, brokers]")))
                .hasValueSatisfying(problem -> assertThat(problem).startsWith("spec.roles[1]:"));
        assertThat(problem(NODE_POOL.replace("type: persistent-claim", "type: persistent-volume")))
                .isPresent();
    }

    @Test
    void a_key_written_twice_is_refused() {
        String twice = DEPLOYMENT.replace("  replicas: 2", "  replicas: 2\n  replicas: 3");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Yaml.documents(twice))
                .hasMessageContaining("duplicate key replicas");
    }

    @Test
    void an_api_version_or_kind_without_a_published_model_is_refused() {
        assertThat(problem(DEPLOYMENT.replace("apps/v1", "apps/v1beta1")))
                .hasValueSatisfying(problem ->
                        assertThat(problem).startsWith("no published model known for apps/v1beta1 Deployment"));
        assertThat(problem(TOPIC.replace("kind: KafkaTopic", "kind: KafkaTopics")))
                .isPresent();
    }

    private static Optional<String> problem(String yaml) {
        List<JsonNode> documents = Yaml.documents(yaml);
        assertThat(documents).hasSize(1);
        return PublishedModels.problem(documents.get(0));
    }
}
