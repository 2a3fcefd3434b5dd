package org.assistance.reportingservice.results;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A programme's results framework against what happened: each indicator's definition and, per
 * period measured (a calendar year for the indicators the platform computes; as entered for the
 * others) and the target's year, its target and actual, programme-wide, per recipient country and
 * per sex.
 */
@Schema(description = "A programme's indicators, their targets and their actuals per period")
public record ProgrammeResults(
        @Schema(maxLength = 20, example = "GLOCY") String programme,
        @Schema(maxItems = Results.MAX_INDICATORS) List<IndicatorResult> indicators,

        @Schema(description = "Participants of the programme's delivered activities, in aggregates")
        ParticipantAggregates participants) {

    /** An indicator's definition, its periods and how far the latest measured period got toward the target. */
    @Schema(name = "IndicatorResult")
    public record IndicatorResult(
            UUID indicatorId,
            @Schema(maxLength = 500) String title,
            @Schema(enumeration = {"OUTPUT", "OUTCOME"}) String kind,

            @Schema(maxLength = 40, example = "participants")
            String unit,

            IndicatorTarget baseline,
            IndicatorTarget target,
            @Schema(maxLength = 10, example = "16.4") String sdgTarget,

            @Schema(
                    description = "What the platform computes it from; null when its measurements are entered",
                    enumeration = {"PARTICIPANTS_TRAINED", "EQUIPMENT_ACCEPTED", "REQUESTS_DELIVERED_ON_TIME"})
            String computation,

            @Schema(maxItems = Results.MAX_PERIODS) List<Period> periods,
            Progress progress) {}

    /** A baseline or target: a value and the year it holds for. */
    @Schema(name = "IndicatorTarget")
    public record IndicatorTarget(
            BigDecimal value,
            @Schema(minimum = "1", maximum = "9999") int year) {}

    /**
     * One period of an indicator: {@code target} when the period is the target's year, {@code
     * actual} programme-wide (or the country's, in a country's results), {@code byCountry} per
     * recipient country, {@code bySex} (female, male, other, not-disclosed); {@code sources} of
     * the measurements entered for it.
     */
    @Schema(name = "IndicatorPeriod")
    public record Period(
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal target,
            BigDecimal actual,
            @Schema(additionalProperties = BigDecimal.class) Map<String, BigDecimal> byCountry,
            @Schema(additionalProperties = BigDecimal.class) Map<String, BigDecimal> bySex,

            @Schema(type = SchemaType.ARRAY, maxItems = 1000, implementation = Source.class)
            List<String> sources) {}

    /** Where an entered measurement came from, as recorded. */
    @Schema(name = "IndicatorSource", type = SchemaType.STRING, maxLength = 4000)
    public interface Source {}

    /** The latest period with an actual, against the target: {@code percentOfTarget} = 100 * actual / target. */
    @Schema(name = "IndicatorProgress")
    public record Progress(
            LocalDate periodStart,
            LocalDate periodEnd,
            BigDecimal actual,
            BigDecimal target,
            BigDecimal percentOfTarget) {}

    /** A State's results: per programme, each indicator's actuals for the State, and its participants. */
    @Schema(name = "CountryResults")
    public record CountryResults(
            @Schema(maxLength = 2, example = "KE") String country,

            @Schema(description = "The State's participants over every programme")
            ParticipantAggregates participants,

            @Schema(maxItems = Results.MAX_PROGRAMMES) List<CountryProgramme> programmes) {}

    /** One programme's indicators as measured in the State, and the State's participants in it. */
    @Schema(name = "CountryProgrammeResults")
    public record CountryProgramme(
            @Schema(maxLength = 20) String programme,
            ParticipantAggregates participants,
            @Schema(maxItems = Results.MAX_INDICATORS) List<IndicatorResult> indicators) {}
}
