package org.assistance.chassis.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.EventCodec;
import org.assistance.chassis.events.EventType;
import org.assistance.chassis.events.TraceContext;
import org.assistance.chassis.problems.DomainRuleViolation;
import org.assistance.chassis.tracing.EventTracing;
import org.assistance.chassis.transactions.AfterCommit;

/**
 * Records an event in the same transaction as the state change that caused it (no dual
 * write). Calling it outside a transaction is an error, so it cannot be misused; if the
 * transaction rolls back, the event never existed. The relay publishes it after commit.
 */
@ApplicationScoped
public class Outbox {
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
        EventType type = EventType.of(event);
        UUID id = UUID.randomUUID();
        // the aggregate's own changes reach the database first, so a row lock on it orders
        // concurrent changes of one request before their outbox rows are numbered
        entityManager.flush();
        String payload = EventCodec.encodeAsString(event);
        if (payload.length() * 3L > config.maxEventBytes()
                && payload.getBytes(StandardCharsets.UTF_8).length > config.maxEventBytes()) {
            // bounded inputs keep every event far below this; should one still grow past what the
            // producer sends, the change is refused whole rather than recorded and never published
            throw new DomainRuleViolation(
                    413,
                    "event-too-large",
                    "Change too large to announce",
                    "This change would make an event of more than " + config.maxEventBytes()
                            + " bytes, more than the platform's event log carries; split it into smaller changes");
        }
        // the trace of the work recording the event travels with it, so its handlers continue that trace
        TraceContext trace = tracing.recorded(type.typeName(), id, type.topic(), event.aggregateId());
        entityManager
                .createNativeQuery("""
                        insert into outbox (event_id, topic, event_key, event_type, source, occurred_at, payload,
                                            traceparent, tracestate)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, id)
                .setParameter(2, type.topic())
                .setParameter(3, event.aggregateId())
                .setParameter(4, type.typeName())
                .setParameter(5, source.uri())
                .setParameter(6, OffsetDateTime.now())
                .setParameter(7, payload)
                .setParameter(8, trace.traceparent())
                .setParameter(9, trace.tracestate())
                .executeUpdate();
        afterCommit.run(relay::wake);
        return id;
    }
}
