package org.assistance.requestservice.receipts;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** equipment-service's shipments: what the agency will receive, and the request's delivery status. */
@ApplicationScoped
public class ShipmentEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public ShipmentEventsConsumer(EventInbox inbox, Receipts receipts) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("request-shipments")
                .on(ShipmentPlanned.class, e -> receipts.expect(e.data()))
                .on(ShipmentDispatched.class, e -> {
                    receipts.reached(e.data().shipmentId(), IncomingShipment.Stage.DISPATCHED, e.data().dispatchedAt());
                    receipts.progress(e.data().requestId(), e.data().dispatchedAt(), e.source(),
                            "shipment " + e.data().shipmentId() + " dispatched");
                })
                .on(ShipmentDelivered.class, e -> {
                    receipts.reached(e.data().shipmentId(), IncomingShipment.Stage.DELIVERED, e.data().deliveredAt());
                    receipts.progress(e.data().requestId(), e.data().deliveredAt(), e.source(),
                            "shipment " + e.data().shipmentId() + " delivered");
                });
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
