package org.assistance.programservice.activities;

import java.math.BigDecimal;
import org.assistance.chassis.events.Values.ParticipantSummary;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an activity's roster adds up to: as published in {@code assistance.activity.participants-recorded.v1}. */
@Schema(name = "ParticipantSummary")
public record ParticipantSummaryView(
        @Schema(minimum = "0", maximum = "1000") int total,
        @Schema(minimum = "0", maximum = "1000") int women,
        @Schema(minimum = "0", maximum = "1000") int men,
        @Schema(minimum = "0", maximum = "1000") int other,
        @Schema(minimum = "0", maximum = "1000") int notDisclosed,

        @Schema(minimum = "0", maximum = "1000", description = "Attended at least the completion threshold")
        int completed,

        @Schema(minimum = "0", maximum = "1000") int certified,

        @Schema(minimum = "0", maximum = "1000", description = "Took part in an earlier activity of the agency")
        int returning,

        @Schema(minimum = "0", maximum = "100", description = "Over those with a pre-test score; null when none")
        BigDecimal averagePreScore,

        @Schema(minimum = "0", maximum = "100", description = "Over those with a post-test score; null when none")
        BigDecimal averagePostScore,

        @Schema(minimum = "-100", maximum = "100", description = "Post minus pre, over those with both; null when none")
        BigDecimal averageScoreGain) {

    static ParticipantSummaryView of(ParticipantSummary s) {
        return new ParticipantSummaryView(
                s.total(),
                s.women(),
                s.men(),
                s.other(),
                s.notDisclosed(),
                s.completed(),
                s.certified(),
                s.returning(),
                s.averagePreScore(),
                s.averagePostScore(),
                s.averageScoreGain());
    }
}
