package org.assistance.chassis.events;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.chassis.events.Values.UnitSerial;

/** Published by equipment-service on {@value Topics#SHIPMENTS}, keyed by the request id. */
public final class ShipmentEvents {
    private ShipmentEvents() {}

    /** {@code assistance.shipment.planned.v1}: stock reserved for (part of) an approval. */
    public record ShipmentPlanned(
            UUID requestId,
            UUID shipmentId,
            String agencyId,
            String destinationCountry,
            String warehouse,
            List<ShipmentLine> lines,
            Money value,
            OffsetDateTime plannedAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.held.v1}: export-control or sanctions screening stopped it. */
    public record ShipmentHeld(
            UUID requestId, UUID shipmentId, String destinationCountry, List<ScreeningHit> hits, OffsetDateTime heldAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.cleared.v1}: every hit cleared (licence) or removed. */
    public record ShipmentCleared(
            UUID requestId,
            UUID shipmentId,
            String licenceReference,
            LocalDate licenceDate,
            long heldSeconds,
            OffsetDateTime clearedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.dispatched.v1}. {@code dueBy} is when the mode's usual transit
     * time after dispatch runs out (the shipment counts as delayed after that day when no
     * {@code expectedDelivery} was given); equipment-service computes it, readers do not repeat the
     * rule. {@code units} are the serial numbers logistics recorded per unit (every unit of a
     * dual-use or licence-conditioned line has one; other lines may). Both were added to v1 as
     * optional fields: events written before have none, a null {@code dueBy} means "no due date
     * known" and a null {@code units} "no serials recorded".
     */
    public record ShipmentDispatched(
            UUID requestId,
            UUID shipmentId,
            String mode,
            String carrier,
            String trackingReference,
            LocalDate expectedDelivery,
            OffsetDateTime dispatchedAt,
            Instant dueBy,
            List<UnitSerial> units)
            implements AssistanceEvent {
        /** A dispatch as written before serial numbers were recorded. */
        public ShipmentDispatched(
                UUID requestId,
                UUID shipmentId,
                String mode,
                String carrier,
                String trackingReference,
                LocalDate expectedDelivery,
                OffsetDateTime dispatchedAt,
                Instant dueBy) {
            this(requestId, shipmentId, mode, carrier, trackingReference, expectedDelivery, dispatchedAt, dueBy, null);
        }

        /** A dispatch as written before {@code dueBy} existed: no due date known. */
        public ShipmentDispatched(
                UUID requestId,
                UUID shipmentId,
                String mode,
                String carrier,
                String trackingReference,
                LocalDate expectedDelivery,
                OffsetDateTime dispatchedAt) {
            this(requestId, shipmentId, mode, carrier, trackingReference, expectedDelivery, dispatchedAt, null, null);
        }
    }

    /** {@code assistance.shipment.milestone.v1}: CUSTOMS_ENTRY, CUSTOMS_HOLD, CUSTOMS_RELEASE... */
    public record ShipmentMilestone(
            UUID requestId, UUID shipmentId, String milestone, String location, String note, OffsetDateTime occurredAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.delivered.v1}. */
    public record ShipmentDelivered(UUID requestId, UUID shipmentId, Money deliveredValue, OffsetDateTime deliveredAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.received.v1}: the partner's receipt, line by line. */
    public record ShipmentReceived(UUID requestId, UUID shipmentId, List<ReceiptLine> lines, OffsetDateTime receivedAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.cancelled.v1}: a shipment will not go; its lines' stock was released (if reserved). */
    public record ShipmentCancelled(
            UUID requestId,
            UUID shipmentId,
            String reason,
            List<ShipmentLine> lines,
            boolean stockReleased,
            String cancelledBy,
            OffsetDateTime cancelledAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.lines-removed.v1}: lines taken out of a held shipment at clearance. */
    public record ShipmentLinesRemoved(
            UUID requestId, UUID shipmentId, List<ShipmentLine> lines, String reason, OffsetDateTime removedAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.line-backordered.v1}: approved equipment no warehouse had; it waits for stock. */
    public record LineBackordered(
            UUID requestId,
            long backorderId,
            String itemCode,
            String itemName,
            int quantity,
            String priority,
            OffsetDateTime backorderedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.backorder-fulfilled.v1}: stock received went (partly) to a
     * backorder, as the shipment named (its own {@code shipment.planned} follows). {@code remaining}
     * is what the backorder still waits for.
     */
    public record BackorderFulfilled(
            UUID requestId,
            long backorderId,
            UUID shipmentId,
            String itemCode,
            int quantity,
            int remaining,
            OffsetDateTime fulfilledAt)
            implements AssistanceEvent {}

    /** {@code assistance.shipment.backorder-cancelled.v1}: what a backorder still waited for will not be shipped. */
    public record BackorderCancelled(
            UUID requestId, long backorderId, String itemCode, int quantity, String reason, OffsetDateTime cancelledAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.line-refused.v1}: an approved line equipment-service cannot ship
     * at all (its item was withdrawn from the catalogue meanwhile); the rest of the approval goes on.
     */
    public record LineRefused(UUID requestId, String itemCode, int quantity, String reason, OffsetDateTime refusedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.impediment-recorded.v1}: something other than a screening rule
     * stopped or slowed a shipment: a carrier, bank, supplier or insurer refused, a licence was
     * denied or delayed. {@code kind} is CARRIER_REFUSAL, BANK_REFUSAL, SUPPLIER_REFUSAL,
     * INSURER_REFUSAL, LICENCE_DENIED, LICENCE_DELAYED or OTHER; {@code party} who refused or
     * delayed; {@code basis} (a {@link Values.BarrierBasis} name) what the party relied on, as far as
     * known; {@code resolvedAt} null while it stands; {@code extraCost} what it cost on top, if any.
     */
    public record ImpedimentRecorded(
            UUID requestId,
            UUID shipmentId,
            UUID impedimentId,
            String destinationCountry,
            String kind,
            String party,
            String basis,
            OffsetDateTime occurredAt,
            OffsetDateTime resolvedAt,
            String note,
            Money extraCost,
            String recordedBy,
            OffsetDateTime recordedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.impediment-resolved.v1}: an impediment recorded earlier no longer
     * stands, since {@code resolvedAt}; {@code extraCost} is what it cost in the end (replacing any
     * amount recorded before), or null when none was recorded.
     */
    public record ImpedimentResolved(
            UUID requestId,
            UUID shipmentId,
            UUID impedimentId,
            OffsetDateTime resolvedAt,
            Money extraCost,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.end-use-monitoring-started.v1}: a delivered shipment holds units
     * whose end use is monitored (dual-use items, or any item of a shipment cleared under an export
     * licence). {@code checksDue} are the days checks fall due (by default 6 and 12 months after
     * delivery: equipment-service's configuration, readers do not repeat the rule); the k-th is met
     * by the unit's k-th check recorded. Units the partner rejects at receipt leave monitoring
     * (their serials are missing from the receipt's {@code serialsAccepted}).
     */
    public record EndUseMonitoringStarted(
            UUID requestId,
            UUID shipmentId,
            String agencyId,
            String destinationCountry,
            List<UnitSerial> units,
            List<LocalDate> checksDue,
            OffsetDateTime deliveredAt,
            OffsetDateTime startedAt)
            implements AssistanceEvent {}

    /**
     * {@code assistance.shipment.end-use-check-recorded.v1}: someone saw (or looked for) a unit at
     * its end user. {@code result} is IN_USE, NOT_IN_USE, NOT_FOUND, TRANSFERRED or DAMAGED;
     * anything but IN_USE is a finding. {@code checkNumber} is 1 for the unit's first check.
     */
    public record EndUseCheckRecorded(
            UUID requestId,
            UUID shipmentId,
            UUID checkId,
            String itemCode,
            String serialNumber,
            String destinationCountry,
            int checkNumber,
            String result,
            LocalDate checkedAt,
            String checkedBy,
            String note,
            String recordedBy,
            OffsetDateTime recordedAt)
            implements AssistanceEvent {}
}
