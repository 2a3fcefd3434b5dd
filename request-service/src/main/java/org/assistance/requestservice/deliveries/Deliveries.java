package org.assistance.requestservice.deliveries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.assistance.chassis.catalogue.CatalogueCopy;
import org.assistance.chassis.events.ReviewEvents.ActivityCancelled;
import org.assistance.chassis.events.ReviewEvents.ActivityDelivered;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
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
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.security.TenantScope;
import org.assistance.requestservice.requests.AssistanceRequest;
import org.assistance.requestservice.requests.AssistanceRequests;
import org.assistance.requestservice.webhooks.NoticeType;
import org.assistance.requestservice.webhooks.PartnerNotices;

/**
 * Applies the events that tell how a request's deliverables progress (from program-service and
 * equipment-service) to its ledger, and moves the request as far as the ledger implies, in the
 * same transaction.
 */
@ApplicationScoped
public class Deliveries {
    private final AssistanceRequests requests;
    private final CatalogueCopy catalogue;
    private final PartnerNotices notices;

    public Deliveries(AssistanceRequests requests, CatalogueCopy catalogue, PartnerNotices notices) {
        this.requests = requests;
        this.catalogue = catalogue;
        this.notices = notices;
    }

    /** What the approval makes deliverable; delivery facts that arrived first now count. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(RequestApproved e, String actor) {
        AssistanceRequest request = requests.lockedForDelivery(e.requestId());
        if (request == null || !request.status.isApprovedOrBeyond()) {
            return; // e.g. withdrawn meanwhile: the approval did not take effect, nothing is to be delivered
        }
        apply(
                e.requestId(),
                e.approvedAt(),
                actor,
                "delivery had progressed before the approval arrived",
                ledger -> ledger.approve(e.equipmentLines(), e.activities(), catalogue::nameOf, e.approvedAt()));
        // the approved activities are scheduled; the equipment is, shipment by shipment, when planned
        for (PlannedActivity activity : e.activities() == null ? List.<PlannedActivity>of() : e.activities()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("deliverable", "ACTIVITY");
            data.put("activityId", activity.activityId());
            data.put("kind", activity.kind());
            data.put("title", activity.title());
            data.put("plannedStart", activity.plannedStart());
            data.put("plannedEnd", activity.plannedEnd());
            notices.notify(request.agencyId, e.requestId(), NoticeType.DELIVERABLE_SCHEDULED, data);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void activityDelivered(ActivityDelivered e, String actor) {
        apply(
                e.requestId(),
                e.deliveredAt(),
                actor,
                "activity " + title(e.kind(), e.title()) + " delivered",
                ledger -> ledger.activityDelivered(e.activityId(), e.kind(), e.title(), e.deliveredAt()),
                NoticeType.ACTIVITY_DELIVERED,
                notice(
                        "activityId", e.activityId(),
                        "kind", e.kind(),
                        "title", e.title(),
                        "startDate", e.startDate(),
                        "endDate", e.endDate(),
                        "deliveredAt", e.deliveredAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void activityCancelled(ActivityCancelled e, String actor) {
        apply(
                e.requestId(),
                e.cancelledAt(),
                actor,
                "activity " + title(e.kind(), e.title()) + " cancelled: " + e.reason(),
                ledger -> ledger.activityCancelled(e.activityId(), e.kind(), e.title(), e.reason(), e.cancelledAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentPlanned(ShipmentPlanned e, String actor) {
        apply(
                e.requestId(),
                e.plannedAt(),
                actor,
                "shipment " + e.shipmentId() + " planned",
                ledger -> ledger.shipmentPlanned(e.shipmentId(), e.lines(), e.plannedAt()),
                NoticeType.DELIVERABLE_SCHEDULED,
                notice(
                        "deliverable",
                        "SHIPMENT",
                        "shipmentId",
                        e.shipmentId(),
                        // what and how many, never the value
                        "lines",
                        e.lines() == null
                                ? List.of()
                                : e.lines().stream()
                                        .map(l -> Map.of(
                                                "itemCode", l.itemCode(),
                                                "itemName", String.valueOf(l.itemName()),
                                                "quantity", l.quantity()))
                                        .toList(),
                        "plannedAt",
                        e.plannedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentDispatched(ShipmentDispatched e, String actor) {
        apply(
                e.requestId(),
                e.dispatchedAt(),
                actor,
                "shipment " + e.shipmentId() + " dispatched",
                ledger -> ledger.shipmentDispatched(e.shipmentId(), e.dispatchedAt()),
                NoticeType.SHIPMENT_DISPATCHED,
                notice(
                        "shipmentId", e.shipmentId(),
                        "mode", e.mode(),
                        "carrier", e.carrier(),
                        "trackingReference", e.trackingReference(),
                        "expectedDelivery", e.expectedDelivery(),
                        "dispatchedAt", e.dispatchedAt()));
    }

    /**
     * Screening stopped a shipment. The agency is told that it waits and why in general terms;
     * what the screening found (the hits) stays with the logistics staff.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentHeld(ShipmentHeld e) {
        AssistanceRequest request = requests.lockedForDelivery(e.requestId());
        if (request == null) {
            return;
        }
        notices.notify(
                request.agencyId,
                e.requestId(),
                NoticeType.SHIPMENT_HELD,
                notice(
                        "shipmentId", e.shipmentId(),
                        "reason", "held for export-control and sanctions screening before it can leave",
                        "heldAt", e.heldAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentDelivered(ShipmentDelivered e, String actor) {
        apply(
                e.requestId(),
                e.deliveredAt(),
                actor,
                "shipment " + e.shipmentId() + " delivered",
                ledger -> ledger.shipmentDelivered(e.shipmentId(), e.deliveredAt()),
                NoticeType.SHIPMENT_DELIVERED,
                notice("shipmentId", e.shipmentId(), "deliveredAt", e.deliveredAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void shipmentCancelled(ShipmentCancelled e, String actor) {
        String reason = "shipment " + e.shipmentId() + " cancelled: " + e.reason();
        apply(
                e.requestId(),
                e.cancelledAt(),
                actor,
                reason,
                ledger -> ledger.shipmentCancelled(e.shipmentId(), e.lines(), reason, e.cancelledAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void linesRemoved(ShipmentLinesRemoved e, String actor) {
        String reason = "removed from shipment " + e.shipmentId() + ": " + e.reason();
        apply(
                e.requestId(),
                e.removedAt(),
                actor,
                reason,
                ledger -> ledger.linesRemoved(e.shipmentId(), e.lines(), reason, e.removedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void backordered(LineBackordered e, String actor) {
        apply(
                e.requestId(),
                e.backorderedAt(),
                actor,
                "item " + e.itemCode() + " backordered",
                ledger -> ledger.backordered(e.itemCode(), e.quantity(), e.backorderedAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void backorderFulfilled(BackorderFulfilled e, String actor) {
        apply(
                e.requestId(),
                e.fulfilledAt(),
                actor,
                "backorder " + e.backorderId() + " fulfilled",
                ledger -> ledger.backorderFulfilled(e.itemCode(), e.quantity(), e.fulfilledAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void backorderCancelled(BackorderCancelled e, String actor) {
        String reason = "backorder of " + e.itemCode() + " cancelled: " + e.reason();
        apply(
                e.requestId(),
                e.cancelledAt(),
                actor,
                reason,
                ledger -> ledger.backorderCancelled(e.itemCode(), e.quantity(), reason, e.cancelledAt()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lineRefused(LineRefused e, String actor) {
        String reason = "item " + e.itemCode() + " refused: " + e.reason();
        apply(
                e.requestId(),
                e.refusedAt(),
                actor,
                reason,
                ledger -> ledger.lineRefused(e.itemCode(), e.quantity(), reason, e.refusedAt()));
    }

    /** The deliverables of a request as the caller may see it (another agency's: 404). */
    public RequestDeliverables of(UUID requestId, TenantScope scope) {
        AssistanceRequest request = requests.visibleTo(requestId, scope);
        List<DeliverableView> all = DeliveryLedger.of(requestId).approved().stream()
                .map(DeliverableView::of)
                .toList();
        return new RequestDeliverables(
                requestId,
                request.status,
                all,
                all.stream()
                        .filter(d ->
                                d.state() != Deliverable.State.DELIVERED && d.state() != Deliverable.State.CANCELLED)
                        .toList());
    }

    private void apply(UUID requestId, OffsetDateTime at, String actor, String reason, Consumer<DeliveryLedger> fact) {
        apply(requestId, at, actor, reason, fact, null, null);
    }

    /** Applies the fact and tells the agency's webhooks of it (before any status change it causes). */
    private void apply(
            UUID requestId,
            OffsetDateTime at,
            String actor,
            String reason,
            Consumer<DeliveryLedger> fact,
            NoticeType notice,
            Map<String, Object> data) {
        AssistanceRequest request = requests.lockedForDelivery(requestId);
        if (request == null) {
            return;
        }
        DeliveryLedger ledger = DeliveryLedger.of(requestId);
        fact.accept(ledger);
        if (notice != null) {
            notices.notify(request.agencyId, requestId, notice, data);
        }
        OffsetDateTime when = at == null ? OffsetDateTime.now() : at;
        ledger.impliedStatus()
                .ifPresent(implied -> requests.deliveryReached(
                        request,
                        implied,
                        ledger.firstStarted(),
                        ledger.approved().stream().map(Deliverable::value).toList(),
                        when,
                        actor,
                        reason));
    }

    /** A notice's data from name, value pairs, in that order; absent values are left out. */
    private static Map<String, Object> notice(Object... pairs) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                data.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return data;
    }

    private static String title(String kind, String title) {
        return title == null ? String.valueOf(kind) : "\"" + title + "\"";
    }
}
