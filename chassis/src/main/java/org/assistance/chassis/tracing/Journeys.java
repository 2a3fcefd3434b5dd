package org.assistance.chassis.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.assistance.chassis.events.TraceContext;

/**
 * The trace each subject's journey runs in, as this service first met it (table journey_traces):
 * the first event it recorded or handled about a request fixes the trace its later events about
 * that request join. Read and written in the transaction that records or handles the event.
 */
@ApplicationScoped
public class Journeys {
    private final EntityManager entityManager;

    public Journeys(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The subject's journey, or {@link TraceContext#NONE} when this service has not met it yet. */
    public TraceContext of(String subject) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager
                .createNativeQuery("select traceparent, tracestate from journey_traces where subject = ?1")
                .setParameter(1, subject)
                .getResultList();
        return rows.isEmpty() ? TraceContext.NONE : new TraceContext((String) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** Keeps the trace as the subject's journey unless one is known already (the first one stays). */
    public void remember(String subject, TraceContext trace) {
        if (subject == null || trace.traceId() == null) {
            return;
        }
        entityManager
                .createNativeQuery("""
                        insert into journey_traces (subject, traceparent, tracestate) values (?1, ?2, ?3)
                        on conflict do nothing""")
                .setParameter(1, subject)
                .setParameter(2, trace.traceparent())
                .setParameter(3, trace.tracestate())
                .executeUpdate();
    }
}
