package org.assistance.equipmentservice.shipments;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The partner's proof of delivery (from request-service) completes a shipment's journey. */
@ApplicationScoped
public class RequestEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public RequestEventsConsumer(EventInbox inbox, Shipments shipments) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("shipment-receipts")
                .on(ReceiptConfirmed.class, e -> shipments.received(e.data()));
    }

    @Incoming("assistance-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
