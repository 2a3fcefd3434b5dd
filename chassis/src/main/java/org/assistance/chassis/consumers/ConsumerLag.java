package org.assistance.chassis.consumers;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.topics.KafkaClientSettings;
import org.jboss.logging.Logger;

/**
 * How far behind each consumer group of the platform is, as the broker sees it: per group and
 * topic, the end offsets minus the group's committed offsets ({@code assistance_consumer_lag}) and
 * the sum of its committed offsets ({@code assistance_consumer_committed_offset}, which stops
 * moving when the group's consumers stop). Every service reads every group (its Kafka user may
 * describe them all, {@code KafkaAccess}), so a stopped service's lag is still reported by the
 * others; the alert rules take the max over instances.
 *
 * <p>Read every 15 s by the scheduler, never on a request's path, with one Admin client kept open
 * and short timeouts: when the broker is away a reading fails, the gauges answer NaN (unknown,
 * rather than a stale number) and the service carries on.
 */
@ApplicationScoped
public class ConsumerLag {
    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final int TIMEOUT_SECONDS = 5;

    /** One consumer group (named after its service) reading one topic. */
    public record GroupTopic(String group, String topic) {}

    /** What the broker said of one group and topic, summed over the topic's partitions. */
    public record Reading(long lag, long committed) {}

    private final KafkaClientSettings kafka;
    private final Map<GroupTopic, Reading> readings = new ConcurrentHashMap<>();
    private Admin admin;

    public ConsumerLag(KafkaClientSettings kafka, MeterRegistry metrics) {
        this.kafka = kafka;
        for (GroupTopic consumer : consumers()) {
            Gauge.builder("assistance.consumer.lag", readings, r -> value(r.get(consumer), Reading::lag))
                    .description("Events of the topic the consumer group has not committed yet, as the broker sees it")
                    .tags("group", consumer.group(), "topic", consumer.topic())
                    .register(metrics);
            Gauge.builder(
                            "assistance.consumer.committed.offset",
                            readings,
                            r -> value(r.get(consumer), Reading::committed))
                    .description("Sum of the consumer group's committed offsets over the topic's partitions")
                    .tags("group", consumer.group(), "topic", consumer.topic())
                    .register(metrics);
        }
    }

    /** Every consumer group of the platform and the topics it reads ({@link Topics#CONSUMED}). */
    static List<GroupTopic> consumers() {
        return Topics.SERVICES.stream()
                .flatMap(service -> Topics.consumedBy(service).stream().map(topic -> new GroupTopic(service, topic)))
                .toList();
    }

    @Scheduled(
            every = "${assistance.consumer-lag.every:15s}",
            delayed = "${assistance.consumer-lag.first-after:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        measure();
    }

    /** Reads every group's lag now; the last readings (empty when the broker could not be asked). */
    public Map<GroupTopic, Reading> measure() {
        try {
            Map<GroupTopic, Reading> read = read(admin());
            readings.putAll(read);
            return Map.copyOf(read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("consumer lag not read: %s", e.toString());
        }
        readings.clear();
        return Map.of();
    }

    private Map<GroupTopic, Reading> read(Admin admin) throws Exception {
        List<String> topics =
                consumers().stream().map(GroupTopic::topic).distinct().toList();
        Map<String, TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        described
                .values()
                .forEach(d -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = offsets(admin, latest);

        Map<String, ListConsumerGroupOffsetsSpec> groups = consumers().stream()
                .map(GroupTopic::group)
                .distinct()
                .collect(Collectors.toMap(g -> g, g -> new ListConsumerGroupOffsetsSpec()));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> committed =
                admin.listConsumerGroupOffsets(groups).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        // a partition the group has never committed is read from its beginning (auto.offset.reset=earliest)
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (GroupTopic consumer : consumers()) {
            Map<TopicPartition, OffsetAndMetadata> positions = committed.getOrDefault(consumer.group(), Map.of());
            ends.keySet().stream()
                    .filter(p -> p.topic().equals(consumer.topic()) && positionOf(positions, p) < 0)
                    .forEach(p -> earliest.put(p, OffsetSpec.earliest()));
        }
        Map<TopicPartition, Long> starts = earliest.isEmpty() ? Map.of() : offsets(admin, earliest);

        Map<GroupTopic, Reading> read = new HashMap<>();
        for (GroupTopic consumer : consumers()) {
            Map<TopicPartition, OffsetAndMetadata> positions = committed.getOrDefault(consumer.group(), Map.of());
            long lag = 0;
            long sum = 0;
            for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                if (!end.getKey().topic().equals(consumer.topic())) {
                    continue;
                }
                long position = positionOf(positions, end.getKey());
                long from = position >= 0 ? position : starts.getOrDefault(end.getKey(), 0L);
                lag += Math.max(0, end.getValue() - from);
                sum += Math.max(0, position);
            }
            read.put(consumer, new Reading(lag, sum));
        }
        return read;
    }

    private static long positionOf(Map<TopicPartition, OffsetAndMetadata> positions, TopicPartition partition) {
        OffsetAndMetadata position = positions.get(partition);
        return position == null ? -1 : position.offset();
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, Map<TopicPartition, OffsetSpec> specs)
            throws Exception {
        return admin.listOffsets(specs).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static double value(Reading reading, java.util.function.ToLongFunction<Reading> field) {
        return reading == null ? Double.NaN : field.applyAsLong(reading);
    }

    /** One client for the service's life: it reconnects by itself when the broker comes back. */
    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> settings = kafka.common();
            settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
            settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_SECONDS * 1000));
            settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(TIMEOUT_SECONDS * 1000));
            admin = Admin.create(settings);
        }
        return admin;
    }

    synchronized void onStop(@Observes ShutdownEvent stop) {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
