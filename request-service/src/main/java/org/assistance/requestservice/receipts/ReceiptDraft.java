package org.assistance.requestservice.receipts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a partner sends to confirm receipt of one shipment. */
@Schema(name = "ReceiptDraft")
public record ReceiptDraft(
        @NotNull @Schema(example = "3f0c9a52-1d7e-4b8e-9d55-0c2f3a9b7e11", format = "uuid", maxLength = 36)
        UUID shipmentId,

        @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Line> lines,

        @NotBlank @Size(max = MAX_RECEIVED_BY) @Schema(example = "Insp. Wanjiru, DCI forensic lab")
        String receivedBy,

        @NotNull
        @PastOrPresent
        @Schema(
                example = "2027-02-14T10:30:00+03:00",
                format = "date-time",
                maxLength = 35,
                description = "Not in the future, nor before the request was submitted")
        OffsetDateTime receivedAt) {
    /** A receipt names each item of the shipment once; a shipment holds the lines of one approval (at most 100). */
    static final int MAX_LINES = 100;

    static final int MAX_RECEIVED_BY = 200;
    static final int MAX_ITEM_CODE = 50;
    /** Units of one item in one shipment: up to 100 approved lines of 10,000 of the same item. */
    static final int MAX_UNITS = 1_000_000;

    static final int MAX_REASON = 1_000;

    @Schema(name = "ReceiptLineDraft")
    public record Line(
            @NotBlank @Size(max = MAX_ITEM_CODE) @Schema(example = "FOR-WB-001")
            String itemCode,

            @Min(0) @Max(MAX_UNITS) @Schema(example = "3") int quantityAccepted,
            @Min(0) @Max(MAX_UNITS) @Schema(example = "1") int quantityRejected,

            @Size(max = MAX_REASON) @Schema(example = "Damaged in transit")
            String rejectionReason) {}
}
