package org.assistance.equipmentservice.shipments;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * From request-service: each request's priority (which backorder stock goes to first) and the
 * partner's proof of delivery, which completes a shipment's journey.
 */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class RequestEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public RequestEventsConsumer(EventInbox inbox, Shipments shipments, Backorders backorders) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("shipment-receipts")
                .on(
                        RequestSubmitted.class,
                        e -> backorders.priorityLearnt(
                                e.data().requestId(), e.data().priority()))
                .on(
                        RequestAmended.class,
                        e -> backorders.priorityLearnt(
                                e.data().requestId(), e.data().priority()))
                .on(ReceiptConfirmed.class, e -> shipments.received(e.data()));
    }

    @Incoming("assistance-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
