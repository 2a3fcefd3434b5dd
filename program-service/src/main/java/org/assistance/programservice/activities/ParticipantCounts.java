package org.assistance.programservice.activities;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.assistance.chassis.events.Values.Participants;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who took part in a delivered activity, by sex; the total must equal women + men + other + notDisclosed. */
@Schema(name = "Participants")
public record ParticipantCounts(
        @Min(0) @Max(100_000) @Schema(example = "8") int women,
        @Min(0) @Max(100_000) @Schema(example = "10") int men,

        @Min(0) @Max(100_000) @Schema(example = "1", defaultValue = "0", description = "Of another sex (default 0)")
        Integer other,

        @Min(0)
        @Max(100_000)
        @Schema(example = "0", defaultValue = "0", description = "Who did not disclose their sex (default 0)")
        Integer notDisclosed,

        @Min(0) @Max(200_000) @Schema(example = "19", description = "women + men + other + notDisclosed")
        int total) {

    Participants toParticipants() {
        return new Participants(women, men, other == null ? 0 : other, notDisclosed == null ? 0 : notDisclosed, total);
    }
}
