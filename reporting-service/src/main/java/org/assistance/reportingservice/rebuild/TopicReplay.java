package org.assistance.reportingservice.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.Topics;
import org.assistance.chassis.events.UnreadableEvent;
import org.assistance.chassis.topics.KafkaClientSettings;
import org.assistance.reportingservice.events.ReadModels;
import org.jboss.logging.Logger;

/**
 * Replays every topic from its beginning into the read-model tables of a schema of their own,
 * through the same {@link ReadModels} live consumption uses.
 */
@ApplicationScoped
public class TopicReplay {
    private static final Logger LOG = Logger.getLogger(TopicReplay.class);

    private final EntityManager entityManager;
    private final ReadModels readModels;
    private final KafkaClientSettings kafka;
    private final int workers;

    public TopicReplay(
            EntityManager entityManager, ReadModels readModels, KafkaClientSettings kafka, RebuildSettings settings) {
        this.entityManager = entityManager;
        this.readModels = readModels;
        this.kafka = kafka;
        this.workers = Math.max(1, settings.workers());
    }

    /** A replay into {@code schema}'s tables, positioned at the beginning of every topic. */
    Pass begin(String schema, LongConsumer progress) {
        return new Pass(schema, progress);
    }

    /** One replay: its position in the topics, and the workers applying what it reads. */
    final class Pass implements AutoCloseable {
        private final String schema;
        private final LongConsumer progress;
        private final KafkaConsumer<String, byte[]> consumer = consumerFromTheBeginning();
        private final ExecutorService pool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-worker");
            thread.setDaemon(true);
            return thread;
        });
        private long applied;

        private Pass(String schema, LongConsumer progress) {
            this.schema = schema;
            this.progress = progress;
        }

        /** Applies everything up to the topics' current ends; returns how many events were applied in all. */
        long catchUp() throws Exception {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (consumer.assignment().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    applied += applyInParallel(records);
                    progress.accept(applied);
                }
            }
            return applied;
        }

        long applied() {
            return applied;
        }

        @Override
        public void close() {
            pool.shutdownNow();
            consumer.close();
        }

        /**
         * A request's events are all on partitions of the same number (every topic is keyed by the
         * request id and has as many partitions) and its read-model rows are its own, so the
         * partition numbers of a poll are applied by several transactions at once (a replay waits on
         * the database far more than it computes): one request never in two of them. Only the donor
         * directory is shared; a deadlock there rolls one transaction back, which is then applied again.
         */
        private long applyInParallel(ConsumerRecords<String, byte[]> records) throws Exception {
            List<List<ConsumerRecord<String, byte[]>>> groups = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                groups.add(new ArrayList<>());
            }
            for (TopicPartition partition : records.partitions()) {
                groups.get(partition.partition() % workers).addAll(records.records(partition));
            }
            List<Future<Long>> results = new ArrayList<>();
            for (List<ConsumerRecord<String, byte[]>> group : groups) {
                if (!group.isEmpty()) {
                    results.add(pool.submit(() -> applyWithRetries(group)));
                }
            }
            long count = 0;
            for (Future<Long> result : results) {
                try {
                    count += result.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
            return count;
        }

        private long applyWithRetries(List<ConsumerRecord<String, byte[]>> records) {
            for (int attempt = 1; ; attempt++) {
                try {
                    return apply(records);
                } catch (RuntimeException e) {
                    if (attempt == 5) {
                        throw e;
                    }
                    LOG.debugf("Replay transaction rolled back (%s); applying it again", e.getMessage());
                }
            }
        }

        private long apply(List<ConsumerRecord<String, byte[]>> records) {
            List<CloudEvent<AssistanceEvent>> events = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                try {
                    CloudEvent<AssistanceEvent> event = EventCodec.decode(record);
                    if (event.type() != null) {
                        events.add(event);
                    }
                } catch (UnreadableEvent e) {
                    // already dead-lettered by live consumption: not part of any read model
                }
            }
            return QuarkusTransaction.requiringNew().call(() -> {
                // the fresh tables first, the shared functions (the feeds' change tracking) from public
                entityManager
                        .createNativeQuery("set local search_path to " + schema + ", public")
                        .executeUpdate();
                long count = 0;
                for (CloudEvent<AssistanceEvent> event : events) {
                    if (readModels.replay(event)) {
                        count++;
                        // keeps the persistence context small: each query would otherwise dirty-check the whole batch
                        entityManager.flush();
                        entityManager.clear();
                    }
                }
                return count;
            });
        }
    }

    private KafkaConsumer<String, byte[]> consumerFromTheBeginning() {
        Properties props = new Properties();
        // reporting-service's own Kafka user, which may read every topic (assigned partitions, no group)
        props.putAll(kafka.common());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "8000");
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
