package org.assistance.reportingservice.results;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Participants in aggregates, never anyone in particular: counts by sex of delivered activities
 * (each activity's roster's counts where one was recorded, else its delivery's), and where a
 * roster exists how many completed and were certified. {@code completionRatePercent} is
 * completed / participants of the activities with a roster; {@code averageScoreGain} the rosters'
 * averages weighted by their participants; both null when no roster tells them.
 */
@Schema(name = "ParticipantAggregates")
public record ParticipantAggregates(
        @Schema(minimum = "0", maximum = MAX) long women,
        @Schema(minimum = "0", maximum = MAX) long men,
        @Schema(minimum = "0", maximum = MAX) long other,
        @Schema(minimum = "0", maximum = MAX) long notDisclosed,
        @Schema(minimum = "0", maximum = MAX) long total,

        @Schema(description = "Participants of the activities whose roster was recorded", minimum = "0", maximum = MAX)
        long rostered,

        @Schema(minimum = "0", maximum = MAX) long completed,
        @Schema(minimum = "0", maximum = MAX) long certified,
        @Schema(minimum = "0", maximum = "100") BigDecimal completionRatePercent,
        BigDecimal averageScoreGain) {
    static final String MAX = "9223372036854775807";

    /** From the sums of request_facts' participant columns. */
    public static ParticipantAggregates of(
            long women,
            long men,
            long other,
            long notDisclosed,
            long total,
            long rostered,
            long completed,
            long certified,
            BigDecimal gainWeighted,
            long gainParticipants) {
        return new ParticipantAggregates(
                women,
                men,
                other,
                notDisclosed,
                total,
                rostered,
                completed,
                certified,
                rostered == 0
                        ? null
                        : BigDecimal.valueOf(completed)
                                .multiply(BigDecimal.valueOf(100))
                                .divide(BigDecimal.valueOf(rostered), 2, RoundingMode.HALF_EVEN),
                gainParticipants == 0 || gainWeighted == null
                        ? null
                        : gainWeighted.divide(BigDecimal.valueOf(gainParticipants), 2, RoundingMode.HALF_EVEN));
    }

    /** The SQL sums {@link #of} reads, over request_facts {@code r}, in its parameters' order. */
    public static final String SUMS = "coalesce(sum(r.participants_women), 0) as p_women, "
            + "coalesce(sum(r.participants_men), 0) as p_men, coalesce(sum(r.participants_other), 0) as p_other, "
            + "coalesce(sum(r.participants_not_disclosed), 0) as p_not_disclosed, "
            + "coalesce(sum(r.participants_total), 0) as p_total, "
            + "coalesce(sum(r.participants_rostered), 0) as p_rostered, "
            + "coalesce(sum(r.participants_completed), 0) as p_completed, "
            + "coalesce(sum(r.participants_certified), 0) as p_certified, "
            + "coalesce(sum(r.score_gain_weighted), 0) as p_gain_weighted, "
            + "coalesce(sum(r.score_gain_participants), 0) as p_gain_participants";
}
