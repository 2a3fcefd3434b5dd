package org.assistance.deploy.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.Topics;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The Strimzi Kafka cluster and its topics (deploy/k8s/kafka), against the chassis' list of topics. */
class KafkaManifestsTest {
    static KubernetesManifests manifests;
    static Resource kafka;
    static Map<String, Resource> kafkaTopics;

    @BeforeAll
    static void load() {
        manifests = KubernetesManifests.load();
        assertThat(manifests.ofKind("Kafka")).as("Kafka resources in deploy/k8s").hasSize(1);
        kafka = manifests.ofKind("Kafka").get(0);
        kafkaTopics = manifests.ofKind("KafkaTopic").stream()
                .collect(Collectors.toMap(KafkaManifestsTest::topicName, Function.identity()));
    }

    /** Every topic the platform's events go to: Topics.ALL and every EventType's topic (should one be missing from ALL). */
    static Set<String> platformTopics() {
        Set<String> topics = new TreeSet<>(Topics.ALL);
        Arrays.stream(EventType.values()).map(EventType::topic).forEach(topics::add);
        return topics;
    }

    static Set<String> deadLetterTopics() {
        return platformTopics().stream().map(Topics::deadLetters).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String topicName(Resource topic) {
        String name = topic.spec().path("topicName").asText("");
        return name.isEmpty() ? topic.name() : name;
    }

    @Test
    void kafka_runs_as_three_kraft_nodes_each_a_controller_and_a_broker() {
        assertThat(kafka.document().path("apiVersion").asText()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat(kafka.document().path("metadata").path("annotations").path("strimzi.io/node-pools").asText())
                .as("node pools enabled on %s", kafka).isEqualTo("enabled");
        List<Resource> pools = manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> kafka.name().equals(pool.document().path("metadata").path("labels").path("strimzi.io/cluster").asText()))
                .toList();
        assertThat(pools).as("node pools of %s", kafka).hasSize(1);
        JsonNode pool = pools.get(0).spec();
        assertThat(pool.path("replicas").asInt()).as("nodes in %s", pools.get(0)).isEqualTo(3);
        assertThat(textValues(pool.path("roles"))).as("roles of %s", pools.get(0)).containsExactlyInAnyOrder("controller", "broker");
    }

    @Test
    void kafka_keeps_three_replicas_of_everything_and_acknowledges_with_two_in_sync() {
        JsonNode config = kafka.spec().path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt()).as("default.replication.factor").isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).as("min.insync.replicas").isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).as("offsets.topic.replication.factor").isEqualTo(3);
        assertThat(config.path("transaction.state.log.replication.factor").asInt()).as("transaction.state.log.replication.factor").isEqualTo(3);
    }

    @Test
    void every_topic_the_services_publish_has_a_KafkaTopic_with_three_replicas() {
        platformTopics().forEach(KafkaManifestsTest::assertDeclared);
    }

    @Test
    void every_dead_letter_topic_has_a_KafkaTopic_with_three_replicas() {
        deadLetterTopics().forEach(KafkaManifestsTest::assertDeclared);
    }

    @Test
    void every_topic_and_its_dead_letter_topic_keeps_its_events_for_ever_as_the_chassis_configures_it() {
        for (String topic : Stream.concat(platformTopics().stream(), deadLetterTopics().stream()).toList()) {
            assertThat(kafkaTopics).as("a KafkaTopic for %s (deploy/k8s/kafka/topics.yml)", topic).containsKey(topic);
            Resource declared = kafkaTopics.get(topic);
            JsonNode config = declared.spec().path("config");
            // Topics.config is the one source: the services' provisioner, the launcher and Compose set the same
            Topics.config(topic).forEach((name, value) -> assertThat(config.path(name).asText(null))
                    .as("%s of %s", name, declared).isEqualTo(value));
            assertThat(config.path("retention.ms").asText()).as("retention.ms of %s", declared).isEqualTo("-1");
            assertThat(config.path("retention.bytes").asText()).as("retention.bytes of %s", declared).isEqualTo("-1");
        }
    }

    @Test
    void the_catalogue_keeps_the_last_event_of_each_item_code() {
        assertThat(kafkaTopics).containsKey(Topics.CATALOGUE);
        assertThat(kafkaTopics.get(Topics.CATALOGUE).spec().path("config").path("cleanup.policy").asText())
                .as("cleanup.policy of %s", Topics.CATALOGUE).isEqualTo("compact");
    }

    @Test
    void every_topic_a_service_consumes_has_a_KafkaTopic() {
        for (PlatformService service : PlatformService.all()) {
            assertThat(kafkaTopics.keySet()).as("KafkaTopics for what %s consumes", service.name())
                    .containsAll(service.consumedTopics());
        }
    }

    @Test
    void no_KafkaTopic_declares_a_topic_the_platform_does_not_use() {
        Set<String> known = Stream.concat(platformTopics().stream(), deadLetterTopics().stream()).collect(Collectors.toSet());
        assertThat(kafkaTopics.keySet()).as("declared topics").isSubsetOf(known);
    }

    private static void assertDeclared(String topic) {
        assertThat(kafkaTopics).as("a KafkaTopic for %s (deploy/k8s/kafka/topics.yml)", topic).containsKey(topic);
        Resource declared = kafkaTopics.get(topic);
        JsonNode spec = declared.spec();
        assertThat(declared.document().path("metadata").path("labels").path("strimzi.io/cluster").asText())
                .as("cluster of %s", declared).isEqualTo(kafka.name());
        assertThat(spec.path("replicas").asInt()).as("replicas of %s", declared).isEqualTo(3);
        assertThat(spec.path("config").path("min.insync.replicas").asInt()).as("min.insync.replicas of %s", declared).isEqualTo(2);
        // the services create topics with this many partitions where the broker lets them (TopicProvisioner)
        assertThat(spec.path("partitions").asInt()).as("partitions of %s", declared).isEqualTo(Topics.PARTITIONS);
    }

    private static List<String> textValues(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
