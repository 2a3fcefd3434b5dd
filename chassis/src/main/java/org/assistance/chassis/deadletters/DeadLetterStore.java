package org.assistance.chassis.deadletters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.jboss.logging.Logger;

/**
 * The service's dead letters in its own database ({@code dead_letters}): each record its
 * consumers parked, whole, with what became of it. Also counts the pending ones for Prometheus
 * ({@code assistance_dead_letters_pending}), which the alert on dead letters watches: it fires
 * while any is pending and clears when each is replayed or discarded.
 */
@ApplicationScoped
public class DeadLetterStore {
    private static final Logger LOG = Logger.getLogger(DeadLetterStore.class);
    private static final String COLUMNS = "id, consumer, topic, partition_no, offset_no, event_id, event_type, reason, "
            + "exception, dead_lettered_at, status, resolved_at, resolved_by, resolution, replay_attempts, "
            + "last_replay_failure";

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final AtomicLong pending = new AtomicLong();

    public DeadLetterStore(EntityManager entityManager, ObjectMapper json, MeterRegistry metrics) {
        this.entityManager = entityManager;
        this.json = json;
        Gauge.builder("assistance.dead.letters.pending", pending, AtomicLong::get)
                .description("Dead letters of this service neither replayed nor discarded")
                .register(metrics);
    }

    void onStart(@Observes StartupEvent start) {
        countPending();
    }

    /**
     * Keeps a record its consumer parked, in a transaction of its own. A record parked again (its
     * offset was not committed before a restart) is kept once.
     */
    public void keep(ConsumerRecord<String, byte[]> record, String consumer, String reason, String exception) {
        QuarkusTransaction.requiringNew().run(() -> {
            int kept = entityManager
                    .createNativeQuery("""
                            insert into dead_letters (id, consumer, topic, partition_no, offset_no, record_key,
                                record_value, headers, event_id, event_type, reason, exception, dead_lettered_at)
                            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb), ?9, ?10, ?11, ?12, ?13)
                            on conflict (consumer, topic, partition_no, offset_no) do nothing
                            """)
                    .setParameter(1, TimeOrderedIds.next())
                    .setParameter(2, consumer)
                    .setParameter(3, record.topic())
                    .setParameter(4, record.partition())
                    .setParameter(5, record.offset())
                    .setParameter(6, bounded(record.key(), 500))
                    .setParameter(7, record.value() == null ? new byte[0] : record.value())
                    .setParameter(8, headers(record))
                    .setParameter(9, bounded(header(record, CloudEvent.HEADER_ID), 200))
                    .setParameter(10, bounded(header(record, CloudEvent.HEADER_TYPE), 200))
                    .setParameter(11, bounded(reason, 2000))
                    .setParameter(12, bounded(exception, 300))
                    .setParameter(13, OffsetDateTime.now(ZoneOffset.UTC))
                    .executeUpdate();
            if (kept == 1) {
                pending.incrementAndGet();
            }
        });
    }

    /** A page of dead letters, oldest first, after the cursor. */
    public List<DeadLetter> page(DeadLetter.Status status, String consumer, String topic, UUID after, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dead_letters where true");
        List<Object> values = new ArrayList<>();
        if (status != null) {
            sql.append(" and status = ?").append(values.size() + 1);
            values.add(status.name());
        }
        if (consumer != null) {
            sql.append(" and consumer = ?").append(values.size() + 1);
            values.add(consumer);
        }
        if (topic != null) {
            sql.append(" and topic = ?").append(values.size() + 1);
            values.add(topic);
        }
        if (after != null) {
            sql.append(" and id > ?").append(values.size() + 1);
            values.add(after);
        }
        sql.append(" order by id limit ").append(limit);
        var query = entityManager.createNativeQuery(sql.toString());
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        List<DeadLetter> letters = new ArrayList<>();
        for (Object row : query.getResultList()) {
            letters.add(letter((Object[]) row));
        }
        return letters;
    }

    public Optional<DeadLetter> find(UUID id) {
        return one("select " + COLUMNS + " from dead_letters where id = ?1", id);
    }

    /** The letter, its row locked until the transaction ends: one replay or discard at a time. */
    Optional<DeadLetter> lock(UUID id) {
        return one("select " + COLUMNS + " from dead_letters where id = ?1 for update", id);
    }

    /** The record as it was read, to show it or to hand it to its consumer again. */
    public Optional<ConsumerRecord<String, byte[]>> record(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select topic, partition_no, offset_no, record_key, record_value, headers::text "
                        + "from dead_letters where id = ?1")
                .setParameter(1, id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = rows.get(0);
        RecordHeaders headers = new RecordHeaders();
        try {
            for (var header : json.readTree((String) row[5])) {
                headers.add(new RecordHeader(
                        header.get("name").asText(),
                        header.get("value").isNull()
                                ? null
                                : Base64.getDecoder().decode(header.get("value").asText())));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dead letter " + id + " holds headers the database accepted", e);
        }
        byte[] value = (byte[]) row[4];
        return Optional.of(new ConsumerRecord<>(
                (String) row[0],
                ((Number) row[1]).intValue(),
                ((Number) row[2]).longValue(),
                ConsumerRecord.NO_TIMESTAMP,
                TimestampType.NO_TIMESTAMP_TYPE,
                ConsumerRecord.NULL_SIZE,
                value == null ? ConsumerRecord.NULL_SIZE : value.length,
                (String) row[3],
                value,
                headers,
                Optional.empty()));
    }

    void resolve(UUID id, DeadLetter.Status status, String by, String resolution) {
        entityManager
                .createNativeQuery(
                        "update dead_letters set status = ?2, resolved_at = ?3, resolved_by = ?4, resolution = ?5, "
                                + "replay_attempts = replay_attempts + (case when ?2 = 'REPLAYED' then 1 else 0 end) "
                                + "where id = ?1")
                .setParameter(1, id)
                .setParameter(2, status.name())
                .setParameter(3, OffsetDateTime.now(ZoneOffset.UTC))
                .setParameter(4, bounded(by, 200))
                .setParameter(5, bounded(resolution, 2000))
                .executeUpdate();
        pending.updateAndGet(n -> Math.max(0, n - 1));
    }

    void replayFailed(UUID id, String failure) {
        entityManager
                .createNativeQuery(
                        "update dead_letters set replay_attempts = replay_attempts + 1, last_replay_failure = ?2 "
                                + "where id = ?1")
                .setParameter(1, id)
                .setParameter(2, bounded(failure, 2000))
                .executeUpdate();
    }

    /** Every instance counts again now and then: another instance may have replayed or kept letters. */
    @Scheduled(
            every = "${assistance.dead-letters.count-every:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countPending() {
        try {
            long count = QuarkusTransaction.requiringNew()
                    .call(() -> ((Number) entityManager
                                    .createNativeQuery("select count(*) from dead_letters where status = 'PENDING'")
                                    .getSingleResult())
                            .longValue());
            pending.set(count);
        } catch (RuntimeException e) {
            LOG.debugf("pending dead letters not counted: %s", e.toString());
        }
    }

    private Optional<DeadLetter> one(String sql, UUID id) {
        List<?> rows = entityManager.createNativeQuery(sql).setParameter(1, id).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(letter((Object[]) rows.get(0)));
    }

    private static DeadLetter letter(Object[] row) {
        return new DeadLetter(
                (UUID) row[0],
                (String) row[1],
                (String) row[2],
                ((Number) row[3]).intValue(),
                ((Number) row[4]).longValue(),
                (String) row[5],
                (String) row[6],
                (String) row[7],
                (String) row[8],
                moment(row[9]),
                DeadLetter.Status.valueOf((String) row[10]),
                moment(row[11]),
                (String) row[12],
                (String) row[13],
                ((Number) row[14]).intValue(),
                (String) row[15]);
    }

    private static OffsetDateTime moment(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime moment) {
            return moment;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a moment: " + value.getClass());
    }

    private String headers(ConsumerRecord<String, byte[]> record) {
        ArrayNode headers = json.createArrayNode();
        for (Header header : record.headers()) {
            ObjectNode node = headers.addObject();
            node.put("name", header.key());
            node.put(
                    "value", header.value() == null ? null : Base64.getEncoder().encodeToString(header.value()));
        }
        return headers.toString();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String bounded(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
