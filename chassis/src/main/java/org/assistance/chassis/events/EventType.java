package org.assistance.chassis.events;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assistance.chassis.events.CatalogueEvents.ItemPublished;
import org.assistance.chassis.events.CatalogueEvents.ItemWithdrawn;
import org.assistance.chassis.events.RequestEvents.MessagePosted;
import org.assistance.chassis.events.RequestEvents.ReceiptConfirmed;
import org.assistance.chassis.events.RequestEvents.RequestAmended;
import org.assistance.chassis.events.RequestEvents.RequestCancelled;
import org.assistance.chassis.events.RequestEvents.RequestClosed;
import org.assistance.chassis.events.RequestEvents.RequestDelivered;
import org.assistance.chassis.events.RequestEvents.RequestDeliveryStarted;
import org.assistance.chassis.events.RequestEvents.RequestSubmitted;
import org.assistance.chassis.events.RequestEvents.RequestWithdrawn;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.FundsCommitted;
import org.assistance.chassis.events.ReviewEvents.FundsPledged;
import org.assistance.chassis.events.ReviewEvents.InformationRequested;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.ReviewEvents.RequestRejected;
import org.assistance.chassis.events.ShipmentEvents.BackorderCancelled;
import org.assistance.chassis.events.ShipmentEvents.BackorderFulfilled;
import org.assistance.chassis.events.ShipmentEvents.LineBackordered;
import org.assistance.chassis.events.ShipmentEvents.LineRefused;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCancelled;
import org.assistance.chassis.events.ShipmentEvents.ShipmentCleared;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDelivered;
import org.assistance.chassis.events.ShipmentEvents.ShipmentDispatched;
import org.assistance.chassis.events.ShipmentEvents.ShipmentHeld;
import org.assistance.chassis.events.ShipmentEvents.ShipmentLinesRemoved;
import org.assistance.chassis.events.ShipmentEvents.ShipmentMilestone;
import org.assistance.chassis.events.ShipmentEvents.ShipmentPlanned;
import org.assistance.chassis.events.ShipmentEvents.ShipmentReceived;

/** Every CloudEvents type of the platform: its versioned name, its topic and its payload record. */
public enum EventType {
    REQUEST_SUBMITTED("assistance.request.submitted.v1", Topics.REQUESTS, RequestSubmitted.class),
    REQUEST_AMENDED("assistance.request.amended.v1", Topics.REQUESTS, RequestAmended.class),
    REQUEST_WITHDRAWN("assistance.request.withdrawn.v1", Topics.REQUESTS, RequestWithdrawn.class),
    RECEIPT_CONFIRMED("assistance.request.receipt-confirmed.v1", Topics.REQUESTS, ReceiptConfirmed.class),
    REQUEST_DOCUMENT_ATTACHED(
            "assistance.request.document-attached.v1", Topics.REQUESTS, DocumentEvents.RequestDocumentAttached.class),
    REQUEST_DELIVERY_STARTED("assistance.request.delivery-started.v1", Topics.REQUESTS, RequestDeliveryStarted.class),
    REQUEST_DELIVERED("assistance.request.delivered.v1", Topics.REQUESTS, RequestDelivered.class),
    REQUEST_CANCELLED("assistance.request.cancelled.v1", Topics.REQUESTS, RequestCancelled.class),
    REQUEST_CLOSED("assistance.request.closed.v1", Topics.REQUESTS, RequestClosed.class),
    WEBHOOK_DISABLED("assistance.webhook.disabled.v1", Topics.REQUESTS, WebhookEvents.WebhookDisabled.class),
    MESSAGE_POSTED("assistance.request.message-posted.v1", Topics.REQUESTS, MessagePosted.class),
    REQUEST_ENDORSED("assistance.request.endorsed.v1", Topics.REQUESTS, RequestEvents.RequestEndorsed.class),
    REQUEST_ENDORSEMENT_DECLINED(
            "assistance.request.endorsement-declined.v1",
            Topics.REQUESTS,
            RequestEvents.RequestEndorsementDeclined.class),
    COUNTRY_PRIORITY_STATED(
            "assistance.country.priority-stated.v1", Topics.REQUESTS, CountryEvents.PriorityStated.class),

    REVIEW_APPROVED("assistance.review.approved.v1", Topics.REVIEWS, RequestApproved.class),
    REVIEW_REJECTED("assistance.review.rejected.v1", Topics.REVIEWS, RequestRejected.class),
    INFORMATION_REQUESTED("assistance.review.information-requested.v1", Topics.REVIEWS, InformationRequested.class),
    FUNDS_COMMITTED("assistance.funds.committed.v1", Topics.REVIEWS, FundsCommitted.class),
    FUNDS_PLEDGED("assistance.funds.pledged.v1", Topics.REVIEWS, FundsPledged.class),
    ACTIVITY_DELIVERED("assistance.activity.delivered.v1", Topics.REVIEWS, ActivityDelivered.class),
    ACTIVITY_CANCELLED("assistance.activity.cancelled.v1", Topics.REVIEWS, ActivityCancelled.class),
    ACTIVITY_PARTICIPANTS_RECORDED(
            "assistance.activity.participants-recorded.v1", Topics.REVIEWS, ReviewEvents.ParticipantsRecorded.class),
    INDICATOR_DEFINED("assistance.indicator.defined.v1", Topics.REVIEWS, ResultEvents.IndicatorDefined.class),
    INDICATOR_MEASURED("assistance.indicator.measured.v1", Topics.REVIEWS, ResultEvents.IndicatorMeasured.class),
    ACTIVITY_DOCUMENT_ATTACHED(
            "assistance.activity.document-attached.v1", Topics.REVIEWS, DocumentEvents.ActivityDocumentAttached.class),

    SHIPMENT_PLANNED("assistance.shipment.planned.v1", Topics.SHIPMENTS, ShipmentPlanned.class),
    SHIPMENT_HELD("assistance.shipment.held.v1", Topics.SHIPMENTS, ShipmentHeld.class),
    SHIPMENT_CLEARED("assistance.shipment.cleared.v1", Topics.SHIPMENTS, ShipmentCleared.class),
    SHIPMENT_DISPATCHED("assistance.shipment.dispatched.v1", Topics.SHIPMENTS, ShipmentDispatched.class),
    SHIPMENT_MILESTONE("assistance.shipment.milestone.v1", Topics.SHIPMENTS, ShipmentMilestone.class),
    SHIPMENT_DELIVERED("assistance.shipment.delivered.v1", Topics.SHIPMENTS, ShipmentDelivered.class),
    SHIPMENT_RECEIVED("assistance.shipment.received.v1", Topics.SHIPMENTS, ShipmentReceived.class),
    SHIPMENT_CANCELLED("assistance.shipment.cancelled.v1", Topics.SHIPMENTS, ShipmentCancelled.class),
    SHIPMENT_LINES_REMOVED("assistance.shipment.lines-removed.v1", Topics.SHIPMENTS, ShipmentLinesRemoved.class),
    LINE_BACKORDERED("assistance.shipment.line-backordered.v1", Topics.SHIPMENTS, LineBackordered.class),
    BACKORDER_FULFILLED("assistance.shipment.backorder-fulfilled.v1", Topics.SHIPMENTS, BackorderFulfilled.class),
    BACKORDER_CANCELLED("assistance.shipment.backorder-cancelled.v1", Topics.SHIPMENTS, BackorderCancelled.class),
    LINE_REFUSED("assistance.shipment.line-refused.v1", Topics.SHIPMENTS, LineRefused.class),
    SHIPMENT_IMPEDIMENT_RECORDED(
            "assistance.shipment.impediment-recorded.v1", Topics.SHIPMENTS, ShipmentEvents.ImpedimentRecorded.class),
    SHIPMENT_IMPEDIMENT_RESOLVED(
            "assistance.shipment.impediment-resolved.v1", Topics.SHIPMENTS, ShipmentEvents.ImpedimentResolved.class),
    SHIPMENT_END_USE_MONITORING_STARTED(
            "assistance.shipment.end-use-monitoring-started.v1",
            Topics.SHIPMENTS,
            ShipmentEvents.EndUseMonitoringStarted.class),
    SHIPMENT_END_USE_CHECK_RECORDED(
            "assistance.shipment.end-use-check-recorded.v1",
            Topics.SHIPMENTS,
            ShipmentEvents.EndUseCheckRecorded.class),
    SHIPMENT_DOCUMENT_ATTACHED(
            "assistance.shipment.document-attached.v1",
            Topics.SHIPMENTS,
            DocumentEvents.ShipmentDocumentAttached.class),

    CATALOGUE_ITEM_PUBLISHED("assistance.catalogue.item-published.v1", Topics.CATALOGUE, ItemPublished.class),
    CATALOGUE_ITEM_WITHDRAWN("assistance.catalogue.item-withdrawn.v1", Topics.CATALOGUE, ItemWithdrawn.class);

    private static final Map<String, EventType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::typeName, Function.identity()));
    private static final Map<Class<?>, EventType> BY_PAYLOAD =
            Arrays.stream(values()).collect(Collectors.toMap(EventType::payload, Function.identity()));

    private final String typeName;
    private final String topic;
    private final Class<? extends AssistanceEvent> payload;

    EventType(String typeName, String topic, Class<? extends AssistanceEvent> payload) {
        this.typeName = typeName;
        this.topic = topic;
        this.payload = payload;
    }

    /** The CloudEvents {@code type}, e.g. {@code assistance.request.submitted.v1}. */
    public String typeName() {
        return typeName;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends AssistanceEvent> payload() {
        return payload;
    }

    public static Optional<EventType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    public static EventType of(AssistanceEvent event) {
        EventType type = BY_PAYLOAD.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException(event.getClass().getName() + " is not a platform event");
        }
        return type;
    }

    public static EventType of(Class<? extends AssistanceEvent> payload) {
        EventType type = BY_PAYLOAD.get(payload);
        if (type == null) {
            throw new IllegalArgumentException(payload.getName() + " is not a platform event");
        }
        return type;
    }
}
