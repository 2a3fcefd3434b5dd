package org.assistance.chassis.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.TraceContext;
import org.assistance.chassis.transactions.FreshPlans;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and removes them in the same
 * database transaction that read them (keeping a short note of each in outbox_published), so
 * the table holds only what is still to publish and each event costs no update of an index. A transaction-scoped advisory lock lets exactly one
 * relay of a service publish at a time, whatever the number of instances, so a row is never
 * published twice concurrently and a request's events keep their order. Woken by every
 * commit that recorded an event; otherwise it looks again every poll interval, which also
 * catches up after a crash. While Kafka is away it retries with a growing pause. The same lock
 * is the {@link RelayFence}: a backup holding it stops every relay of the service until it lets go.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    public static final int LOCK_BUSY = -1;

    private final DataSource dataSource;
    private final EventPublisher publisher;
    private final OutboxConfig config;
    private final Semaphore wakeUps = new Semaphore(0);
    private final Timer publishLag;
    private final Counter published;
    private final Counter setAside;
    private volatile boolean running;
    private Thread worker;

    @Inject
    public OutboxRelay(DataSource dataSource, EventPublisher publisher, OutboxConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.publishLag = Timer.builder("assistance.outbox.publish.lag")
                .description("Time from an event's commit to its acknowledgement by Kafka")
                .publishPercentiles(0.5, 0.99)
                .register(metrics);
        this.published = Counter.builder("assistance.outbox.published")
                .description("Outbox rows published to Kafka")
                .register(metrics);
        this.setAside = Counter.builder("assistance.outbox.set.aside")
                .description("Outbox rows Kafka refused for good, moved to outbox_set_aside")
                .register(metrics);
        Gauge.builder(
                        "assistance.outbox.set.aside.rows",
                        this,
                        r -> r.queryLong("select count(*) from outbox_set_aside"))
                .description("Rows waiting in outbox_set_aside for an operator")
                .register(metrics);
        Gauge.builder("assistance.outbox.backlog", this, OutboxRelay::backlog)
                .description("Outbox rows committed but not yet published")
                .register(metrics);
        Gauge.builder("assistance.outbox.oldest.unsent.seconds", this, OutboxRelay::oldestUnsentSeconds)
                .description("Age of the oldest unpublished outbox row")
                .register(metrics);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            running = true;
            worker = new Thread(this::run, "outbox-relay");
            worker.setDaemon(true);
            worker.start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Called after a commit that recorded events: publish now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        long pauseMillis = 0;
        while (running) {
            try {
                int count = publishBatch();
                if (count > 0) {
                    pauseMillis = 0;
                    continue; // there may be more
                }
                // lock held by another instance: look again soon; otherwise wait for a commit
                long wait = count == LOCK_BUSY ? 50 : config.pollInterval().toMillis();
                if (wakeUps.tryAcquire(wait, TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
                pauseMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                pauseMillis = Math.min(
                        Math.max(pauseMillis * 2, 100), config.maxBackoff().toMillis());
                LOG.warnf("Outbox relay could not publish (%s); retrying in %d ms", rootMessage(e), pauseMillis);
                try {
                    Thread.sleep(pauseMillis);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Publishes one batch of rows and removes them, or nothing if another relay holds the lock
     * ({@link #LOCK_BUSY}). Throws when Kafka or the database fails; the rows stay in the outbox
     * and are published by a later attempt (at least once).
     */
    public int publishBatch() throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                int count = publishBatch(connection);
                connection.commit();
                return count;
            } catch (SQLException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private int publishBatch(Connection connection)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        // plans made for this batch, not kept from when the table looked empty: the outbox changes
        // size all the time, and a kept sequential scan would read every dead row left by deletes
        try (Statement lock = connection.createStatement();
                ResultSet locked = lock.executeQuery(
                        "select pg_try_advisory_xact_lock(" + RelayFence.LOCK + "), " + FreshPlans.CALL)) {
            locked.next();
            if (!locked.getBoolean(1)) {
                return LOCK_BUSY;
            }
        }
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select seq, event_id, topic, event_key, event_type, source, occurred_at, payload, traceparent, tracestate
                from outbox order by seq limit ?""")) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class),
                            rs.getString(8),
                            new TraceContext(rs.getString(9), rs.getString(10))));
                }
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        List<Row> refused = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        try {
            for (Row row : rows) {
                Future<RecordMetadata> ack = send(row);
                acks.add(ack);
                if (ack.isDone()) {
                    // failed at once (no metadata while Kafka is away): sending the rows after it
                    // would put a request's later events on the topic before this one; a row
                    // Kafka will never take is set aside instead, so it cannot block the rest
                    String reason = refusal(ack);
                    if (reason != null) {
                        refused.add(row);
                        reasons.add(reason);
                    }
                }
            }
        } finally {
            // whatever was queued before a failure reaches Kafka before any retry is queued,
            // so a request's events first appear on the topic in their recorded order
            publisher.flush();
        }
        for (int i = 0; i < rows.size(); i++) {
            if (refused.contains(rows.get(i))) {
                continue;
            }
            try {
                acks.get(i).get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!isRefusedForGood(e.getCause())) {
                    throw e;
                }
                refused.add(rows.get(i));
                reasons.add(rootMessage(e));
            }
        }
        if (!refused.isEmpty()) {
            setAside(connection, refused, reasons);
            rows = rows.stream().filter(r -> !refused.contains(r)).toList();
        }
        if (!rows.isEmpty()) {
            removePublished(connection, rows);
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (Row row : rows) {
            publishLag.record(Duration.between(row.occurredAt(), now));
        }
        published.increment(rows.size());
        return rows.size() + refused.size();
    }

    /** One statement per batch: the published rows (in seq order) leave the outbox, a note of each stays. */
    private static void removePublished(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement remove = connection.prepareStatement("""
                with sent as (delete from outbox where seq between ? and ? and seq = any(?)
                              returning seq, event_id, topic, event_key, event_type, occurred_at)
                insert into outbox_published (seq, event_id, topic, event_key, event_type, occurred_at, sent_at)
                select seq, event_id, topic, event_key, event_type, occurred_at, now() from sent order by seq""")) {
            // the range lets the primary key find the rows whatever the planner knows of the table
            remove.setLong(1, rows.get(0).seq());
            remove.setLong(2, rows.get(rows.size() - 1).seq());
            remove.setArray(
                    3,
                    connection.createArrayOf(
                            "bigint", rows.stream().map(Row::seq).toArray(Long[]::new)));
            remove.executeUpdate();
        }
    }

    private Future<RecordMetadata> send(Row row) {
        try {
            return publisher.send(row.toRecord());
        } catch (org.apache.kafka.common.KafkaException e) {
            // a record the client refuses before sending (e.g. too large) fails here for some clients
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }

    /** Why Kafka refused the row for good (it will never take it), or null: sent, or a failure worth retrying. */
    private static String refusal(Future<RecordMetadata> ack) throws InterruptedException, ExecutionException {
        try {
            ack.get();
            return null;
        } catch (ExecutionException e) {
            if (isRefusedForGood(e.getCause())) {
                return rootMessage(e);
            }
            throw e;
        }
    }

    /** Refusals of this record itself, which no retry can change; others (Kafka away, rights) are retried. */
    static boolean isRefusedForGood(Throwable cause) {
        return cause instanceof org.apache.kafka.common.errors.RecordTooLargeException
                || cause instanceof org.apache.kafka.common.errors.RecordBatchTooLargeException
                || cause instanceof org.apache.kafka.common.InvalidRecordException
                || cause instanceof org.apache.kafka.common.errors.SerializationException;
    }

    private void setAside(Connection connection, List<Row> refused, List<String> reasons) throws SQLException {
        try (PreparedStatement move = connection.prepareStatement("""
                with moved as (delete from outbox where seq = ? returning *)
                insert into outbox_set_aside (seq, event_id, topic, event_key, event_type, source, occurred_at, payload, reason,
                                              traceparent, tracestate)
                select seq, event_id, topic, event_key, event_type, source, occurred_at, payload, ?,
                       traceparent, tracestate from moved""")) {
            for (int i = 0; i < refused.size(); i++) {
                Row row = refused.get(i);
                String reason = reasons.get(i);
                move.setLong(1, row.seq());
                move.setString(2, reason.length() > 1000 ? reason.substring(0, 1000) : reason);
                move.addBatch();
                LOG.errorf(
                        "Kafka refused outbox row %d (event %s, %s on %s) for good: %s; set aside in outbox_set_aside, the rows after it go on",
                        row.seq(), row.eventId(), row.type(), row.topic(), reason);
            }
            move.executeBatch();
        }
        setAside.increment(refused.size());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeOnSchedule() {
        try {
            int purged = purge();
            if (purged > 0) {
                LOG.debugf("Purged %d notes of published events", purged);
            }
        } catch (SQLException e) {
            LOG.warnf("Could not purge notes of published events: %s", e.getMessage());
        }
    }

    /**
     * Deletes the notes of events published longer ago than the retention period; returns how
     * many. Unpublished events are never purged: they leave the outbox only once Kafka has them.
     */
    public int purge() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "delete from outbox_published where sent_at < now() - ?::interval")) {
            delete.setString(1, config.retention().toSeconds() + " seconds");
            return delete.executeUpdate();
        }
    }

    long backlog() {
        return queryLong("select count(*) from outbox");
    }

    double oldestUnsentSeconds() {
        return queryLong("select coalesce(extract(epoch from now() - min(occurred_at)), 0)::bigint " + "from outbox");
    }

    private long queryLong(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            return -1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(
            long seq,
            String eventId,
            String topic,
            String key,
            String type,
            String source,
            OffsetDateTime occurredAt,
            String payload,
            TraceContext trace) {
        /** The record carries the trace stored with the row, never the relay's own (it has none). */
        ProducerRecord<String, byte[]> toRecord() {
            return CloudEvent.toRecord(
                    topic,
                    type,
                    UUID.fromString(eventId),
                    source,
                    occurredAt,
                    key,
                    payload.getBytes(StandardCharsets.UTF_8),
                    trace);
        }
    }
}
