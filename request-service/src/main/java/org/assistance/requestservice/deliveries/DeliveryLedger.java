package org.assistance.requestservice.deliveries;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.requestservice.requests.RequestStatus;

/**
 * Everything one request was approved to receive and how far each part got. The one place that
 * decides the request's delivery status: IN_DELIVERY once a deliverable started, DELIVERED once
 * every deliverable is delivered or cancelled and one was delivered, CANCELLED once all were
 * cancelled.
 */
final class DeliveryLedger {
    private static final Comparator<Deliverable> ORDER = Comparator.comparing((Deliverable d) -> !d.isEquipment())
            .thenComparing(d -> d.description == null ? d.deliverableId : d.description)
            .thenComparing(d -> d.deliverableId);

    private final UUID requestId;
    private final Map<String, Deliverable> deliverables;

    private DeliveryLedger(UUID requestId, List<Deliverable> rows) {
        this.requestId = requestId;
        this.deliverables = new LinkedHashMap<>();
        rows.forEach(d -> deliverables.put(d.deliverableId, d));
    }

    static DeliveryLedger of(UUID requestId) {
        return new DeliveryLedger(requestId, Deliverable.list("requestId", requestId));
    }

    /** The approval names the deliverables: one per item code (units summed), one per activity. */
    void approve(
            List<EquipmentLine> lines,
            List<PlannedActivity> activities,
            Function<String, Optional<String>> itemNames,
            OffsetDateTime at) {
        Map<String, Integer> units = (lines == null ? List.<EquipmentLine>of() : lines)
                .stream()
                        .collect(Collectors.groupingBy(
                                EquipmentLine::itemCode,
                                LinkedHashMap::new,
                                Collectors.summingInt(EquipmentLine::quantity)));
        units.forEach((code, quantity) ->
                item(code, at).approve(quantity, itemNames.apply(code).orElse(null), at));
        for (PlannedActivity activity : activities == null ? List.<PlannedActivity>of() : activities) {
            activity(activity.activityId(), activity.kind(), activity.title(), at)
                    .approve(1, activity.title(), at);
        }
    }

    void shipmentPlanned(UUID shipmentId, List<ShipmentLine> lines, OffsetDateTime at) {
        unitsByItem(lines)
                .forEach((code, line) -> item(code, at).planned(shipmentId, line.quantity(), line.itemName(), at));
    }

    void linesRemoved(UUID shipmentId, List<ShipmentLine> lines, String reason, OffsetDateTime at) {
        unitsByItem(lines)
                .forEach((code, line) -> item(code, at).removedFromShipment(shipmentId, line.quantity(), reason, at));
    }

    void shipmentCancelled(UUID shipmentId, List<ShipmentLine> lines, String reason, OffsetDateTime at) {
        Map<String, ShipmentLine> named = unitsByItem(lines);
        named.forEach((code, line) -> item(code, at).shipmentCancelled(shipmentId, line.quantity(), reason, at));
        // items the shipment held that the event did not name
        inShipment(shipmentId).stream()
                .filter(d -> !named.containsKey(d.itemCode()))
                .forEach(d -> d.shipmentCancelled(shipmentId, 0, reason, at));
    }

    void shipmentDispatched(UUID shipmentId, OffsetDateTime at) {
        inShipment(shipmentId).forEach(d -> d.shipmentDispatched(shipmentId, at));
    }

    void shipmentDelivered(UUID shipmentId, OffsetDateTime at) {
        inShipment(shipmentId).forEach(d -> d.shipmentDelivered(shipmentId, at));
    }

    void backordered(String itemCode, int units, OffsetDateTime at) {
        item(itemCode, at).backordered(units, at);
    }

    void backorderFulfilled(String itemCode, int units, OffsetDateTime at) {
        item(itemCode, at).backorderFulfilled(units, at);
    }

    void backorderCancelled(String itemCode, int units, String reason, OffsetDateTime at) {
        item(itemCode, at).backorderCancelled(units, reason, at);
    }

    void lineRefused(String itemCode, int units, String reason, OffsetDateTime at) {
        item(itemCode, at).refused(units, reason, at);
    }

    void activityDelivered(UUID activityId, String kind, String title, OffsetDateTime at) {
        activity(activityId, kind, title, at).activityDelivered(at);
    }

    void activityCancelled(UUID activityId, String kind, String title, String reason, OffsetDateTime at) {
        activity(activityId, kind, title, at).activityCancelled(reason, at);
    }

    /** The approved deliverables, equipment first; none before the approval is known. */
    List<Deliverable> approved() {
        return deliverables.values().stream()
                .filter(d -> d.approved)
                .sorted(ORDER)
                .toList();
    }

    /** The request status the deliverables imply, if any beyond the approval. */
    Optional<RequestStatus> impliedStatus() {
        List<Deliverable> approved = approved();
        if (approved.isEmpty()) {
            return Optional.empty();
        }
        if (approved.stream().allMatch(Deliverable::hasEnded)) {
            boolean anyDelivered = approved.stream().anyMatch(d -> d.state == Deliverable.State.DELIVERED);
            return Optional.of(anyDelivered ? RequestStatus.DELIVERED : RequestStatus.CANCELLED);
        }
        return approved.stream().anyMatch(Deliverable::hasStarted)
                ? Optional.of(RequestStatus.IN_DELIVERY)
                : Optional.empty();
    }

    /** The deliverable that started first (what RequestDeliveryStarted names). */
    String firstStarted() {
        return approved().stream()
                .filter(d -> d.startedAt != null)
                .min(Comparator.comparing((Deliverable d) -> d.startedAt).thenComparing(d -> d.id))
                .map(d -> d.deliverableId)
                .orElse(null);
    }

    private List<Deliverable> inShipment(UUID shipmentId) {
        return deliverables.values().stream()
                .filter(d -> d.shipments.containsKey(shipmentId.toString()))
                .toList();
    }

    private static Map<String, ShipmentLine> unitsByItem(List<ShipmentLine> lines) {
        // one shipment may carry an item code on two lines: count its units together
        return (lines == null ? List.<ShipmentLine>of() : lines)
                .stream()
                        .collect(Collectors.toMap(
                                ShipmentLine::itemCode,
                                Function.identity(),
                                (a, b) -> new ShipmentLine(
                                        a.itemCode(),
                                        a.itemName(),
                                        a.category(),
                                        a.dualUse(),
                                        a.quantity() + b.quantity(),
                                        a.unitCost()),
                                LinkedHashMap::new));
    }

    private Deliverable item(String itemCode, OffsetDateTime at) {
        return deliverables.computeIfAbsent(
                Deliverable.itemId(itemCode),
                id -> persisted(Deliverable.create(requestId, id, Deliverable.EQUIPMENT, itemCode, at)));
    }

    private Deliverable activity(UUID activityId, String kind, String title, OffsetDateTime at) {
        return deliverables.computeIfAbsent(
                activityId.toString(),
                id -> persisted(Deliverable.create(requestId, id, kind == null ? "ACTIVITY" : kind, title, at)));
    }

    private static Deliverable persisted(Deliverable deliverable) {
        deliverable.persist();
        return deliverable;
    }
}
