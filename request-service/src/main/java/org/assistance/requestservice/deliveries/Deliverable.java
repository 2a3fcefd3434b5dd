package org.assistance.requestservice.deliveries;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.assistance.chassis.events.Values;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One approved component of a request and how far it got: the units of one item code, or one
 * activity. Facts are recorded as they arrive, even before the approval that makes it part of
 * the request; its state is derived from them, so the order of arrival does not matter.
 */
@Entity
@Table(name = "deliverables")
public class Deliverable extends PanacheEntityBase {
    public static final String EQUIPMENT = "EQUIPMENT";
    private static final String ITEM_PREFIX = "item:";
    static final int MAX_REASON = 2_000;
    /** An approval names at most 100 equipment lines and 100 activities (50 trainings, 50 others). */
    static final int MAX_PER_REQUEST = 200;
    /** Units of one item: at most 100 approved lines of 10,000 each. */
    static final int MAX_UNITS = 1_000_000;

    public enum State {
        PENDING,
        IN_PROGRESS,
        DELIVERED,
        CANCELLED
    }

    /** How far one shipment of this item got, and the units still in it. */
    public record ShipmentPart(int quantity, String stage) {
        static final String PLANNED = "PLANNED";
        static final String DISPATCHED = "DISPATCHED";
        static final String DELIVERED = "DELIVERED";
        static final String CANCELLED = "CANCELLED";

        boolean stillOpen() {
            return PLANNED.equals(stage) || DISPATCHED.equals(stage);
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "request_id")
    public UUID requestId;

    @Column(name = "deliverable_id")
    public String deliverableId;

    public String kind;
    public String description;
    /** Part of the request: the approval named it. Until then only facts are kept. */
    public boolean approved;
    /** Units approved (1 for an activity). */
    public int quantity;

    @Column(name = "quantity_delivered")
    public int quantityDelivered;

    @Column(name = "quantity_cancelled")
    public int quantityCancelled;
    /** Units on backorder, waiting for stock. */
    @Column(name = "quantity_waiting")
    public int quantityWaiting;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, ShipmentPart> shipments;

    @Enumerated(EnumType.STRING)
    public State state;
    /** Why units were cancelled (each distinct reason once). */
    public String reason;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    static String itemId(String itemCode) {
        return ITEM_PREFIX + itemCode;
    }

    static Deliverable create(
            UUID requestId, String deliverableId, String kind, String description, OffsetDateTime at) {
        Deliverable d = new Deliverable();
        d.requestId = requestId;
        d.deliverableId = deliverableId;
        d.kind = kind;
        d.description = description;
        d.shipments = new LinkedHashMap<>();
        d.state = State.PENDING;
        d.updatedAt = at;
        return d;
    }

    boolean isEquipment() {
        return EQUIPMENT.equals(kind);
    }

    String itemCode() {
        return deliverableId.substring(ITEM_PREFIX.length());
    }

    void approve(int approvedQuantity, String name, OffsetDateTime at) {
        approved = true;
        quantity = approvedQuantity;
        if (name != null) {
            description = name;
        }
        touched(at);
    }

    // --- equipment: the accounting of COMMON.md, one item code of one request

    void planned(UUID shipmentId, int units, String itemName, OffsetDateTime at) {
        if (description == null || description.equals(itemCode())) {
            description = itemName;
        }
        // a shipment is planned once; a repeated event changes nothing
        if (!shipments.containsKey(shipmentId.toString())) {
            withShipment(shipmentId, new ShipmentPart(units, ShipmentPart.PLANNED));
        }
        touched(at);
    }

    void removedFromShipment(UUID shipmentId, int units, String why, OffsetDateTime at) {
        ShipmentPart part = shipments.get(shipmentId.toString());
        int removed = part == null ? units : Math.min(units, part.quantity());
        if (part != null) {
            if (!part.stillOpen()) {
                return;
            }
            withShipment(shipmentId, new ShipmentPart(part.quantity() - removed, part.stage()));
        }
        cancel(removed, why, at);
    }

    /** The shipment will not go: what is still in it is cancelled (or, unknown, the lines the event names). */
    void shipmentCancelled(UUID shipmentId, int unitsNamed, String why, OffsetDateTime at) {
        ShipmentPart part = shipments.get(shipmentId.toString());
        if (part != null && !part.stillOpen()) {
            return;
        }
        int units = part == null ? unitsNamed : part.quantity();
        withShipment(shipmentId, new ShipmentPart(units, ShipmentPart.CANCELLED));
        cancel(units, why, at);
    }

    void shipmentDispatched(UUID shipmentId, OffsetDateTime at) {
        ShipmentPart part = shipments.get(shipmentId.toString());
        if (part != null && ShipmentPart.PLANNED.equals(part.stage())) {
            withShipment(shipmentId, new ShipmentPart(part.quantity(), ShipmentPart.DISPATCHED));
            started(at);
        }
    }

    void shipmentDelivered(UUID shipmentId, OffsetDateTime at) {
        ShipmentPart part = shipments.get(shipmentId.toString());
        if (part != null && part.stillOpen()) {
            withShipment(shipmentId, new ShipmentPart(part.quantity(), ShipmentPart.DELIVERED));
            quantityDelivered += part.quantity();
            started(at);
        }
    }

    void backordered(int units, OffsetDateTime at) {
        quantityWaiting += units;
        touched(at);
    }

    /** Waiting units moved into a new shipment, whose own planned event counts them there. */
    void backorderFulfilled(int units, OffsetDateTime at) {
        quantityWaiting = Math.max(0, quantityWaiting - units);
        touched(at);
    }

    void backorderCancelled(int units, String why, OffsetDateTime at) {
        quantityWaiting = Math.max(0, quantityWaiting - units);
        cancel(units, why, at);
    }

    void refused(int units, String why, OffsetDateTime at) {
        cancel(units, why, at);
    }

    // --- activities: delivered or cancelled once; the first word stands

    void activityDelivered(OffsetDateTime at) {
        if (quantityDelivered == 0 && quantityCancelled == 0) {
            quantityDelivered = 1;
            started(at);
        }
    }

    void activityCancelled(String why, OffsetDateTime at) {
        if (quantityDelivered == 0 && quantityCancelled == 0) {
            cancel(1, why, at);
        }
    }

    /**
     * DELIVERED when delivered + cancelled cover the approved units and something was delivered;
     * CANCELLED when all were cancelled; IN_PROGRESS once anything was dispatched or delivered.
     */
    State derivedState() {
        if (approved && quantity > 0 && quantityCancelled >= quantity) {
            return State.CANCELLED;
        }
        if (approved && quantityDelivered > 0 && quantityDelivered + quantityCancelled >= quantity) {
            return State.DELIVERED;
        }
        return startedAt != null || quantityDelivered > 0 ? State.IN_PROGRESS : State.PENDING;
    }

    boolean hasEnded() {
        return state == State.DELIVERED || state == State.CANCELLED;
    }

    boolean hasStarted() {
        return state == State.IN_PROGRESS || state == State.DELIVERED;
    }

    Values.Deliverable value() {
        return new Values.Deliverable(
                deliverableId,
                kind,
                description == null ? deliverableId : description,
                quantity,
                quantityDelivered,
                quantityCancelled,
                state.name(),
                reason);
    }

    private void cancel(int units, String why, OffsetDateTime at) {
        if (units <= 0) {
            return;
        }
        quantityCancelled += units;
        String text = why == null || why.isBlank() ? "cancelled" : why.strip();
        if (reason == null) {
            reason = text;
        } else if (!reason.contains(text)) {
            reason = reason + "; " + text;
        }
        if (reason.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON);
        }
        touched(at);
    }

    private void started(OffsetDateTime at) {
        if (startedAt == null || (at != null && at.isBefore(startedAt))) {
            startedAt = at;
        }
        touched(at);
    }

    private void touched(OffsetDateTime at) {
        state = derivedState();
        if (at != null && (updatedAt == null || at.isAfter(updatedAt))) {
            updatedAt = at;
        }
    }

    private void withShipment(UUID shipmentId, ShipmentPart part) {
        // a new map each time: the JSON column is then surely seen as changed
        Map<String, ShipmentPart> changed = new LinkedHashMap<>(shipments);
        changed.put(shipmentId.toString(), part);
        shipments = changed;
    }
}
