package org.assistance.programservice.results;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.assistance.chassis.events.Values.IndicatorValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A baseline or a target of an indicator: a value and the year it holds for. */
@Schema(name = "IndicatorFigure")
public record IndicatorFigure(
        @NotNull
        @DecimalMin("0")
        @DecimalMax(ResultsFramework.LARGEST_VALUE)
        @Digits(integer = 13, fraction = 4)
        @Schema(
                required = true,
                example = "40",
                minimum = "0",
                maximum = ResultsFramework.LARGEST_VALUE,
                description = "At most 4 decimals; 0 to 100 when the unit is %")
        BigDecimal value,

        @NotNull @Min(2000) @Max(2100) @Schema(required = true, example = "2026", minimum = "2000", maximum = "2100")
        Integer year) {

    IndicatorValue toValue() {
        return new IndicatorValue(value, year);
    }

    static IndicatorFigure of(IndicatorValue value) {
        return value == null ? null : new IndicatorFigure(value.value(), value.year());
    }
}
