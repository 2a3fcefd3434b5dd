package org.assistance.chassis.events;

import org.assistance.chassis.events.Values.Money;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.assistance.chassis.events.Values.ShipmentLine;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Published by equipment-service on {@value Topics#SHIPMENTS}, keyed by the request id. */
public final class ShipmentEvents {
    private ShipmentEvents() {
    }

    /** {@code assistance.shipment.planned.v1}: stock reserved for (part of) an approval. */
    public record ShipmentPlanned(UUID requestId, UUID shipmentId, String agencyId, String destinationCountry,
                                  String warehouse, List<ShipmentLine> lines, Money value, OffsetDateTime plannedAt)
            implements AssistanceEvent {
    }

    /** {@code assistance.shipment.held.v1}: export-control or sanctions screening stopped it. */
    public record ShipmentHeld(UUID requestId, UUID shipmentId, String destinationCountry, List<ScreeningHit> hits,
                               OffsetDateTime heldAt) implements AssistanceEvent {
    }

    /** {@code assistance.shipment.cleared.v1}: every hit cleared (licence) or removed. */
    public record ShipmentCleared(UUID requestId, UUID shipmentId, String licenceReference, LocalDate licenceDate,
                                  long heldSeconds, OffsetDateTime clearedAt) implements AssistanceEvent {
    }

    /** {@code assistance.shipment.dispatched.v1}. */
    public record ShipmentDispatched(UUID requestId, UUID shipmentId, String mode, String carrier,
                                     String trackingReference, LocalDate expectedDelivery,
                                     OffsetDateTime dispatchedAt) implements AssistanceEvent {
    }

    /** {@code assistance.shipment.milestone.v1}: CUSTOMS_ENTRY, CUSTOMS_HOLD, CUSTOMS_RELEASE... */
    public record ShipmentMilestone(UUID requestId, UUID shipmentId, String milestone, String location, String note,
                                    OffsetDateTime occurredAt) implements AssistanceEvent {
    }

    /** {@code assistance.shipment.delivered.v1}. */
    public record ShipmentDelivered(UUID requestId, UUID shipmentId, Money deliveredValue, OffsetDateTime deliveredAt)
            implements AssistanceEvent {
    }

    /** {@code assistance.shipment.received.v1}: the partner's receipt, line by line. */
    public record ShipmentReceived(UUID requestId, UUID shipmentId, List<ReceiptLine> lines,
                                   OffsetDateTime receivedAt) implements AssistanceEvent {
    }
}
