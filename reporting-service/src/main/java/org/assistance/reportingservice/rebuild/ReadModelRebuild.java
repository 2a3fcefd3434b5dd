package org.assistance.reportingservice.rebuild;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import org.assistance.reportingservice.dashboard.DashboardStream;
import org.assistance.reportingservice.dashboard.DeliveryReadModel;
import org.assistance.reportingservice.timelines.Timelines;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.assistance.chassis.topics.KafkaClientSettings;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds every read model from the topics: replays all events from the beginning into fresh
 * tables in a schema of their own while reads (and live consumption) go on against the current
 * ones, then switches over when caught up. The switch holds a database lock that live handling
 * takes in shared mode first thing in its transactions, so no event falls between the two.
 */
@ApplicationScoped
public class ReadModelRebuild {
    private static final Logger LOG = Logger.getLogger(ReadModelRebuild.class);
    /** The tables the read models consist of (including the consumer's memory of handled events). */
    static final List<String> TABLES = List.of("timeline_entries", "request_owners", "request_facts",
            "shipment_facts", "money_facts", "money_parts", "deliverable_facts", "shipment_lines", "backorder_facts",
            "refused_lines", "donor_directory", "pledge_facts", "processed_events");
    private static final String CONSUMER = "read-models";
    private static final long SWITCH_LOCK = 0x726562756c64L;

    @Schema(name = "RebuildState")
    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** Where a rebuild stands; the error of a failed one is cut to its first {@code MAX_ERROR} characters. */
    @Schema(name = "RebuildStatus")
    public record Status(State state, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                         @Schema(minimum = "0", maximum = "9223372036854775807") long eventsReplayed,
                         @Schema(description = "Why the last rebuild failed", maxLength = MAX_ERROR) String error) {
        public static final int MAX_ERROR = 500;

        public Status {
            if (error != null && error.length() > MAX_ERROR) {
                error = error.substring(0, MAX_ERROR);
            }
        }
    }

    private final DataSource dataSource;
    private final EntityManager entityManager;
    private final Timelines timelines;
    private final DeliveryReadModel readModel;
    private final KafkaClientSettings kafka;
    private final int workers;
    private final AtomicReference<ExecutorService> pool = new AtomicReference<>();
    private final AtomicReference<Status> status =
            new AtomicReference<>(new Status(State.IDLE, null, null, 0, null));

    public ReadModelRebuild(DataSource dataSource, EntityManager entityManager, Timelines timelines,
                            DeliveryReadModel readModel,
                            KafkaClientSettings kafka,
                            @ConfigProperty(name = "assistance.rebuild.workers", defaultValue = "4") int workers) {
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.timelines = timelines;
        this.readModel = readModel;
        this.kafka = kafka;
        this.workers = Math.max(1, workers);
    }

    /** Taken by live handling at the start of each transaction: waits while a switch-over is under way. */
    public void guardLiveHandling() {
        entityManager.createNativeQuery("select pg_advisory_xact_lock_shared(" + SWITCH_LOCK + ")").getSingleResult();
    }

    /**
     * Taken by a read of several tables at the start of its transaction: it waits while a
     * switch-over moves the tables, and a switch-over waits for it, so the two never deadlock.
     */
    public void guardReading() {
        guardLiveHandling();
    }

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false when one is already running. */
    public synchronized boolean start() {
        if (status.get().state() == State.RUNNING) {
            return false;
        }
        status.set(new Status(State.RUNNING, OffsetDateTime.now(), null, 0, null));
        Thread worker = new Thread(this::run, "read-model-rebuild");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run() {
        String schema = "rebuild_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        OffsetDateTime started = status.get().startedAt();
        long replayed = 0;
        ExecutorService workerPool = Executors.newFixedThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-worker");
            thread.setDaemon(true);
            return thread;
        });
        pool.set(workerPool);
        try (KafkaConsumer<String, byte[]> consumer = consumerFromTheBeginning()) {
            createFreshTables(schema);
            replayed += catchUp(consumer, schema, 0);
            replayed += switchOver(consumer, schema, replayed);
            status.set(new Status(State.DONE, started, OffsetDateTime.now(), replayed, null));
            LOG.infof("Read models rebuilt from %d events", replayed);
        } catch (Exception e) {
            LOG.errorf(e, "Read model rebuild failed");
            dropQuietly(schema);
            status.set(new Status(State.FAILED, started, OffsetDateTime.now(), replayed, e.getMessage()));
        } finally {
            workerPool.shutdownNow();
        }
    }

    private void createFreshTables(String schema) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
            for (String table : TABLES) {
                s.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
            }
            // its own sequence (it moves with its table at the switch); the old one goes with the old table
            s.execute("create sequence " + schema + ".timeline_entries_seq_seq");
            s.execute("alter table " + schema + ".timeline_entries alter column seq set default nextval('"
                    + schema + ".timeline_entries_seq_seq')");
            s.execute("alter sequence " + schema + ".timeline_entries_seq_seq owned by " + schema + ".timeline_entries.seq");
            // triggers are not copied by LIKE: the feeds' change tracking needs it on the new table
            s.execute("create trigger request_facts_changed before insert or update on " + schema
                    + ".request_facts for each row execute function public.request_facts_changed()");
        }
    }

    /** Applies everything up to the topics' current ends; returns how many events were applied. */
    private long catchUp(KafkaConsumer<String, byte[]> consumer, String schema, long before) throws Exception {
        long applied = 0;
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        while (consumer.assignment().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            if (!records.isEmpty()) {
                applied += applyInParallel(records, schema);
                status.set(new Status(State.RUNNING, status.get().startedAt(), null, before + applied, null));
            }
        }
        return applied;
    }

    /**
     * A request's events are all on partitions of the same number (every topic is keyed by the
     * request id and has as many partitions) and its read-model rows are its own, so the
     * partition numbers of a poll are applied by several transactions at once (a replay waits on
     * the database far more than it computes): one request never in two of them. Only the donor
     * directory is shared; a deadlock there rolls one transaction back, which is then applied again.
     */
    private long applyInParallel(ConsumerRecords<String, byte[]> records, String schema) throws Exception {
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
                results.add(pool.get().submit(() -> applyWithRetries(group, schema)));
            }
        }
        long applied = 0;
        for (Future<Long> result : results) {
            try {
                applied += result.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return applied;
    }

    private long applyWithRetries(List<ConsumerRecord<String, byte[]>> records, String schema) {
        for (int attempt = 1; ; attempt++) {
            try {
                return apply(records, schema);
            } catch (RuntimeException e) {
                if (attempt == 5) {
                    throw e;
                }
                LOG.debugf("Replay transaction rolled back (%s); applying it again", e.getMessage());
            }
        }
    }

    private long apply(List<ConsumerRecord<String, byte[]>> records, String schema) {
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
            entityManager.createNativeQuery("set local search_path to " + schema + ", public").executeUpdate();
            long count = 0;
            for (CloudEvent<AssistanceEvent> event : events) {
                int first = entityManager.createNativeQuery("""
                                insert into processed_events (consumer, event_id, event_type) values (?1, ?2, ?3)
                                on conflict do nothing""")
                        .setParameter(1, CONSUMER).setParameter(2, event.id()).setParameter(3, event.type().typeName())
                        .executeUpdate();
                if (first == 1) {
                    if (event.data().requestId() != null) {
                        timelines.record(event);
                    }
                    readModel.apply(event);
                    count++;
                    // keeps the persistence context small: each query would otherwise dirty-check the whole batch
                    entityManager.flush();
                    entityManager.clear();
                }
            }
            return count;
        });
    }

    /** Blocks live handling, applies the last events, and swaps the fresh tables in. */
    private long switchOver(KafkaConsumer<String, byte[]> consumer, String schema, long before) throws Exception {
        String retired = schema.replace("rebuild_", "retired_");
        long applied;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(" + SWITCH_LOCK + ")");
                applied = catchUp(consumer, schema, before);
                s.execute("create schema " + retired);
                for (String table : TABLES) {
                    s.execute("alter table public." + table + " set schema " + retired);
                    s.execute("alter table " + schema + "." + table + " set schema public");
                }
                // every instance's open dashboards reload once the new tables are in
                s.execute("select pg_notify('" + DashboardStream.CHANNEL + "', '{\"type\":\"read-models.rebuilt\","
                        + "\"source\":\"/reporting-service\",\"summary\":\"Read models rebuilt from the topics\","
                        + "\"time\":\"" + OffsetDateTime.now() + "\"}')");
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        dropQuietly(retired);
        dropQuietly(schema);
        return applied;
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

    private void dropQuietly(String schema) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (Exception e) {
            LOG.warnf("Could not drop schema %s: %s", schema, e.getMessage());
        }
    }
}
