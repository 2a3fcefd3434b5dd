package org.assistance.reportingservice.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.AssistanceEvent;
import org.assistance.chassis.events.CloudEvent;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.chassis.inbox.ProcessedEvents;
import org.assistance.reportingservice.dashboard.DashboardStream;
import org.assistance.reportingservice.dashboard.DeliveryReadModel;
import org.assistance.reportingservice.dashboard.LiveEvent;
import org.assistance.reportingservice.readmodels.ReadModelTables;
import org.assistance.reportingservice.timelines.TimelineEntry;
import org.assistance.reportingservice.timelines.Timelines;

/**
 * The one way an event of the platform reaches the read models (the requests' timelines and the
 * dashboard's facts), whether it arrives live from a topic or is replayed by a rebuild.
 */
@ApplicationScoped
public class ReadModels {
    /** Keys the read models' memory of handled events, for live handling and a rebuild's replay alike. */
    public static final String CONSUMER = "read-models";

    private final EventInbox inbox;
    private final ProcessedEvents processedEvents;
    private final Timelines timelines;
    private final DeliveryReadModel facts;
    private final EventHandlers live;

    public ReadModels(
            EventInbox inbox,
            ProcessedEvents processedEvents,
            Timelines timelines,
            DeliveryReadModel facts,
            DashboardStream stream,
            ReadModelTables tables) {
        this.inbox = inbox;
        this.processedEvents = processedEvents;
        this.timelines = timelines;
        this.facts = facts;
        // every instance's dashboards hear of an event when the transaction applying it commits
        this.live = EventHandlers.named(CONSUMER)
                .firstInEachTransaction(tables::guardLiveHandling)
                .onEveryType(event -> apply(event).ifPresent(stream::announce));
    }

    /** A polled batch from a topic, handled in one transaction (see EventInbox#receiveAll). */
    public void receive(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, live);
    }

    /**
     * A rebuild's replay: applies the event unless the read models already have it (in the
     * tables of the transaction's {@code search_path}); true when applied.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean replay(CloudEvent<AssistanceEvent> event) {
        if (!processedEvents.record(CONSUMER, event.id(), event.type().typeName())) {
            return false;
        }
        apply(event);
        return true;
    }

    /**
     * Applies the event to every read model. Returns what the live dashboards show of it; none
     * for a programme event (a pledge), which belongs to no request's timeline.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<LiveEvent> apply(CloudEvent<AssistanceEvent> event) {
        if (event.data().requestId() == null) {
            facts.apply(event);
            return Optional.empty();
        }
        TimelineEntry entry = timelines.record(event);
        facts.apply(event);
        return Optional.of(
                new LiveEvent(entry.eventType, entry.requestId, entry.occurredAt, entry.source, entry.summary));
    }
}
