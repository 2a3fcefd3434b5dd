package org.assistance.programservice.reviews;

import org.assistance.chassis.events.Values.EquipmentLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An equipment line as the agency asked for it, bounded as request-service accepts it. */
@Schema(name = "EquipmentLine")
public record AskedLine(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,

        @Schema(minimum = "1", maximum = "10000", example = "4")
        int quantity,

        @Schema(maxLength = 2_000) String justification) {
    static AskedLine of(EquipmentLine line) {
        return new AskedLine(line.itemCode(), line.quantity(), line.justification());
    }
}
