package org.assistance.programservice.results;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.assistance.chassis.events.ResultEvents.Computation;
import org.assistance.chassis.events.ResultEvents.IndicatorKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Indicator")
public record IndicatorView(
        UUID id,
        @Schema(maxLength = 20) String programmeCode,
        @Schema(maxLength = 200) String title,
        IndicatorKind kind,
        @Schema(maxLength = 40) String unit,
        IndicatorFigure baseline,
        IndicatorFigure target,
        @Schema(maxLength = 5) String sdgTarget,
        Computation computation,

        @Schema(description = "True when the platform measures it from its own facts (nobody enters its values)")
        boolean computed,

        @Schema(maxLength = 100) String definedBy,
        OffsetDateTime definedAt,

        @Schema(maxItems = ResultsFramework.MAX_MEASUREMENTS, description = "The measurements entered, by period")
        List<MeasurementView> measurements) {

    static IndicatorView of(Indicator i, List<Measurement> measurements) {
        return new IndicatorView(
                i.id,
                i.programmeCode,
                i.title,
                i.kind,
                i.unit,
                IndicatorFigure.of(i.baseline()),
                IndicatorFigure.of(i.target()),
                i.sdgTarget,
                i.computation,
                i.isComputed(),
                i.definedBy,
                i.definedAt,
                measurements.stream().map(MeasurementView::of).toList());
    }
}
