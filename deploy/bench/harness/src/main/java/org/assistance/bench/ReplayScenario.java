package org.assistance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.assistance.chassis.events.Topics;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Scenario 3: a large history of realistic events on the topics, then reporting-service's
 * rebuild replays all of it into fresh read models. Reference, in the same run: a plain consumer
 * reading the same topics from the beginning and COPYing one row per event into an unlogged table
 * (the physical limit of "read every event and write it once"); also a plain consumer that only reads.
 *
 * The synthetic history must not set the other services to work (they would react to approvals
 * by planning shipments...), so the services are stopped while it is written and their consumer
 * groups are moved past it before they start again: only the rebuild reads it.
 */
final class ReplayScenario {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Platform platform;
    private final long events;
    private final int feedActivities;

    ReplayScenario(Platform platform, long events, int feedActivities) {
        this.platform = platform;
        this.events = events;
        this.feedActivities = feedActivities;
    }

    List<Figure> run() throws Exception {
        platform.stop(Platform.SERVICES);
        long begin = System.nanoTime();
        long written = produce();
        double writeSeconds = (System.nanoTime() - begin) / 1e9;
        System.out.printf(
                "  replay: wrote %d events in %.1f s (%.0f/s)%n", written, writeSeconds, written / writeSeconds);

        PlainRead raw = rawConsume();
        double rawRate = raw.events() / raw.seconds();
        System.out.printf(
                "  replay: a plain consumer read %d events in %.1f s (%.0f/s)%n", raw.events(), raw.seconds(), rawRate);
        PlainRead copied = copyConsume();
        double copyRate = copied.events() / copied.seconds();
        System.out.printf(
                "  replay: a plain consumer COPYing each event into an unlogged table wrote %d rows in %.1f s (%.0f/s)%n",
                copied.events(), copied.seconds(), copyRate);

        moveConsumerGroupsToTheEnd();
        platform.startAll();
        String admin = platform.token("admin", "--subject", "bench-admin");
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> started = client.send(
                HttpRequest.newBuilder(URI.create(Platform.url("reporting-service", "/api/v1/admin/rebuild")))
                        .header("Authorization", "Bearer " + admin)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + ": " + started.body());
        }
        long rebuildBegin = System.nanoTime();
        JsonNode status;
        long lastPrint = 0;
        do {
            Thread.sleep(200);
            status = JSON.readTree(client.send(
                            HttpRequest.newBuilder(
                                            URI.create(Platform.url("reporting-service", "/api/v1/admin/rebuild")))
                                    .header("Authorization", "Bearer " + admin)
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body());
            if (System.nanoTime() - lastPrint > 10_000_000_000L) {
                lastPrint = System.nanoTime();
                System.out.printf(
                        "  replay: rebuild %s, %d events so far%n",
                        status.path("state").asText(),
                        status.path("eventsReplayed").asLong());
            }
        } while (status.path("state").asText().equals("RUNNING"));
        double rebuildSeconds = (System.nanoTime() - rebuildBegin) / 1e9;
        if (!status.path("state").asText().equals("DONE")) {
            throw new IllegalStateException("the rebuild did not finish: " + status);
        }
        long replayed = status.path("eventsReplayed").asLong();
        double rate = replayed / rebuildSeconds;
        System.out.printf("  replay: rebuild applied %d events in %.1f s (%.0f/s)%n", replayed, rebuildSeconds, rate);
        return List.of(
                Figure.plain("3 rebuild", "events on the topics", raw.events(), ""),
                Figure.plain("3 rebuild", "rebuild time to catch up", rebuildSeconds, "s"),
                Figure.against(
                                "3 rebuild",
                                "rebuild events/s",
                                rate,
                                "/s",
                                "consumer COPYing 1 row/event, unlogged table",
                                copyRate)
                        .ratioAtLeast(0.5),
                Figure.against(
                        "3 rebuild", "rebuild events/s", rate, "/s", "plain consumer (read only) events/s", rawRate),
                Figure.plain("3 rebuild", "write rate of the history (producer)", written / writeSeconds, "/s"));
    }

    private long produce() {
        Properties props = new Properties();
        props.putAll(Platform.kafkaAdmin());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "10");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        AtomicReference<Exception> failure = new AtomicReference<>();
        long written;
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            written = new SyntheticJourneys(feedActivities)
                    .emit(
                            events,
                            record -> producer.send(record, (metadata, e) -> {
                                if (e != null) {
                                    failure.compareAndSet(null, e);
                                }
                            }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("writing the history failed", failure.get());
        }
        return written;
    }

    private record PlainRead(long events, double seconds) {}

    /** Both raw references read the topics alike: the platform's admin login, no commits, big polls. */
    private static Properties referenceConsumerSettings() {
        Properties props = new Properties();
        props.putAll(Platform.kafkaAdmin());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        return props;
    }

    private PlainRead rawConsume() {
        Properties props = referenceConsumerSettings();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long begin = System.nanoTime();
            long events = 0;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                events += records.count();
            }
            return new PlainRead(events, (System.nanoTime() - begin) / 1e9);
        }
    }

    /**
     * The raw reference of a rebuild: "read every event and write it once". A plain consumer reads
     * the same topics from the beginning and streams one row per event (topic, partition, offset,
     * key, type, body) into an unlogged table of a database of its own, in one COPY (PgJDBC's
     * CopyManager), without indexes; the time ends when the COPY has committed.
     */
    private PlainRead copyConsume() throws Exception {
        String database = platform.databasePrefix + "rebuild_reference";
        try (Connection admin = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + database + " with (force)");
            s.execute("create database " + database);
        }
        Properties props = referenceConsumerSettings();
        try (Connection c = DriverManager.getConnection(platform.jdbcUrl(database), "postgres", "");
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            try (Statement s = c.createStatement()) {
                s.execute("create unlogged table events (topic text not null, partition int not null,"
                        + " \"offset\" bigint not null, key text, type text, body text not null)");
            }
            c.setAutoCommit(false);
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long begin = System.nanoTime();
            long events = 0;
            CopyIn copy = c.unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy events (topic, partition, \"offset\", key, type, body) from stdin");
            StringBuilder rows = new StringBuilder(1 << 20);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                rows.setLength(0);
                for (ConsumerRecord<String, byte[]> record : records) {
                    Header type = record.headers().lastHeader("ce_type");
                    rows.append(record.topic()).append('\t');
                    rows.append(record.partition()).append('\t');
                    rows.append(record.offset()).append('\t');
                    copyField(rows, record.key());
                    rows.append('\t');
                    copyField(rows, type == null ? null : new String(type.value(), StandardCharsets.UTF_8));
                    rows.append('\t');
                    copyField(rows, new String(record.value(), StandardCharsets.UTF_8));
                    rows.append('\n');
                    events++;
                }
                byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
            }
            copy.endCopy();
            c.commit();
            return new PlainRead(events, (System.nanoTime() - begin) / 1e9);
        } finally {
            try (Connection admin = DriverManager.getConnection(platform.jdbcUrl("postgres"), "postgres", "");
                    Statement s = admin.createStatement()) {
                s.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    /** A field of COPY's text format: \N for null; backslash, tab, newline and return escaped. */
    private static void copyField(StringBuilder row, String value) {
        if (value == null) {
            row.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(ch);
            }
        }
    }

    private void moveConsumerGroupsToTheEnd() throws Exception {
        Properties props = new Properties();
        props.putAll(Platform.kafkaAdmin());
        try (Admin admin = Admin.create(props);
                KafkaConsumer<String, byte[]> consumer =
                        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer);
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            consumer.endOffsets(partitions).forEach((tp, offset) -> end.put(tp, new OffsetAndMetadata(offset)));
            List<String> groups = new ArrayList<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                groups.add(group.groupId());
                admin.alterConsumerGroupOffsets(group.groupId(), end).all().get();
            }
            System.out.println("  replay: consumer groups moved past the synthetic history: " + groups);
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        return partitions;
    }
}
