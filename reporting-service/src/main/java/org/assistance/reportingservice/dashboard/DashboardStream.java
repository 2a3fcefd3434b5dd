package org.assistance.reportingservice.dashboard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.UUID;
import org.assistance.reportingservice.timelines.TimelineTexts;

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

    /** Room for the line as words (summary_text) beside the English line in one NOTIFY payload. */
    private static final int WORDS_LIMIT = 5000;

    /**
     * What one instance tells the others: the event as staff read it in English, and the line as
     * words ({@link TimelineTexts}), which each browser's stream puts into its reader's language.
     * A payload without words (an older instance's) reads in English.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Announcement(
            String type, UUID requestId, OffsetDateTime time, String source, String summary, String summaryText) {
        LiveEvent in(Locale language) {
            return new LiveEvent(
                    type, requestId, time, source, cut(TimelineTexts.readIn(summaryText, summary, language)));
        }
    }

    private final BroadcastProcessor<Announcement> events = BroadcastProcessor.create();
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public DashboardStream(EntityManager entityManager, ObjectMapper json) {
        this.entityManager = entityManager;
        this.json = json;
    }

    /** Announces a change to every instance's dashboards once the current transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(LiveEvent event, String summaryText) {
        Announcement sent = new Announcement(
                event.type(),
                event.requestId(),
                event.time(),
                event.source(),
                cut(event.summary()),
                summaryText == null || summaryText.length() > WORDS_LIMIT ? null : summaryText);
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
            events.onNext(json.readValue(payload, Announcement.class));
        } catch (JsonProcessingException e) {
            // not ours (someone else's NOTIFY on the channel): nothing to show
        }
    }

    /** The events in the reader's language until {@code end} (a token's expiry), then the stream completes. */
    public Multi<LiveEvent> eventsUntil(Instant end, Locale language) {
        Duration left = Duration.between(Instant.now(), end);
        return left.isNegative() || left.isZero()
                ? Multi.createFrom().empty()
                : events(language).select().first(left);
    }

    /** The events in the reader's language, and a heartbeat every 15 s. */
    public Multi<LiveEvent> events(Locale language) {
        return Multi.createBy()
                .merging()
                .streams(
                        events.map(announced -> announced.in(language)),
                        Multi.createFrom().ticks().every(Duration.ofSeconds(15)).map(tick -> LiveEvent.heartbeat()));
    }

    private static String cut(String summary) {
        return summary == null || summary.length() <= SUMMARY_LIMIT
                ? summary
                : summary.substring(0, SUMMARY_LIMIT - 1) + "…";
    }
}
