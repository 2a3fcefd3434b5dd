package org.assistance.reportingservice.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import javax.sql.DataSource;
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
import org.assistance.reportingservice.dashboard.FactTables;
import org.assistance.reportingservice.dashboard.RequestFacts;
import org.assistance.reportingservice.dashboard.RequestJourney;
import org.assistance.reportingservice.events.ReadModels;

/**
 * Replays the topics from their beginning into the read-model tables of a schema of their own,
 * through the same fold live consumption uses ({@link ReadModels#fold}), a poll at a time: one
 * thread fetches and decodes while another folds the previous polls and writes them (timelines
 * with COPY, each fact table in one statement), each in a transaction of its own.
 */
@ApplicationScoped
public class TopicReplay {
    /** Decoded polls waiting for the writer: fetching runs ahead by this many, no more (bounded memory). */
    private static final int AHEAD = 4;

    private static final List<CloudEvent<AssistanceEvent>> END = List.of();

    private final DataSource dataSource;
    private final KafkaClientSettings kafka;
    private final RebuildSettings settings;

    public TopicReplay(DataSource dataSource, KafkaClientSettings kafka, RebuildSettings settings) {
        this.dataSource = dataSource;
        this.kafka = kafka;
        this.settings = settings;
    }

    /** A replay into {@code schema}'s tables, positioned at the beginning of every topic. */
    Pass begin(String schema, LongConsumer progress) {
        return new Pass(schema, progress);
    }

    /** One replay: its position in the topics, and the requests whose rows it has written so far. */
    final class Pass implements AutoCloseable {
        private final String schema;
        private final LongConsumer progress;
        private final KafkaConsumer<String, byte[]> consumer = consumerFromTheBeginning();
        private final ExecutorService writer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "read-model-rebuild-writer");
            thread.setDaemon(true);
            return thread;
        });
        /** Requests with rows in the fresh tables: only theirs are read back, a new one starts empty. */
        private final Set<UUID> written = new HashSet<>();

        private long applied;

        private Pass(String schema, LongConsumer progress) {
            this.schema = schema;
            this.progress = progress;
        }

        /** Applies everything up to the topics' current ends; returns how many events were applied in all. */
        long catchUp() throws Exception {
            BlockingQueue<List<CloudEvent<AssistanceEvent>>> polls = new ArrayBlockingQueue<>(AHEAD);
            Future<?> writing = writer.submit(() -> {
                write(polls);
                return null;
            });
            try {
                Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
                while (consumer.assignment().stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                    if (!records.isEmpty()) {
                        List<CloudEvent<AssistanceEvent>> events = decode(records);
                        while (!polls.offer(events, 100, TimeUnit.MILLISECONDS)) {
                            if (writing.isDone()) {
                                writing.get(); // the writer failed: its failure is the replay's
                            }
                        }
                    }
                }
                while (!polls.offer(END, 100, TimeUnit.MILLISECONDS)) {
                    if (writing.isDone()) {
                        break;
                    }
                }
                writing.get();
            } finally {
                writing.cancel(true);
            }
            return applied;
        }

        long applied() {
            return applied;
        }

        @Override
        public void close() {
            writer.shutdownNow();
            consumer.close();
        }

        /** The writer's loop: each poll folded and written in a transaction of its own, until the end. */
        private void write(BlockingQueue<List<CloudEvent<AssistanceEvent>>> polls) throws Exception {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    for (List<CloudEvent<AssistanceEvent>> events = polls.take();
                            events != END;
                            events = polls.take()) {
                        try (Statement s = c.createStatement()) {
                            // the fresh tables first, the shared functions (the feeds' change tracking) from public
                            s.execute("set local search_path to " + schema + ", public");
                        }
                        List<CloudEvent<AssistanceEvent>> first = firstDeliveries(c, events);
                        ReadModels.fold(c, first, this::journeys, true);
                        c.commit();
                        applied += first.size();
                        progress.accept(applied);
                    }
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }

        /** The requests' rows: read back from the fresh tables for those written before, new for the others. */
        private Map<UUID, RequestJourney> journeys(Connection c, Set<UUID> ids) throws SQLException {
            Set<UUID> known = new HashSet<>();
            for (UUID id : ids) {
                if (written.contains(id)) {
                    known.add(id);
                }
            }
            Map<UUID, RequestFacts> rows = known.isEmpty() ? Map.of() : FactTables.requests(c, known);
            RequestJourney.Rows others = known.isEmpty() ? RequestJourney.Rows.NONE : FactTables.rowsOf(c, known);
            Map<UUID, RequestJourney> journeys = new HashMap<>();
            for (UUID id : ids) {
                RequestFacts request = rows.get(id);
                if (request == null) {
                    request = new RequestFacts();
                    request.requestId = id;
                    journeys.put(id, new RequestJourney(request, RequestJourney.Rows.NONE));
                } else {
                    journeys.put(id, new RequestJourney(request, others));
                }
            }
            written.addAll(ids);
            return journeys;
        }

        /**
         * Remembers the events as handled (processed_events), in one statement that also tells which
         * were handled before: an event published twice is folded once, as live handling does.
         */
        private List<CloudEvent<AssistanceEvent>> firstDeliveries(
                Connection c, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
            UUID[] ids = new UUID[events.size()];
            String[] types = new String[events.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = events.get(i).id();
                types[i] = events.get(i).type().typeName();
            }
            Set<UUID> recorded = new HashSet<>();
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into processed_events (consumer, event_id, event_type)
                    select ?, polled.event_id, polled.event_type from unnest(?::uuid[], ?::text[]) as polled (event_id, event_type)
                    on conflict do nothing returning event_id""")) {
                insert.setString(1, ReadModels.CONSUMER);
                insert.setArray(2, c.createArrayOf("uuid", ids));
                insert.setArray(3, c.createArrayOf("text", types));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        recorded.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            List<CloudEvent<AssistanceEvent>> first = new ArrayList<>(recorded.size());
            for (CloudEvent<AssistanceEvent> event : events) {
                if (recorded.remove(event.id())) {
                    first.add(event);
                }
            }
            return first;
        }
    }

    /**
     * The events live consumption would handle: readable, of a known type, from their topic's
     * owner (live consumption dead-letters the others: they are part of no read model).
     */
    private static List<CloudEvent<AssistanceEvent>> decode(ConsumerRecords<String, byte[]> records) {
        List<CloudEvent<AssistanceEvent>> events = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                CloudEvent<AssistanceEvent> event = EventCodec.decode(record);
                if (event.type() != null
                        && Topics.expectedSource(record.topic()).equals(event.source())) {
                    events.add(event);
                }
            } catch (UnreadableEvent e) {
                // dead-lettered by live consumption: not part of any read model
            }
        }
        return events;
    }

    private KafkaConsumer<String, byte[]> consumerFromTheBeginning() {
        Properties props = new Properties();
        // reporting-service's own Kafka user, which may read every topic (assigned partitions, no group)
        props.putAll(kafka.common());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(settings.pollRecords()));
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : Topics.ALL) {
            if (topic.equals(Topics.CATALOGUE)) {
                continue; // live consumption reads no catalogue: it is part of no read model
            }
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
