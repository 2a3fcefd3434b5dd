package org.assistance.chassis.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.UUID;

/**
 * The events each consumer has handled ({@code processed_events}), the one place that records
 * them: the inbox before it hands an event to its handler, and a rebuild replaying a topic. The
 * row is written in the caller's transaction, so it commits or rolls back with the handling.
 * The table name is unqualified on purpose: a rebuild that sets the transaction's
 * {@code search_path} to its fresh schema records there.
 */
@ApplicationScoped
public class ProcessedEvents {
    private final EntityManager entityManager;

    public ProcessedEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records that {@code consumer} handles the event now.
     *
     * @return true when it is newly recorded in the current transaction (handle the event),
     *     false when the consumer has already processed it (change nothing)
     */
    public boolean record(String consumer, UUID eventId, String eventType) {
        return entityManager
                        .createNativeQuery("""
                        insert into processed_events (consumer, event_id, event_type) values (?1, ?2, ?3)
                        on conflict do nothing""")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .setParameter(3, eventType)
                        .executeUpdate()
                == 1;
    }
}
