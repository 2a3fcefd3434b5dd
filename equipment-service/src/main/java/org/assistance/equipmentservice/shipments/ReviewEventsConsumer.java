package org.assistance.equipmentservice.shipments;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** From program-service's decisions (assistance.reviews): approved equipment lines become planned shipments. */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class ReviewEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public ReviewEventsConsumer(EventInbox inbox, Shipments shipments) {
        this.inbox = inbox;
        this.handlers =
                EventHandlers.named("shipment-planning").on(RequestApproved.class, e -> shipments.approved(e.data()));
    }

    @Incoming("assistance-reviews")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
