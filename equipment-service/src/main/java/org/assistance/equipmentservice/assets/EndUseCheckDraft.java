package org.assistance.equipmentservice.assets;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An end-use check as staff record it. */
@Schema(name = "EndUseCheckDraft")
public record EndUseCheckDraft(
        @NotNull @Schema(example = "IN_USE") CheckResult result,

        @NotNull
        @Schema(
                example = "2027-08-12",
                description = "the day the unit was seen (or looked for): not in the future, not before its delivery")
        LocalDate checkedAt,

        @NotBlank
        @Size(max = Asset.MAX_CHECKED_BY)
        @Schema(example = "UNODC Country Office Nairobi", description = "who checked (an office, a team)")
        String by,

        @Size(max = Asset.MAX_NOTE) @Schema(example = "Seen in use at the forensic laboratory, asset tag intact")
        String note) {}
