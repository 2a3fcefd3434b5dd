package org.assistance.equipmentservice.shipments;

import java.util.UUID;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An export rule that hit a line of a shipment. */
@Schema(name = "ScreeningHit")
public record ScreeningHitView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
        @Schema(maxLength = 30, example = "SURVEILLANCE") String category,
        UUID ruleId,

        @Schema(maxLength = 20, example = "LICENCE_REQUIRED")
        String measure,

        @Schema(maxLength = 200) String reference,
        @Schema(maxLength = 2_000) String reason) {
    static ScreeningHitView of(ScreeningHit h) {
        return new ScreeningHitView(h.itemCode(), h.category(), h.ruleId(), h.measure(), h.reference(), h.reason());
    }
}
