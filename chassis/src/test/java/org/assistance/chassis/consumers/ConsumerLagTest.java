package org.assistance.chassis.consumers;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.assistance.chassis.consumers.ConsumerLag.GroupTopic;
import org.assistance.chassis.consumers.ConsumerLag.Reading;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaClientSettings;
import org.assistance.testsupport.BrokerClient;
import org.assistance.testsupport.KafkaBroker;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Operators see how far behind each consumer group is from the broker's side, reported by any
 * service: a stopped service's group is still measured by the others, with their own credentials.
 */
class ConsumerLagTest {
    static final GroupTopic EQUIPMENT_READING_REVIEWS = new GroupTopic(Topics.EQUIPMENT_SERVICE, Topics.REVIEWS);

    @BeforeAll
    static void platformTopics() throws Exception {
        try (Admin admin = admin()) {
            java.util.Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Topics.PARTITIONS, (short) 1).configs(Topics.config(topic)))
                    .toList();
            try {
                admin.createTopics(missing).all().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException createdMeanwhile) {
                // another test's application created it at the same moment
            }
        }
    }

    @Test
    void program_service_reports_the_lag_of_equipment_services_group_which_falls_to_zero_once_it_commits()
            throws Exception {
        // five reviews equipment-service has not handled: its group committed up to just before them on partition 0
        BrokerClient.sendAs(
                Topics.PROGRAM_SERVICE,
                IntStream.range(0, 5)
                        .mapToObj(i -> new ProducerRecord<>(
                                Topics.REVIEWS, 0, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8)))
                        .toList());
        Map<TopicPartition, Long> ends = endsOf(Topics.REVIEWS);
        Map<TopicPartition, Long> behind = new HashMap<>(ends);
        behind.put(new TopicPartition(Topics.REVIEWS, 0), ends.get(new TopicPartition(Topics.REVIEWS, 0)) - 5);
        commit(Topics.EQUIPMENT_SERVICE, behind);
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ConsumerLag lag = new ConsumerLag(settingsOf(Topics.PROGRAM_SERVICE), metrics);
        long endSum = ends.values().stream().mapToLong(Long::longValue).sum();

        assertThat(lag.measure()).containsEntry(EQUIPMENT_READING_REVIEWS, new Reading(5, endSum - 5));
        assertThat(gauge(metrics, "assistance.consumer.lag")).isEqualTo(5.0);
        assertThat(gauge(metrics, "assistance.consumer.committed.offset")).isEqualTo(endSum - 5.0);

        commit(Topics.EQUIPMENT_SERVICE, ends);

        assertThat(lag.measure()).containsEntry(EQUIPMENT_READING_REVIEWS, new Reading(0, endSum));
        assertThat(gauge(metrics, "assistance.consumer.lag")).isZero();
        assertThat(gauge(metrics, "assistance.consumer.committed.offset")).isEqualTo((double) endSum);
        lag.onStop(null);
    }

    @Test
    void a_group_that_never_committed_is_behind_by_everything_its_topic_holds() throws Exception {
        BrokerClient.sendAs(
                Topics.EQUIPMENT_SERVICE,
                List.of(new ProducerRecord<>(
                        Topics.SHIPMENTS, UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8))));
        try (Admin admin = admin()) {
            admin.deleteConsumerGroups(List.of(Topics.REQUEST_SERVICE)).all().get(10, TimeUnit.SECONDS);
        } catch (Exception groupNeverExisted) {
            // nothing committed either way
        }
        long held = endsOf(Topics.SHIPMENTS).values().stream()
                .mapToLong(Long::longValue)
                .sum();
        ConsumerLag lag = new ConsumerLag(settingsOf(Topics.REPORTING_SERVICE), new SimpleMeterRegistry());

        assertThat(lag.measure())
                .containsEntry(new GroupTopic(Topics.REQUEST_SERVICE, Topics.SHIPMENTS), new Reading(held, 0));
        lag.onStop(null);
    }

    @Test
    void while_the_broker_is_unreachable_the_lag_is_unknown_and_nothing_fails() {
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        ConsumerLag lag = new ConsumerLag(KafkaClientSettings.plaintext("127.0.0.1:1"), metrics);

        assertThat(lag.measure()).isEmpty();
        assertThat(gauge(metrics, "assistance.consumer.lag")).isNaN();
        assertThat(metrics.find("assistance.consumer.lag").gauges())
                .hasSize(ConsumerLag.consumers().size());
        lag.onStop(null);
    }

    private static double gauge(SimpleMeterRegistry metrics, String name) {
        return metrics.get(name)
                .tags("group", EQUIPMENT_READING_REVIEWS.group(), "topic", EQUIPMENT_READING_REVIEWS.topic())
                .gauge()
                .value();
    }

    private static KafkaClientSettings settingsOf(String service) {
        Map<String, String> client = KafkaBroker.shared().clientSettings(service);
        return new KafkaClientSettings(
                client.get("bootstrap.servers"),
                client.get("security.protocol"),
                Optional.of(client.get("sasl.mechanism")),
                Optional.of(client.get("sasl.jaas.config")));
    }

    private static Admin admin() {
        return Admin.create(Map.<String, Object>copyOf(KafkaBroker.shared().adminSettings()));
    }

    private static Map<TopicPartition, Long> endsOf(String topic) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(10, TimeUnit.SECONDS)
                    .get(topic)
                    .partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(10, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    /** Moves the group's committed positions, as its consumers would by committing. */
    private static void commit(String group, Map<TopicPartition, Long> positions) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        positions.forEach((partition, offset) -> offsets.put(partition, new OffsetAndMetadata(offset)));
        try (Admin admin = admin()) {
            admin.alterConsumerGroupOffsets(group, offsets).all().get(10, TimeUnit.SECONDS);
        }
    }
}
