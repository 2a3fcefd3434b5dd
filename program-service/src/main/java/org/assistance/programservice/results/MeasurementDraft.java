package org.assistance.programservice.results;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.assistance.chassis.events.ResultEvents.Sex;
import org.assistance.chassis.validation.CountryCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A value measured for an indicator over a period, with its source. */
@Schema(name = "MeasurementDraft")
public record MeasurementDraft(
        @NotNull @Schema(required = true, example = "2026-01-01", description = "From 2000-01-01, not in the future")
        LocalDate periodStart,

        @NotNull
        @Schema(
                required = true,
                example = "2026-06-30",
                description = "Not before periodStart; the period is 366 days at most")
        LocalDate periodEnd,

        @NotNull
        @DecimalMin("0")
        @DecimalMax(ResultsFramework.LARGEST_VALUE)
        @Digits(integer = 13, fraction = 4)
        @Schema(
                required = true,
                example = "35",
                minimum = "0",
                maximum = ResultsFramework.LARGEST_VALUE,
                description = "At most 4 decimals; 0 to 100 when the indicator's unit is %")
        BigDecimal value,

        @CountryCode @Schema(example = "KE", minLength = 2, maxLength = 2, pattern = "^[A-Z]{2}$")
        String country,

        Sex sex,

        @NotBlank
        @Size(max = 500)
        @Schema(required = true, example = "Ministry of Interior annual statistics 2026, table 4")
        String source,

        @Size(max = 2_000) String note) {}
