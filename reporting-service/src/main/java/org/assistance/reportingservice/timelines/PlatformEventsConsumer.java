package org.assistance.reportingservice.timelines;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.reportingservice.dashboard.DashboardStream;
import org.assistance.reportingservice.dashboard.DeliveryReadModel;
import org.assistance.reportingservice.dashboard.LiveEvent;
import org.assistance.reportingservice.rebuild.ReadModelRebuild;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Reads every topic of the platform into the timelines and the dashboard's read models, and tells
 * the open dashboards of every instance (a NOTIFY in the same transaction). Polled batches are
 * handled in one transaction each (see EventInbox#receiveAll).
 */
@ApplicationScoped
public class PlatformEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public PlatformEventsConsumer(EventInbox inbox, Timelines timelines, DeliveryReadModel readModel,
                                  DashboardStream stream, ReadModelRebuild rebuild) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("read-models").firstInEachTransaction(rebuild::guardLiveHandling)
                .onEveryType(event -> {
                    if (event.data().requestId() == null) {
                        readModel.apply(event); // a programme event (a pledge): no request's timeline
                        return;
                    }
                    TimelineEntry entry = timelines.record(event);
                    readModel.apply(event);
                    // every instance's dashboards hear of it when this transaction commits
                    stream.announce(new LiveEvent(entry.eventType, entry.requestId, entry.occurredAt, entry.source,
                            entry.summary));
                });
    }

    @Incoming("assistance-requests")
    @Blocking
    public void onRequest(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }

    @Incoming("assistance-reviews")
    @Blocking
    public void onReview(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void onShipment(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
