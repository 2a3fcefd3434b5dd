package org.assistance.systemtests;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The events as they are: on the topics (read by an independent client) and in the services' outboxes. */
final class EventLog {
    static final List<String> TOPICS = List.of("assistance.requests", "assistance.reviews", "assistance.shipments");
    static final List<String> DATABASES = List.of("requests", "programs", "equipment");

    private EventLog() {}

    /** How many records carry each CloudEvents id, over every partition of the platform's topics. */
    static Map<String, Integer> onTopics(String bootstrapServers) {
        Properties props = new Properties();
        props.putAll(KafkaLogin.asAdmin(bootstrapServers));
        Map<String, Integer> ids = new HashMap<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 60_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(record -> {
                    Header id = record.headers().lastHeader("ce_id");
                    if (id != null) {
                        ids.merge(new String(id.value(), StandardCharsets.UTF_8), 1, Integer::sum);
                    }
                });
            }
        }
        return ids;
    }

    /** A record on a dead-letter topic: where, about what, and why it was put there. */
    record DeadLetter(String topic, String key, String type, String reason) {}

    /** Every record on every dead-letter topic (`<topic>.dlq`) of the platform. */
    static List<DeadLetter> deadLetters(String bootstrapServers) throws Exception {
        List<String> topics;
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(KafkaLogin.asAdmin(bootstrapServers))) {
            topics = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS).stream()
                    .filter(t -> t.endsWith(".dlq"))
                    .sorted()
                    .toList();
        }
        List<DeadLetter> found = new ArrayList<>();
        if (topics.isEmpty()) {
            return found;
        }
        Properties props = new Properties();
        props.putAll(KafkaLogin.asAdmin(bootstrapServers));
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 30_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(300))
                        .forEach(record -> found.add(new DeadLetter(
                                record.topic(),
                                record.key(),
                                header(record.headers().lastHeader("ce_type")),
                                header(record.headers().lastHeader("dlq-reason")))));
            }
        }
        return found;
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Records not yet handled, summed over every consumer group of the platform and every partition
     * of the platform's topics it reads (end offset minus committed offset).
     */
    static long consumerLag(String bootstrapServers) throws Exception {
        long lag = 0;
        try (org.apache.kafka.clients.admin.Admin admin =
                org.apache.kafka.clients.admin.Admin.create(KafkaLogin.asAdmin(bootstrapServers))) {
            var groups = admin.listConsumerGroups().all().get(30, java.util.concurrent.TimeUnit.SECONDS);
            for (var group : groups) {
                Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group.groupId())
                                .partitionsToOffsetAndMetadata()
                                .get(30, java.util.concurrent.TimeUnit.SECONDS);
                Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                committed.keySet().stream()
                        .filter(tp -> tp.topic().startsWith("assistance."))
                        .forEach(tp -> latest.put(tp, org.apache.kafka.clients.admin.OffsetSpec.latest()));
                if (latest.isEmpty()) {
                    continue;
                }
                var ends = admin.listOffsets(latest).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
                for (TopicPartition tp : latest.keySet()) {
                    var offset = committed.get(tp);
                    lag += Math.max(0, ends.get(tp).offset() - (offset == null ? 0 : offset.offset()));
                }
            }
        }
        return lag;
    }

    /**
     * Ids of the events every service's relay has had acknowledged by Kafka (acks=all) and noted in outbox_published, on the
     * topics {@link #onTopics} reads: the catalogue's topic is compacted, where a superseded event may rightly go.
     */
    static Set<String> acknowledged(FaultPlatform platform) throws Exception {
        Set<String> ids = new HashSet<>();
        for (String database : DATABASES) {
            try (Connection connection = platform.connect(database);
                    java.sql.PreparedStatement query =
                            connection.prepareStatement("select event_id from outbox_published where topic = any(?)")) {
                query.setArray(1, connection.createArrayOf("varchar", TOPICS.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getString(1));
                    }
                }
            }
        }
        return ids;
    }

    /** Rows of all outboxes not yet published. */
    static long unsent(FaultPlatform platform) throws Exception {
        long unsent = 0;
        for (String database : DATABASES) {
            try (Connection connection = platform.connect(database);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("select count(*) from outbox")) {
                rows.next();
                unsent += rows.getLong(1);
            }
        }
        return unsent;
    }
}
