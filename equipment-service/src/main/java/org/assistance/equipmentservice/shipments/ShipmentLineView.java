package org.assistance.equipmentservice.shipments;

import org.assistance.chassis.events.Values.ShipmentLine;
import org.assistance.equipmentservice.catalogue.AmountView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One item of a shipment, as it was when the shipment was planned. */
@Schema(name = "ShipmentLine")
public record ShipmentLineView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,
        @Schema(maxLength = 200) String itemName,
        @Schema(maxLength = 30, example = "FORENSIC_IT") String category,
        boolean dualUse,

        @Schema(minimum = "1", maximum = "10000", format = "int32")
        int quantity,

        AmountView unitCost) {
    static ShipmentLineView of(ShipmentLine l) {
        return new ShipmentLineView(
                l.itemCode(), l.itemName(), l.category(), l.dualUse(), l.quantity(), AmountView.of(l.unitCost()));
    }
}
