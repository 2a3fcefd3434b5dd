package org.assistance.equipmentservice.shipments;

import java.util.UUID;
import org.assistance.chassis.events.Values.ScreeningHit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An export rule that hit a line of a shipment, as the rule read then, with what it rests on. */
@Schema(name = "ScreeningHit")
public record ScreeningHitView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
        @Schema(maxLength = 30, example = "SURVEILLANCE") String category,
        UUID ruleId,

        @Schema(maxLength = 20, example = "LICENCE_REQUIRED")
        String measure,

        @Schema(maxLength = 200) String reference,
        @Schema(maxLength = 2_000) String reason,

        @Schema(
                maxLength = 30,
                enumeration = {"UN_SECURITY_COUNCIL", "UNILATERAL_MEASURE", "NATIONAL_EXPORT_CONTROL", "OTHER"},
                description = "what the rule rested on; none for hits recorded before rules stated it")
        String basis,

        @Schema(maxLength = 200, example = "UN Security Council (1718 Committee)")
        String imposedBy,

        @Schema(maxLength = 300, example = "S/RES/2397 (2017)")
        String instrument) {
    static ScreeningHitView of(ScreeningHit h) {
        return new ScreeningHitView(
                h.itemCode(),
                h.category(),
                h.ruleId(),
                h.measure(),
                h.reference(),
                h.reason(),
                h.basis(),
                h.imposedBy(),
                h.instrument());
    }
}
