package org.assistance.reportingservice.dashboard;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.assistance.chassis.events.ReviewEvents.RequestApproved;
import org.assistance.chassis.events.Values.Deliverable;
import org.assistance.chassis.events.Values.EquipmentLine;
import org.assistance.chassis.events.Values.PlannedActivity;
import org.assistance.chassis.events.Values.ShipmentLine;

/**
 * The approved components of each request (an equipment line per item code, an activity) and how
 * far each got. While a request is under way, reporting follows them from the approval, the
 * shipments (quantities planned, removed, cancelled, backordered, refused) and the activities;
 * once request-service reports the request's end, the deliverables it lists are settled and
 * nothing earlier or later changes them. An activity's state only moves forward; an equipment
 * line's is computed from all its quantities known, so neither depends on the order events came in.
 */
final class Deliverables {
    static final String EQUIPMENT = "EQUIPMENT";
    private static final String ITEM = "item:";

    private Deliverables() {}

    static void approved(RequestJourney journey, RequestApproved approval) {
        Map<String, Integer> units = new TreeMap<>();
        for (EquipmentLine line :
                approval.equipmentLines() == null ? List.<EquipmentLine>of() : approval.equipmentLines()) {
            units.merge(line.itemCode(), line.quantity(), Integer::sum);
        }
        units.forEach((item, quantity) -> upsert(journey, ITEM + item, EQUIPMENT, item, quantity, "PENDING", null));
        if (approval.activities() != null) {
            for (PlannedActivity activity : approval.activities()) {
                upsert(
                        journey,
                        activity.activityId().toString(),
                        activity.kind(),
                        activity.title(),
                        1,
                        "PENDING",
                        null);
            }
        }
    }

    static void activityEnded(
            RequestJourney journey, UUID activityId, String kind, String title, String state, String reason) {
        upsert(journey, activityId.toString(), kind, title, 1, state, reason);
    }

    /** Stock planned for the request: each line's quantity, per item code. */
    static void shipmentPlanned(RequestJourney journey, UUID shipmentId, List<ShipmentLine> lines) {
        units(lines).forEach((item, quantity) -> line(journey, shipmentId, item).quantity = quantity);
    }

    /** Lines taken out of a held shipment at clearance: those units will not go. */
    static void linesRemoved(RequestJourney journey, UUID shipmentId, List<ShipmentLine> lines) {
        units(lines).forEach((item, quantity) -> line(journey, shipmentId, item).removed += quantity);
    }

    static void backordered(RequestJourney journey, long backorderId, String item, int quantity) {
        backorder(journey, backorderId, item).quantity = quantity;
    }

    /** Part of a backorder went into a new shipment (counted there, from its own shipment.planned). */
    static void backorderFulfilled(RequestJourney journey, long backorderId, String item, int quantity) {
        backorder(journey, backorderId, item).fulfilled += quantity;
    }

    static void backorderCancelled(RequestJourney journey, long backorderId, String item, int quantity, String reason) {
        RequestJourney.Backorder backorder = backorder(journey, backorderId, item);
        backorder.cancelled += quantity;
        backorder.reason = reason;
    }

    static void lineRefused(RequestJourney journey, UUID eventId, String item, int quantity, String reason) {
        if (!journey.refusedLines().containsKey(eventId)) {
            journey.refusedLines().put(eventId, new RequestJourney.RefusedLine(eventId, item, quantity, reason));
            journey.newRefusedLines.add(eventId);
        }
    }

    /** The line of an item on a shipment, created empty if none was known; marked changed. */
    private static RequestJourney.ShipmentLine line(RequestJourney journey, UUID shipmentId, String item) {
        String key = RequestJourney.lineKey(shipmentId, item);
        journey.changedShipmentLines.add(key);
        return journey.shipmentLines().computeIfAbsent(key, k -> {
            RequestJourney.ShipmentLine line = new RequestJourney.ShipmentLine();
            line.shipmentId = shipmentId;
            line.itemCode = item;
            return line;
        });
    }

    /** A backorder, created with the item first named for it if none was known; marked changed. */
    private static RequestJourney.Backorder backorder(RequestJourney journey, long backorderId, String item) {
        journey.changedBackorders.add(backorderId);
        return journey.backorders().computeIfAbsent(backorderId, id -> {
            RequestJourney.Backorder backorder = new RequestJourney.Backorder();
            backorder.backorderId = id;
            backorder.itemCode = item;
            return backorder;
        });
    }

    /**
     * Where each approved equipment line of the request stands, from every quantity known now:
     * delivered = units of delivered shipments (less lines removed); cancelled = lines removed,
     * what cancelled shipments still carried, backorders cancelled and lines refused. DELIVERED
     * when delivered and cancelled make up the approved quantity with something delivered,
     * CANCELLED when all of it was cancelled, IN_PROGRESS once a shipment with it left. A line
     * counts once its shipment is known (planned, held, ...); the reasons are those of backorders
     * cancelled and lines refused, each once, in order.
     */
    static void followEquipment(RequestJourney journey) {
        for (RequestJourney.Deliverable d : journey.deliverables().values()) {
            if (!EQUIPMENT.equals(d.kind) || d.settled) {
                continue;
            }
            String item = d.deliverableId.length() > ITEM.length() ? d.deliverableId.substring(ITEM.length()) : "";
            int delivered = 0;
            int cancelled = 0;
            boolean started = false;
            for (RequestJourney.ShipmentLine line : journey.shipmentLines().values()) {
                ShipmentFacts s = journey.shipments().get(line.shipmentId);
                if (s == null || !line.itemCode.equals(item)) {
                    continue;
                }
                if (s.deliveredAt != null && s.cancelledAt == null) {
                    delivered += line.quantity - line.removed;
                }
                cancelled += line.removed
                        + (s.cancelledAt != null && s.deliveredAt == null ? line.quantity - line.removed : 0);
                started |= s.dispatchedAt != null || s.deliveredAt != null;
            }
            TreeSet<String> reasons = new TreeSet<>();
            for (RequestJourney.Backorder b : journey.backorders().values()) {
                if (b.itemCode.equals(item)) {
                    cancelled += b.cancelled;
                    if (b.cancelled > 0 && b.reason != null) {
                        reasons.add(b.reason);
                    }
                }
            }
            for (RequestJourney.RefusedLine f : journey.refusedLines().values()) {
                if (f.itemCode().equals(item)) {
                    cancelled += f.quantity();
                    if (f.reason() != null) {
                        reasons.add(f.reason());
                    }
                }
            }
            d.quantityDelivered = delivered;
            d.quantityCancelled = cancelled;
            d.state = equipmentState(d.quantity, delivered, cancelled, started);
            d.reason = reasons.isEmpty() ? null : String.join("; ", reasons);
            journey.changedDeliverables.add(d.deliverableId);
        }
    }

    /** The state of an equipment line from its quantities (the contract's rule, as request-service applies it). */
    static String equipmentState(int approved, int delivered, int cancelled, boolean started) {
        if (approved > 0 && delivered > 0 && delivered + cancelled >= approved) {
            return "DELIVERED";
        } else if (approved > 0 && cancelled >= approved) {
            return "CANCELLED";
        } else if (started || delivered > 0) {
            return "IN_PROGRESS";
        }
        return "PENDING";
    }

    /** Descriptions are for people: a long one is cut rather than refused (an event is never refused for it). */
    private static String cut(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 299) + "…";
    }

    private static Map<String, Integer> units(List<ShipmentLine> lines) {
        Map<String, Integer> units = new TreeMap<>();
        if (lines != null) {
            for (ShipmentLine line : lines) {
                units.merge(line.itemCode(), line.quantity(), Integer::sum);
            }
        }
        return units;
    }

    /** The deliverables as request-service reported them at the request's end: final. */
    static void settled(RequestJourney journey, List<Deliverable> deliverables) {
        if (deliverables == null) {
            return;
        }
        for (Deliverable reported : deliverables) {
            RequestJourney.Deliverable d = journey.deliverables()
                    .computeIfAbsent(reported.deliverableId(), id -> new RequestJourney.Deliverable());
            d.deliverableId = reported.deliverableId();
            d.kind = reported.kind() == null ? "UNKNOWN" : reported.kind();
            d.description = cut(reported.description());
            d.quantity = reported.quantity();
            d.quantityDelivered = reported.quantityDelivered();
            d.quantityCancelled = reported.quantityCancelled();
            d.state = reported.state();
            d.reason = reported.reason();
            d.settled = true;
            journey.changedDeliverables.add(d.deliverableId);
        }
    }

    /** Inserts or moves a deliverable forward; a settled one is left as request-service reported it. */
    private static void upsert(
            RequestJourney journey,
            String id,
            String kind,
            String description,
            int quantity,
            String state,
            String reason) {
        int delivered = "DELIVERED".equals(state) ? quantity : 0;
        int cancelled = "CANCELLED".equals(state) ? quantity : 0;
        RequestJourney.Deliverable d = journey.deliverables().get(id);
        if (d == null) {
            d = new RequestJourney.Deliverable();
            d.deliverableId = id;
            d.kind = kind == null ? "UNKNOWN" : kind;
            d.description = cut(description);
            d.quantity = quantity;
            d.quantityDelivered = delivered;
            d.quantityCancelled = cancelled;
            d.state = state;
            d.reason = reason;
            journey.deliverables().put(id, d);
        } else if (!d.settled) {
            d.kind = kind == null ? "UNKNOWN" : kind;
            d.description = d.description != null ? d.description : cut(description);
            d.quantity = Math.max(d.quantity, quantity);
            d.quantityDelivered = Math.max(d.quantityDelivered, delivered);
            d.quantityCancelled = Math.max(d.quantityCancelled, cancelled);
            if (!("DELIVERED".equals(d.state) || "CANCELLED".equals(d.state) || "PENDING".equals(state))) {
                d.state = state;
            }
            d.reason = d.reason != null ? d.reason : reason;
        } else {
            return;
        }
        journey.changedDeliverables.add(id);
    }
}
