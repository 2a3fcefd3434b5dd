package org.assistance.requestservice.deliveries;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.inbox.EventHandlers;
import org.assistance.chassis.inbox.EventInbox;
import org.assistance.requestservice.requests.AssistanceRequests;
import org.assistance.requestservice.requests.RequestStatus;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * program-service's reviews: keeps the requester's view of the status in step with what was
 * decided, and the deliverables with what was approved and delivered. It lives with the
 * deliveries, which already build on requests, so requests needs to know of neither.
 */
@ApplicationScoped
@Startup // its handlers known from the start, so a dead letter can be replayed before its next event arrives
public class ReviewEventsConsumer {
    private final EventInbox inbox;
    private final AssistanceRequests requests;
    private final EventHandlers reviews;

    public ReviewEventsConsumer(EventInbox inbox, AssistanceRequests requests, Deliveries deliveries) {
        this.inbox = inbox;
        this.requests = requests;
        // the name is the processed-events key of events already handled: it stays as it was
        this.reviews = EventHandlers.named("request-status-from-reviews")
                .on(RequestApproved.class, e -> {
                    this.requests.statusReported(
                            e.data().requestId(),
                            e.data().partial() ? RequestStatus.PARTIALLY_APPROVED : RequestStatus.APPROVED,
                            e.data().approvedAt(),
                            e.source(),
                            "approved under programme " + e.data().programmeCode());
                    // the deliverables; shipment events travel on another topic and may have arrived first
                    deliveries.approved(e.data(), e.source());
                })
                .on(ActivityDelivered.class, e -> deliveries.activityDelivered(e.data(), e.source()))
                .on(ActivityCancelled.class, e -> deliveries.activityCancelled(e.data(), e.source()))
                .on(
                        RequestRejected.class,
                        e -> this.requests.statusReported(
                                e.data().requestId(),
                                RequestStatus.REJECTED,
                                e.data().rejectedAt(),
                                e.source(),
                                e.data().reasonCode()
                                        + (e.data().comment() == null
                                                ? ""
                                                : ": " + e.data().comment())))
                .on(
                        InformationRequested.class,
                        e -> this.requests.informationRequested(
                                e.data().requestId(),
                                e.data().questions(),
                                e.data().requestedAt(),
                                e.source()));
    }

    @Incoming("assistance-reviews")
    @Blocking
    public void consume(ConsumerRecords<String, byte[]> records) {
        inbox.receiveAll(records, reviews);
    }
}
