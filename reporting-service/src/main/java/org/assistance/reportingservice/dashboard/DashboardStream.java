package org.assistance.reportingservice.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;

/**
 * The live dashboard of every reporting instance. A read-model change is announced with a
 * PostgreSQL NOTIFY in the transaction that makes it, so it is delivered when (and only if) it
 * commits, to every instance of the service (they share the database); each instance's
 * {@link DashboardListener} hands what it hears to {@link #deliver}, which pushes it to that
 * instance's browsers. One path, whichever instance consumed the event.
 */
@ApplicationScoped
public class DashboardStream {
    /** The NOTIFY channel all reporting instances listen on. */
    public static final String CHANNEL = "assistance_dashboard";
    /** NOTIFY payloads are limited to 8000 bytes: a summary is cut well below that. */
    private static final int SUMMARY_LIMIT = 1000;

    private final BroadcastProcessor<LiveEvent> events = BroadcastProcessor.create();
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DashboardStream(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Announces a change to every instance's dashboards once the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(LiveEvent event) {
        String summary = event.summary() == null || event.summary().length() <= SUMMARY_LIMIT
                ? event.summary()
                : event.summary().substring(0, SUMMARY_LIMIT - 1) + "…";
        LiveEvent sent = new LiveEvent(event.type(), event.requestId(), event.time(), event.source(), summary);
        try {
            entityManager
                    .createNativeQuery("select count(*) from (select pg_notify(?1, ?2)) n")
                    .setParameter(1, CHANNEL)
                    .setParameter(2, json.writeValueAsString(sent))
                    .getSingleResult();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A change heard on the channel: pushed to the browsers connected to this instance. */
    void deliver(String payload) {
        try {
            events.onNext(json.readValue(payload, LiveEvent.class));
        } catch (JsonProcessingException e) {
            // not ours (someone else's NOTIFY on the channel): nothing to show
        }
    }

    /** The events until {@code end} (a token's expiry), then the stream completes. */
    public Multi<LiveEvent> eventsUntil(Instant end) {
        Duration left = Duration.between(Instant.now(), end);
        return left.isNegative() || left.isZero()
                ? Multi.createFrom().empty()
                : events().select().first(left);
    }

    public Multi<LiveEvent> events() {
        return Multi.createBy()
                .merging()
                .streams(
                        events,
                        Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> LiveEvent.heartbeat()));
    }
}
