package org.assistance.equipmentservice.stock;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one warehouse holds of one item, as the API answers it. */
@Schema(name = "StockLevel")
public record StockLevelView(
        @Schema(maxLength = 20, example = "VIE-1") String warehouse,
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,

        @Schema(minimum = "0", maximum = "1000000000", format = "int32")
        int onHand,

        @Schema(minimum = "0", maximum = "1000000000", format = "int32", description = "reserved for planned shipments")
        int reserved,

        @Schema(minimum = "0", maximum = "1000000000", format = "int32", description = "on hand and not reserved")
        int free) {
    static StockLevelView of(StockLevel l) {
        return new StockLevelView(l.key.warehouse(), l.key.itemCode(), l.onHand, l.reserved, l.free());
    }
}
