package org.assistance.chassis.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.hibernate.Session;

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

    /**
     * Records that {@code consumer} handles a poll's events now, in one statement: it both looks up
     * which were processed before and remembers the others.
     *
     * @return the ids newly recorded in the current transaction (handle those events; each once,
     *     even if the poll holds it twice); the others were processed already (change nothing)
     */
    public Set<UUID> recordAll(String consumer, List<CloudEvent<AssistanceEvent>> events) {
        UUID[] ids = new UUID[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).id();
            types[i] = events.get(i).type().typeName();
        }
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            Set<UUID> recorded = new HashSet<>();
            Array idArray = connection.createArrayOf("uuid", ids);
            Array typeArray = connection.createArrayOf("varchar", types);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into processed_events (consumer, event_id, event_type)
                    select ?, polled.event_id, polled.event_type from unnest(?, ?) as polled (event_id, event_type)
                    on conflict do nothing
                    returning event_id""")) {
                insert.setString(1, consumer);
                insert.setArray(2, idArray);
                insert.setArray(3, typeArray);
                try (ResultSet rows = insert.executeQuery()) {
                    while (rows.next()) {
                        recorded.add(rows.getObject(1, UUID.class));
                    }
                }
            } finally {
                idArray.free();
                typeArray.free();
            }
            return recorded;
        });
    }
}
