package org.assistance.equipmentservice.shipments;

import org.assistance.chassis.events.Values.ReceiptLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the partner accepted and rejected of one line. */
@Schema(name = "ReceiptLine")
public record ReceiptLineView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,

        @Schema(minimum = "0", maximum = "10000", format = "int32")
        int quantityAccepted,

        @Schema(minimum = "0", maximum = "10000", format = "int32")
        int quantityRejected,

        @Schema(maxLength = 1_000) String rejectionReason) {
    static ReceiptLineView of(ReceiptLine r) {
        return new ReceiptLineView(r.itemCode(), r.quantityAccepted(), r.quantityRejected(), r.rejectionReason());
    }
}
