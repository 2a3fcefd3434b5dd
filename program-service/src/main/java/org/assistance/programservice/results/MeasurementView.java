package org.assistance.programservice.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Measurement")
public record MeasurementView(
        UUID id,
        UUID indicatorId,
        LocalDate periodStart,
        LocalDate periodEnd,

        @Schema(minimum = "0", maximum = ResultsFramework.LARGEST_VALUE)
        BigDecimal value,

        @Schema(maxLength = 2, description = "ISO 3166-1 alpha-2; null with sex null: the programme's whole figure")
        String country,

        Sex sex,
        @Schema(maxLength = 500) String source,
        @Schema(maxLength = 2_000) String note,
        @Schema(maxLength = 100) String recordedBy,
        OffsetDateTime recordedAt) {

    static MeasurementView of(Measurement m) {
        return new MeasurementView(
                m.id,
                m.indicatorId,
                m.periodStart,
                m.periodEnd,
                m.value,
                m.country,
                m.sex,
                m.source,
                m.note,
                m.recordedBy,
                m.recordedAt);
    }
}
