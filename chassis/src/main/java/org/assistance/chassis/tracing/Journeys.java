package org.assistance.chassis.tracing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.stream.Collectors;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.events.TraceContext;
import org.hibernate.Session;

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

    /**
     * The insert of {@link #remember} as a data-modifying CTE, for a statement that records an
     * event and begins its subject's journey in one round trip. Parameters: subject, traceparent,
     * tracestate, and whether to remember at all (the journey begins with this event).
     */
    public static final String REMEMBER_IF = """
            insert into journey_traces (subject, traceparent, tracestate)
            select ?, ?, ? where ? on conflict do nothing""";

    /**
     * {@link #remember} for each of a poll's events, in order, in one statement (the first of a
     * subject's events stays its journey).
     */
    public void rememberAll(List<? extends CloudEvent<?>> events) {
        List<CloudEvent<?>> traced = events.stream()
                .filter(event -> event.subject() != null && event.trace().traceId() != null)
                .collect(Collectors.toList());
        if (traced.isEmpty()) {
            return;
        }
        String[] subjects = traced.stream().map(CloudEvent::subject).toArray(String[]::new);
        String[] parents =
                traced.stream().map(event -> event.trace().traceparent()).toArray(String[]::new);
        String[] states =
                traced.stream().map(event -> event.trace().tracestate()).toArray(String[]::new);
        entityManager.unwrap(Session.class).doWork(connection -> {
            Array subjectArray = connection.createArrayOf("varchar", subjects);
            Array parentArray = connection.createArrayOf("varchar", parents);
            Array stateArray = connection.createArrayOf("varchar", states);
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into journey_traces (subject, traceparent, tracestate)
                    select * from unnest(?, ?, ?) on conflict do nothing""")) {
                insert.setArray(1, subjectArray);
                insert.setArray(2, parentArray);
                insert.setArray(3, stateArray);
                insert.executeUpdate();
            } finally {
                subjectArray.free();
                parentArray.free();
                stateArray.free();
            }
        });
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
