package org.assistance.equipmentservice.shipments;

import jakarta.validation.constraints.Size;
import java.util.List;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.assistance.equipmentservice.assets.Asset;
import org.assistance.equipmentservice.assets.UnitsAtDispatch;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the partner accepted and rejected of one line. */
@Schema(name = "ReceiptLine")
public record ReceiptLineView(
        @Schema(maxLength = 50, example = "FOR-WB-001") String itemCode,

        @Schema(minimum = "0", maximum = "10000", format = "int32")
        int quantityAccepted,

        @Schema(minimum = "0", maximum = "10000", format = "int32")
        int quantityRejected,

        @Schema(maxLength = 1_000) String rejectionReason,

        @Schema(
                maxItems = UnitsAtDispatch.MAX_UNITS,
                description = "the units accepted by serial number, when the line's units had serials (the line's "
                        + "other units were rejected); none for a line without serials or a receipt of before")
        List<@Size(max = Asset.MAX_SERIAL) String> serialsAccepted) {
    static ReceiptLineView of(ReceiptLine r) {
        return new ReceiptLineView(
                r.itemCode(), r.quantityAccepted(), r.quantityRejected(), r.rejectionReason(), r.serialsAccepted());
    }
}
