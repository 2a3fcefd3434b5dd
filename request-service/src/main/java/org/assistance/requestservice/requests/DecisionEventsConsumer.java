package org.assistance.requestservice.requests;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the requester's view of the status in step with what program-service decided and
 * equipment-service delivered.
 */
@ApplicationScoped
public class DecisionEventsConsumer {
    private final EventInbox inbox;
    private final AssistanceRequests requests;
    private final EventHandlers reviews;
    private final EventHandlers shipments;

    public DecisionEventsConsumer(EventInbox inbox, AssistanceRequests requests) {
        this.inbox = inbox;
        this.requests = requests;
        this.reviews = EventHandlers.named("request-status-from-reviews")
                .on(RequestApproved.class, e -> this.requests.statusReported(e.data().requestId(),
                        e.data().partial() ? RequestStatus.PARTIALLY_APPROVED : RequestStatus.APPROVED,
                        e.data().approvedAt(), e.source(), "approved under programme " + e.data().programmeCode()))
                .on(RequestRejected.class, e -> this.requests.statusReported(e.data().requestId(),
                        RequestStatus.REJECTED, e.data().rejectedAt(), e.source(),
                        e.data().reasonCode() + (e.data().comment() == null ? "" : ": " + e.data().comment())))
                .on(InformationRequested.class, e -> this.requests.statusReported(e.data().requestId(),
                        RequestStatus.INFORMATION_REQUESTED, e.data().requestedAt(), e.source(),
                        String.join(" / ", e.data().questions())));
        this.shipments = EventHandlers.named("request-status-from-shipments")
                .on(ShipmentDispatched.class, e -> this.requests.statusReported(e.data().requestId(),
                        RequestStatus.IN_DELIVERY, e.data().dispatchedAt(), e.source(),
                        "shipment " + e.data().shipmentId() + " dispatched"))
                .on(ShipmentDelivered.class, e -> this.requests.statusReported(e.data().requestId(),
                        RequestStatus.DELIVERED, e.data().deliveredAt(), e.source(),
                        "shipment " + e.data().shipmentId() + " delivered"));
    }

    @Incoming("assistance-reviews")
    @Blocking
    public void onReview(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, reviews);
    }

    @Incoming("assistance-shipments")
    @Blocking
    public void onShipment(ConsumerRecord<String, byte[]> record) {
        inbox.receive(record, shipments);
    }
}
