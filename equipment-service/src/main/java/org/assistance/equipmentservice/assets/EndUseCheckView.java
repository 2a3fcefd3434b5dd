package org.assistance.equipmentservice.assets;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An end-use check as the API answers it. */
@Schema(name = "EndUseCheck")
public record EndUseCheckView(
        UUID id,

        @Schema(maxLength = Asset.MAX_SERIAL, example = "SN-2027-000481")
        String serialNumber,

        @Schema(
                minimum = "1",
                maximum = "" + Asset.MAX_CHECKS,
                format = "int32",
                description = "1 for the unit's first check; the k-th check meets the k-th due date")
        int checkNumber,

        CheckResult result,

        @Schema(example = "2027-08-12", description = "the day the unit was seen (or looked for)")
        LocalDate checkedAt,

        @Schema(maxLength = Asset.MAX_CHECKED_BY, example = "UNODC Country Office Nairobi", description = "who checked")
        String checkedBy,

        @Schema(maxLength = Asset.MAX_NOTE) String note,

        @Schema(maxLength = 200, description = "who recorded it")
        String recordedBy,

        OffsetDateTime recordedAt) {
    static EndUseCheckView of(EndUseCheck c) {
        return new EndUseCheckView(
                c.id,
                c.serialNumber,
                c.checkNumber,
                c.result,
                c.checkedAt,
                c.checkedBy,
                c.note,
                c.recordedBy,
                c.recordedAt);
    }
}
