package org.assistance.programservice.activities;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What is recorded about a participant of an activity: it replaces what was recorded before. */
@Schema(name = "ParticipantDetails")
public record ParticipantDetails(
        @NotNull @Schema(required = true, example = "FEMALE")
        Sex sex,

        @Size(max = 200) @Schema(example = "Inspector", description = "Plain text, 200 characters at most")
        String roleOrRank,

        @Size(max = 200) @Schema(example = "DCI cybercrime unit", description = "Plain text, 200 characters at most")
        String organisation,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(example = "55.5")
        BigDecimal preTestScore,

        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) @Schema(example = "82.25")
        BigDecimal postTestScore,

        @Min(0) @Max(100) @Schema(example = "90", description = "Share of the activity attended, in percent")
        Integer attendancePercent,

        @JsonDeserialize(using = TrueOrFalse.class) @Schema(example = "true", defaultValue = "false")
        Boolean certificateIssued) {

    RosterEntry.Details toDetails() {
        return ParticipantRegistration.details(
                sex, roleOrRank, organisation, preTestScore, postTestScore, attendancePercent, certificateIssued);
    }
}
