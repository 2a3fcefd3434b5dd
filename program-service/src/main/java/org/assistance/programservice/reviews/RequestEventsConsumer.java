package org.assistance.programservice.reviews;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestEndorsed;
import org.assistance.chassis.events.RequestEvents.RequestEndorsementDeclined;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Opens, updates and closes review cases from request-service's events, and keeps the agency's
 * answers and the State's endorsement.
 */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class RequestEventsConsumer {
    private final EventInbox inbox;
    private final EventHandlers handlers;

    public RequestEventsConsumer(EventInbox inbox, ReviewQueue queue) {
        this.inbox = inbox;
        this.handlers = EventHandlers.named("review-cases")
                .on(RequestSubmitted.class, e -> queue.opened(e.data()))
                .on(RequestAmended.class, e -> queue.amended(e.data()))
                .on(RequestWithdrawn.class, e -> queue.withdrawn(e.data()))
                .on(MessagePosted.class, e -> queue.messagePosted(e.data()))
                .on(RequestEndorsed.class, e -> queue.endorsed(e.data()))
                .on(RequestEndorsementDeclined.class, e -> queue.endorsementDeclined(e.data()));
    }

    @Incoming("assistance-requests")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, handlers);
    }
}
