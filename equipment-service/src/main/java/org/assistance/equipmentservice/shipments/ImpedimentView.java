package org.assistance.equipmentservice.shipments;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.Values.BarrierBasis;
import org.assistance.equipmentservice.catalogue.AmountView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An impediment as the API answers it. */
@Schema(name = "Impediment")
public record ImpedimentView(
        UUID id,
        UUID shipmentId,
        ImpedimentKind kind,
        @Schema(maxLength = Impediment.MAX_PARTY) String party,
        BarrierBasis basis,
        OffsetDateTime occurredAt,
        @Schema(description = "none while it stands") OffsetDateTime resolvedAt,
        @Schema(maxLength = Impediment.MAX_NOTE) String note,

        @Schema(description = "what it cost on top, if recorded")
        AmountView extraCost,

        @Schema(maxLength = 200) String recordedBy,
        OffsetDateTime recordedAt,
        @Schema(maxLength = 200) String resolvedBy,
        OffsetDateTime resolutionRecordedAt,
        @Schema(maxLength = Impediment.MAX_NOTE) String resolutionNote) {
    static ImpedimentView of(Impediment i) {
        return new ImpedimentView(
                i.id,
                i.shipmentId,
                i.kind,
                i.party,
                i.basis,
                i.occurredAt,
                i.resolvedAt,
                i.note,
                AmountView.of(i.extraCost()),
                i.recordedBy,
                i.recordedAt,
                i.resolvedBy,
                i.resolutionRecordedAt,
                i.resolutionNote);
    }
}
