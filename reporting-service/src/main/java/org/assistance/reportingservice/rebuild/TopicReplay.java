package org.assistance.reportingservice.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
import org.assistance.reportingservice.dashboard.ProgrammeFacts;
import org.assistance.reportingservice.dashboard.RequestFacts;
import org.assistance.reportingservice.dashboard.RequestJourney;
import org.assistance.reportingservice.events.ReadModels;
import org.assistance.reportingservice.readmodels.ManyRows;
import org.assistance.reportingservice.results.ParticipantFacts;

/**
 * Replays the topics from their beginning into the read-model tables of a schema of their own,
 * through the same fold live consumption uses ({@link ReadModels#fold}), a poll at a time: one
 * thread fetches and decodes while another folds the previous polls and writes them, each in a
 * transaction of its own: what each event adds (timeline lines, the memory of handled events,
 * barriers) with COPY into tables without keys yet, the other tables each in one statement; the
 * requests' rows stay in memory from poll to poll and are written when let go, so a request is
 * written about once, not once for each poll its events came in.
 */
@ApplicationScoped
public class TopicReplay {
    /**
     * Decoded polls waiting for the writer: fetching runs ahead by one, no more. Decoding takes less
     * than half the writer's time, so one poll ahead keeps the writer busy; each poll more held some
     * 10 MB of decoded events in the old generation, where (with a service's 256 MB heap) they drove
     * the collector to a full collection every second (issue 18: a third of a rebuild went to the collector).
     */
    private static final int AHEAD = 1;

    /**
     * What one fetch brings at most: a poll's worth of records, not Kafka's default 50 MB (each of the
     * rebuild's dozens of partitions up to 1 MB), which sat in the small heap as fetched, undecoded buffers.
     */
    private static final int FETCH_MAX_BYTES = 4 * 1024 * 1024;

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
        /**
         * The journeys folded last, kept in memory from poll to poll and written when let go (the
         * least recently folded, beyond {@code assistance.rebuild.journeys-kept}) or at the end of
         * the pass: a request whose events come in several polls (one topic's, then another's) is
         * neither read back nor written again for each.
         */
        private final Map<UUID, RequestJourney> kept = new LinkedHashMap<>(1024, 0.75f, true);
        /** Requests whose participants are recounted once their rows are written (see ParticipantFacts#recount). */
        private final Set<UUID> recount = new LinkedHashSet<>();
        /** The events folded so far: one published twice is folded once, as live handling does. */
        private final SeenEvents seen = new SeenEvents(1 << 16);

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
                        inFreshTables(c, schema);
                        List<CloudEvent<AssistanceEvent>> first = firstDeliveries(c, events);
                        ReadModels.fold(c, first, this::journeys, true, recount);
                        letGo(c, kept.size() - settings.journeysKept());
                        c.commit();
                        applied += first.size();
                        progress.accept(applied);
                    }
                    inFreshTables(c, schema);
                    letGo(c, kept.size());
                    ParticipantFacts.recount(c, recount);
                    recount.clear();
                    c.commit();
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        }

        /**
         * Writes the {@code count} journeys folded least recently and forgets them (all of them at
         * the end of a pass), each table in one statement for a poll's worth of them.
         */
        private void letGo(Connection c, int count) throws SQLException {
            if (count <= 0) {
                return;
            }
            List<RequestJourney> leaving = new ArrayList<>(Math.min(count, settings.pollRecords()));
            Iterator<RequestJourney> eldest = kept.values().iterator();
            for (int i = 0; i < count; i++) {
                leaving.add(eldest.next());
                eldest.remove();
                if (leaving.size() == settings.pollRecords() || i == count - 1) {
                    FactTables.write(c, leaving, new ProgrammeFacts());
                    leaving.clear();
                }
            }
        }

        /**
         * The requests' rows: kept in memory since an earlier poll, else read back from the fresh
         * tables for those written before, new for the others.
         */
        private Map<UUID, RequestJourney> journeys(Connection c, Set<UUID> ids) throws SQLException {
            Map<UUID, RequestJourney> journeys = new HashMap<>();
            Set<UUID> readBack = new HashSet<>();
            for (UUID id : ids) {
                RequestJourney journey = kept.get(id);
                if (journey != null) {
                    journeys.put(id, journey);
                } else if (written.contains(id)) {
                    readBack.add(id);
                } else {
                    RequestFacts request = new RequestFacts();
                    request.requestId = id;
                    journeys.put(id, new RequestJourney(request, RequestJourney.Rows.NONE));
                }
            }
            if (!readBack.isEmpty()) {
                Map<UUID, RequestFacts> rows = FactTables.requests(c, readBack);
                RequestJourney.Rows others = FactTables.rowsOf(c, readBack);
                for (UUID id : readBack) {
                    RequestFacts request = rows.get(id);
                    if (request == null) {
                        request = new RequestFacts();
                        request.requestId = id;
                    }
                    journeys.put(id, new RequestJourney(request, others));
                }
            }
            written.addAll(ids);
            journeys.forEach(kept::put);
            return journeys;
        }

        /**
         * The events not folded before (an event published twice is folded once, as live handling
         * does), remembered as handled (processed_events) with COPY: the replay's own memory of them
         * is what keeps them apart, the table gets its key when the bulk is in.
         */
        private List<CloudEvent<AssistanceEvent>> firstDeliveries(
                Connection c, List<CloudEvent<AssistanceEvent>> events) throws SQLException {
            List<CloudEvent<AssistanceEvent>> first = new ArrayList<>(events.size());
            ManyRows handled = ManyRows.of("processed_events", "consumer", "event_id", "event_type");
            for (CloudEvent<AssistanceEvent> event : events) {
                if (seen.add(event.id())) {
                    first.add(event);
                    handled.add(ReadModels.CONSUMER, event.id(), event.type().typeName());
                }
            }
            handled.copy(c);
            return first;
        }
    }

    /**
     * The transaction's statements go to the fresh tables first, the shared functions (the feeds'
     * change tracking) from public; and they find rows by their indexes. The fresh tables start
     * empty and have no statistics while the replay fills them, and a plan the connection cached
     * while they were small stays a whole-table scan as they grow: a poll's read-back or delete of
     * its requests ({@code request_id = any(...)}) then scanned everything written so far, a cost
     * growing with the square of the history (issue 18: after 650,000 events, money_parts had had
     * 106 scans reading 8.2 million rows and not one index scan). Every read of the replay is by key.
     */
    static void inFreshTables(Connection c, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local search_path to " + schema + ", public");
            s.execute("set local enable_seqscan = off");
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
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(FETCH_MAX_BYTES));
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, String.valueOf(FETCH_MAX_BYTES / 4));
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
