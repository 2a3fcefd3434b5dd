package org.assistance.equipmentservice.shipments;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.equipmentservice.catalogue.AmountView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A shipment as the API answers it, with its journey so far. */
@Schema(name = "Shipment")
public record ShipmentView(
        UUID id,
        UUID requestId,
        @Schema(maxLength = 100) String agencyId,
        @Schema(maxLength = 2, example = "KE") String destinationCountry,
        @Schema(maxLength = 20, example = "VIE-1") String warehouse,
        ShipmentStatus status,
        @Schema(maxItems = Shipments.MAX_LINES) List<ShipmentLineView> lines,
        AmountView value,

        @Schema(maxItems = ShipmentView.MAX_HITS, description = "the export rules that hit its lines")
        List<ScreeningHitView> hits,

        OffsetDateTime heldAt,

        @Schema(
                minimum = "0",
                maximum = "3155760000",
                format = "int64",
                description = "how long it was held, in seconds")
        long heldSeconds,

        @Schema(maxLength = 100) String licenceReference,
        LocalDate licenceDate,
        Shipment.Mode mode,
        @Schema(maxLength = 200) String carrier,
        @Schema(maxLength = 200) String trackingReference,
        LocalDate expectedDelivery,
        OffsetDateTime dispatchedAt,
        @Schema(maxItems = Shipment.MAX_MILESTONES) List<Shipment.Milestone> milestones,
        OffsetDateTime deliveredAt,
        OffsetDateTime receivedAt,

        @Schema(
                maxItems = Shipments.MAX_LINES,
                description = "what the partner accepted and " + "rejected of each line")
        List<ReceiptLineView> receiptLines,

        boolean delayed,
        @Schema(maxLength = 2_000) String cancellationReason,
        @Schema(maxLength = 200) String cancelledBy,
        OffsetDateTime cancelledAt,

        @Schema(
                maxItems = Impediment.MAX_PER_SHIPMENT,
                description = "what stopped or slowed it other than a screening rule (a carrier's, bank's, "
                        + "supplier's or insurer's refusal, a licence denied or delayed), in the order they occurred")
        List<ImpedimentView> impediments,

        OffsetDateTime plannedAt,
        OffsetDateTime updatedAt) {
    /** Hits one shipment can carry: every line (at most 100) hit by the rules for its destination and category or
     * dual use (at most 4 x 10), and as many again cleared while it was held. */
    static final int MAX_HITS = 2 * Shipments.MAX_LINES * 4 * 10;

    static ShipmentView of(Shipment s, List<Impediment> impediments, OffsetDateTime now) {
        return new ShipmentView(
                s.id,
                s.requestId,
                s.agencyId,
                s.destinationCountry,
                s.warehouse,
                s.status,
                s.lines.stream().map(ShipmentLineView::of).toList(),
                AmountView.of(s.value()),
                s.hits.stream().map(ScreeningHitView::of).toList(),
                s.heldAt,
                s.heldSeconds,
                s.licenceReference,
                s.licenceDate,
                s.mode,
                s.carrier,
                s.trackingReference,
                s.expectedDelivery,
                s.dispatchedAt,
                s.milestones,
                s.deliveredAt,
                s.receivedAt,
                s.receiptLines == null
                        ? null
                        : s.receiptLines.stream().map(ReceiptLineView::of).toList(),
                s.isDelayed(now),
                s.cancellationReason,
                s.cancelledBy,
                s.cancelledAt,
                impediments.stream().map(ImpedimentView::of).toList(),
                s.plannedAt,
                s.updatedAt);
    }

    /** The shipment with its impediments, read now. */
    static ShipmentView of(Shipment s) {
        return of(s, Impediment.of(s.id), OffsetDateTime.now());
    }
}
