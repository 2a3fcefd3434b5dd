package org.assistance.requestservice.receipts;

import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.Values.ReceiptLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A confirmed receipt as the API answers it. */
@Schema(name = "Receipt")
public record ReceiptView(
        UUID shipmentId,
        UUID requestId,
        @Schema(maxItems = ReceiptDraft.MAX_LINES) List<ReceivedLine> lines,
        @Schema(maxLength = ReceiptDraft.MAX_RECEIVED_BY) String receivedBy,
        OffsetDateTime receivedAt) {
    static ReceiptView of(Receipt r) {
        return new ReceiptView(
                r.shipmentId,
                r.requestId,
                r.lines.stream().map(ReceivedLine::of).toList(),
                r.receivedBy,
                r.receivedAt);
    }

    /** One line of a receipt, with the bounds it was accepted under (ReceiptDraft.Line). */
    @Schema(name = "ReceiptLine")
    public record ReceivedLine(
            @Schema(maxLength = ReceiptDraft.MAX_ITEM_CODE) String itemCode,

            @Schema(minimum = "0", maximum = "" + ReceiptDraft.MAX_UNITS)
            int quantityAccepted,

            @Schema(minimum = "0", maximum = "" + ReceiptDraft.MAX_UNITS)
            int quantityRejected,

            @Schema(maxLength = ReceiptDraft.MAX_REASON) String rejectionReason,

            @Schema(
                    maxItems = ReceiptDraft.MAX_SERIALS,
                    description = "The units accepted by serial number; null for an item dispatched without serial"
                            + " numbers (and on receipts confirmed before serial numbers were)")
            List<@Size(max = DispatchedUnit.MAX_SERIAL) String> serialsAccepted) {
        static ReceivedLine of(ReceiptLine line) {
            return new ReceivedLine(
                    line.itemCode(),
                    line.quantityAccepted(),
                    line.quantityRejected(),
                    line.rejectionReason(),
                    line.serialsAccepted());
        }
    }
}
