package org.assistance.reportingservice.timelines;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads every topic of the platform into the timelines. */
@ApplicationScoped
public class PlatformEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public PlatformEventsConsumer(EventInbox inbox, Timelines timelines) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("timelines").onEveryType(timelines::record);
    }

    @Incoming("assistance-requests")
    @Blocking
    public void onRequest(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    @Incoming("assistance-reviews")
    @Blocking
    public void onReview(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void onShipment(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, handlers);
    }
}
