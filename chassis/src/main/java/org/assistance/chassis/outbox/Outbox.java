package org.assistance.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.TraceContext;
import org.assistance.chassis.ids.TimeOrderedIds;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.texts.Text;
import org.assistance.chassis.tracing.EventTracing;
import org.assistance.chassis.tracing.EventTracing.Recording;
import org.assistance.chassis.tracing.Journeys;
import org.assistance.chassis.transactions.AfterCommit;
import org.hibernate.Session;

/**
 * Records an event in the same transaction as the state change that caused it (no dual
 * write). Calling it outside a transaction is an error, so it cannot be misused; if the
 * transaction rolls back, the event never existed. The relay publishes it after commit.
 */
@ApplicationScoped
public class Outbox {
    private static final String RECORD = "with journey as (" + Journeys.REMEMBER_IF + ")\n" + """
            insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload,
                                traceparent, tracestate)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    private final EntityManager entityManager;
    private final AfterCommit afterCommit;
    private final OutboxRelay relay;
    private final EventSource source;
    private final OutboxConfig config;
    private final EventTracing tracing;

    public Outbox(
            EntityManager entityManager,
            AfterCommit afterCommit,
            OutboxRelay relay,
            EventSource source,
            OutboxConfig config,
            EventTracing tracing) {
        this.config = config;
        this.tracing = tracing;
        this.entityManager = entityManager;
        this.afterCommit = afterCommit;
        this.relay = relay;
        this.source = source;
    }

    /** Records the event; returns its CloudEvents id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(AssistanceEvent event) {
        // the aggregate's own changes reach the database first, so a row lock on it orders
        // concurrent changes of one request before their outbox rows are numbered
        entityManager.flush();
        return insert(event, false);
    }

    /**
     * Records the first event about an aggregate created in this transaction (a request just
     * submitted); returns its CloudEvents id. Nobody else can hold a lock on a row no other
     * transaction has seen, so nothing needs to reach the database before the event: the
     * aggregate's rows go at commit, in one flush. Its journey begins here: nothing is looked up.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID recordFirst(AssistanceEvent event) {
        return insert(event, true);
    }

    private UUID insert(AssistanceEvent event, boolean newSubject) {
        EventType type = EventType.of(event);
        // made here and growing with time: the unique index on event_id takes it at its right edge
        UUID id = TimeOrderedIds.next();
        String payload = EventCodec.encodeAsString(event);
        if (payload.length() * 3L > config.maxEventBytes()
                && payload.getBytes(StandardCharsets.UTF_8).length > config.maxEventBytes()) {
            // bounded inputs keep every event far below this; should one still grow past what the
            // producer sends, the change is refused whole rather than recorded and never published
            throw new DomainRuleViolation(
                    413,
                    "event-too-large",
                    Text.of("problem.event-too-large.detail", "bytes", String.valueOf(config.maxEventBytes())));
        }
        // the trace of the work recording the event travels with it, so its handlers continue that trace
        Recording recording = tracing.recording(type.typeName(), id, type.topic(), event.aggregateId(), newSubject);
        TraceContext trace = recording.carried();
        // one statement, one round trip: the row, and the subject's journey when it begins here;
        // plain JDBC on the transaction's connection (a native query would flush the session first)
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(RECORD)) {
                insert.setString(1, event.aggregateId());
                insert.setString(2, trace.traceparent());
                insert.setString(3, trace.tracestate());
                insert.setBoolean(4, recording.beginsJourney());
                insert.setObject(5, id);
                insert.setString(6, type.topic());
                insert.setString(7, event.aggregateId());
                insert.setString(8, type.typeName());
                insert.setString(9, source.uri());
                insert.setObject(10, OffsetDateTime.now());
                insert.setString(11, payload);
                insert.setString(12, trace.traceparent());
                insert.setString(13, trace.tracestate());
                insert.executeUpdate();
            }
        });
        afterCommit.run(relay::wake);
        return id;
    }
}
