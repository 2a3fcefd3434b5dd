package org.assistance.requestservice.receipts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What a partner sends to confirm receipt of one shipment. */
@Schema(name = "ReceiptDraft")
public record ReceiptDraft(
        @NotNull @Schema(example = "3f0c9a52-1d7e-4b8e-9d55-0c2f3a9b7e11") UUID shipmentId,
        @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
        @NotBlank @Size(max = 200) @Schema(example = "Insp. Wanjiru, DCI forensic lab") String receivedBy,
        @NotNull @PastOrPresent @Schema(example = "2027-02-14T10:30:00+03:00") OffsetDateTime receivedAt) {

    @Schema(name = "ReceiptLineDraft")
    public record Line(
            @NotBlank @Size(max = 50) @Schema(example = "FOR-WB-001") String itemCode,
            @Min(0) @Max(10_000) @Schema(example = "3") int quantityAccepted,
            @Min(0) @Max(10_000) @Schema(example = "1") int quantityRejected,
            @Size(max = 1_000) @Schema(example = "Damaged in transit") String rejectionReason) {
    }
}
