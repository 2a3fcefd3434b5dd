package org.assistance.requestservice.receipts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
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

    /** The units of one line named by serial number: as many as equipment-service takes in one dispatch. */
    static final int MAX_SERIALS = 10_000;

    /** A serial number as equipment-service records it at dispatch: at most 64 characters. */
    static final String SERIAL_PATTERN = "^[A-Za-z0-9][A-Za-z0-9./_-]{0,63}$";

    @Schema(name = "ReceiptLineDraft")
    public record Line(
            @NotBlank @Size(max = MAX_ITEM_CODE) @Schema(example = "FOR-WB-001")
            String itemCode,

            @Min(0) @Max(MAX_UNITS) @Schema(example = "3") int quantityAccepted,
            @Min(0) @Max(MAX_UNITS) @Schema(example = "1") int quantityRejected,

            @Size(max = MAX_REASON) @Schema(example = "Damaged in transit")
            String rejectionReason,

            @Size(max = MAX_SERIALS)
            @Schema(
                    maxItems = MAX_SERIALS,
                    example = "[\"SN-4711\", \"SN-4712\", \"SN-4713\"]",
                    description = "The units accepted, by the serial numbers they were dispatched with (each once,"
                            + " exactly quantityAccepted of them). Required when the item was dispatched with serial"
                            + " numbers and anything of it is rejected; left out, every dispatched unit of the item is"
                            + " accepted. Left out (or empty) for an item dispatched without serial numbers.")
            List<@NotNull @Size(max = DispatchedUnit.MAX_SERIAL) @Pattern(regexp = SERIAL_PATTERN) String>
                    serialsAccepted) {}
}
