package org.assistance.requestservice.deliveries;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.requestservice.receipts.IncomingShipment;
import org.assistance.requestservice.receipts.Receipts;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * equipment-service's shipments: what the agency will receive (receipts) and how far each
 * approved item got (the deliverables, which decide the request's delivery status).
 */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class ShipmentEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public ShipmentEventsConsumer(EventInbox inbox, Receipts receipts, Deliveries deliveries) {
        this.inbox = inbox;
        // each handler locks the request (deliveries) before the shipment (receipts), the order a
        // receipt confirmation takes them too: never two transactions waiting for each other
        this.handlers = EventHandlers.named("request-shipments")
                .on(ShipmentPlanned.class, e -> {
                    deliveries.shipmentPlanned(e.data(), e.source());
                    receipts.expect(e.data());
                })
                .on(ShipmentHeld.class, e -> deliveries.shipmentHeld(e.data()))
                .on(ShipmentDispatched.class, e -> {
                    deliveries.shipmentDispatched(e.data(), e.source());
                    receipts.dispatched(e.data());
                })
                .on(ShipmentDelivered.class, e -> {
                    deliveries.shipmentDelivered(e.data(), e.source());
                    receipts.reached(
                            e.data().shipmentId(),
                            IncomingShipment.Stage.DELIVERED,
                            e.data().deliveredAt());
                })
                .on(ShipmentCancelled.class, e -> {
                    deliveries.shipmentCancelled(e.data(), e.source());
                    receipts.cancelled(e.data().shipmentId(), e.data().cancelledAt());
                })
                .on(ShipmentLinesRemoved.class, e -> {
                    deliveries.linesRemoved(e.data(), e.source());
                    receipts.linesRemoved(
                            e.data().shipmentId(), e.data().lines(), e.data().removedAt());
                })
                .on(LineBackordered.class, e -> deliveries.backordered(e.data(), e.source()))
                .on(BackorderFulfilled.class, e -> deliveries.backorderFulfilled(e.data(), e.source()))
                .on(BackorderCancelled.class, e -> deliveries.backorderCancelled(e.data(), e.source()))
                .on(LineRefused.class, e -> deliveries.lineRefused(e.data(), e.source()));
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
