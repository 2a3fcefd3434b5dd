package org.assistance.programservice.activities;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who took part in a delivered activity; the total must equal women + men. */
@Schema(name = "Participants")
public record ParticipantCounts(
        @Min(0) @Max(100_000) @Schema(example = "8") int women,
        @Min(0) @Max(100_000) @Schema(example = "10") int men,
        @Min(0) @Max(200_000) @Schema(example = "18") int total) {}
