package org.assistance.deploy.manifests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaAccess;
import org.assistance.deploy.manifests.KubernetesManifests.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Strimzi Kafka cluster and its topics (deploy/k8s/kafka), against the chassis' list of topics. */
class KafkaManifestsTest {
    static KubernetesManifests manifests;
    static Resource kafka;
    static Map<String, Resource> kafkaTopics;

    @BeforeAll
    static void load() {
        manifests = KubernetesManifests.load();
        assertThat(manifests.ofKind("Kafka"))
                .as("Kafka resources in deploy/k8s")
                .hasSize(1);
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
        assertThat(kafka.document()
                        .path("metadata")
                        .path("annotations")
                        .path("strimzi.io/node-pools")
                        .asText())
                .as("node pools enabled on %s", kafka)
                .isEqualTo("enabled");
        List<Resource> pools = manifests.ofKind("KafkaNodePool").stream()
                .filter(pool -> kafka.name()
                        .equals(pool.document()
                                .path("metadata")
                                .path("labels")
                                .path("strimzi.io/cluster")
                                .asText()))
                .toList();
        assertThat(pools).as("node pools of %s", kafka).hasSize(1);
        JsonNode pool = pools.get(0).spec();
        assertThat(pool.path("replicas").asInt())
                .as("nodes in %s", pools.get(0))
                .isEqualTo(3);
        assertThat(textValues(pool.path("roles")))
                .as("roles of %s", pools.get(0))
                .containsExactlyInAnyOrder("controller", "broker");
    }

    @Test
    void kafka_keeps_three_replicas_of_everything_and_acknowledges_with_two_in_sync() {
        JsonNode config = kafka.spec().path("kafka").path("config");
        assertThat(config.path("default.replication.factor").asInt())
                .as("default.replication.factor")
                .isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt())
                .as("min.insync.replicas")
                .isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt())
                .as("offsets.topic.replication.factor")
                .isEqualTo(3);
        assertThat(config.path("transaction.state.log.replication.factor").asInt())
                .as("transaction.state.log.replication.factor")
                .isEqualTo(3);
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
        for (String topic : Stream.concat(platformTopics().stream(), deadLetterTopics().stream())
                .toList()) {
            assertThat(kafkaTopics)
                    .as("a KafkaTopic for %s (deploy/k8s/kafka/topics.yml)", topic)
                    .containsKey(topic);
            Resource declared = kafkaTopics.get(topic);
            JsonNode config = declared.spec().path("config");
            // Topics.config is the one source: the services' provisioner, the launcher and Compose set the same
            Topics.config(topic)
                    .forEach((name, value) -> assertThat(config.path(name).asText(null))
                            .as("%s of %s", name, declared)
                            .isEqualTo(value));
            assertThat(config.path("retention.ms").asText())
                    .as("retention.ms of %s", declared)
                    .isEqualTo("-1");
            assertThat(config.path("retention.bytes").asText())
                    .as("retention.bytes of %s", declared)
                    .isEqualTo("-1");
        }
    }

    @Test
    void the_catalogue_keeps_the_last_event_of_each_item_code() {
        assertThat(kafkaTopics).containsKey(Topics.CATALOGUE);
        assertThat(kafkaTopics
                        .get(Topics.CATALOGUE)
                        .spec()
                        .path("config")
                        .path("cleanup.policy")
                        .asText())
                .as("cleanup.policy of %s", Topics.CATALOGUE)
                .isEqualTo("compact");
    }

    @Test
    void every_topic_a_service_consumes_has_a_KafkaTopic() {
        for (PlatformService service : PlatformService.all()) {
            assertThat(kafkaTopics.keySet())
                    .as("KafkaTopics for what %s consumes", service.name())
                    .containsAll(service.consumedTopics());
        }
    }

    @Test
    void no_KafkaTopic_declares_a_topic_the_platform_does_not_use() {
        Set<String> known = Stream.concat(platformTopics().stream(), deadLetterTopics().stream())
                .collect(Collectors.toSet());
        assertThat(kafkaTopics.keySet()).as("declared topics").isSubsetOf(known);
    }

    @Test
    void every_client_of_kafka_logs_in_with_scram_and_may_do_only_what_its_acls_allow() {
        JsonNode listeners = kafka.spec().path("kafka").path("listeners");
        assertThat(listeners.size()).as("listeners of %s", kafka).isPositive();
        for (JsonNode listener : listeners) {
            assertThat(listener.path("authentication").path("type").asText())
                    .as("authentication of listener %s", listener.path("name").asText())
                    .isEqualTo("scram-sha-512");
        }
        assertThat(kafka.spec().path("kafka").path("authorization").path("type").asText())
                .as("authorization of %s", kafka)
                .isEqualTo("simple");
        assertThat(kafka.spec().path("entityOperator").has("userOperator"))
                .as("a User Operator turns the KafkaUsers into credentials and ACLs")
                .isTrue();
    }

    @Test
    void each_service_has_a_KafkaUser_whose_acls_are_those_the_chassis_derives_from_who_owns_and_consumes_each_topic() {
        assertThat(manifests.ofKind("KafkaUser").stream().map(Resource::name).toList())
                .as("KafkaUsers in deploy/k8s")
                .containsExactlyInAnyOrderElementsOf(Topics.SERVICES);
        for (String service : Topics.SERVICES) {
            Resource user = manifests.named("KafkaUser", service);
            assertThat(user.document()
                            .path("metadata")
                            .path("labels")
                            .path("strimzi.io/cluster")
                            .asText())
                    .as("cluster of %s", user)
                    .isEqualTo(kafka.name());
            assertThat(user.spec().path("authentication").path("type").asText())
                    .as("authentication of %s", user)
                    .isEqualTo("scram-sha-512");
            assertThat(user.spec().path("authorization").path("type").asText())
                    .as("authorization of %s", user)
                    .isEqualTo("simple");
            Set<String> declared = new TreeSet<>();
            for (JsonNode acl : user.spec().path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                assertThat(acl.path("type").asText("allow"))
                        .as("ACL type in %s", user)
                        .isEqualTo("allow");
                assertThat(acl.path("host").asText("*"))
                        .as("ACL host in %s", user)
                        .isEqualTo("*");
                for (JsonNode operation : acl.path("operations")) {
                    declared.add(grant(
                            resource.path("type").asText(),
                            resource.path("name").asText(),
                            resource.path("patternType").asText("literal"),
                            operation.asText()));
                }
            }
            Set<String> derived = new TreeSet<>();
            for (KafkaAccess.Grant grant : KafkaAccess.grants(service)) {
                grant.operations()
                        .forEach(operation ->
                                derived.add(grant(grant.type().name(), grant.name(), "literal", operation.name())));
            }
            assertThat(declared)
                    .as("ACLs of KafkaUser %s (deploy/k8s/kafka/users.yml) against the chassis' KafkaAccess", service)
                    .isEqualTo(derived);
        }
    }

    @Test
    void each_service_logs_in_to_kafka_as_its_own_KafkaUser_with_the_password_from_its_secret() {
        JsonNode config =
                manifests.named("ConfigMap", "assistance-platform").document().path("data");
        assertThat(config.path("KAFKA_SECURITY_PROTOCOL").asText()).isEqualTo("SASL_PLAINTEXT");
        assertThat(config.path("KAFKA_SASL_MECHANISM").asText()).isEqualTo(KafkaAccess.MECHANISM);
        for (String service : Topics.SERVICES) {
            JsonNode secretRef = KubernetesManifests.env(manifests.container(service), "KAFKA_SASL_JAAS_CONFIG")
                    .path("valueFrom")
                    .path("secretKeyRef");
            assertThat(secretRef.path("name").asText())
                    .as("Secret of %s's Kafka login (the KafkaUser's own)", service)
                    .isEqualTo(service);
            assertThat(secretRef.path("key").asText())
                    .as("key of %s's Kafka login", service)
                    .isEqualTo("sasl.jaas.config");
        }
    }

    @Test
    void every_topic_a_service_consumes_is_one_its_kafka_user_may_read() {
        for (PlatformService service : PlatformService.all()) {
            assertThat(Topics.consumedBy(service.name()))
                    .as("Topics.CONSUMED of %s against its incoming channels", service.name())
                    .containsAll(service.consumedTopics());
        }
    }

    /** One allowed operation on one resource, in words that compare across Strimzi's and Kafka's spellings. */
    private static String grant(String type, String name, String patternType, String operation) {
        return (type + " " + name + " " + patternType + " " + operation.replace("_", ""))
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static void assertDeclared(String topic) {
        assertThat(kafkaTopics)
                .as("a KafkaTopic for %s (deploy/k8s/kafka/topics.yml)", topic)
                .containsKey(topic);
        Resource declared = kafkaTopics.get(topic);
        JsonNode spec = declared.spec();
        assertThat(declared.document()
                        .path("metadata")
                        .path("labels")
                        .path("strimzi.io/cluster")
                        .asText())
                .as("cluster of %s", declared)
                .isEqualTo(kafka.name());
        assertThat(spec.path("replicas").asInt()).as("replicas of %s", declared).isEqualTo(3);
        assertThat(spec.path("config").path("min.insync.replicas").asInt())
                .as("min.insync.replicas of %s", declared)
                .isEqualTo(2);
        // the services create topics with this many partitions where the broker lets them (TopicProvisioner)
        assertThat(spec.path("partitions").asInt())
                .as("partitions of %s", declared)
                .isEqualTo(Topics.PARTITIONS);
    }

    private static List<String> textValues(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
