package org.assistance.reportingservice.enduse;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Equipment after delivery: the units whose end use is monitored, the checks due, met and
 * overdue, and what the checks found, in total and per destination; the overdue checks and the
 * findings listed. Facts only: what was due, what was checked, what was found.
 */
@Schema(description = "End-use monitoring of delivered equipment")
public record EndUseReport(
        @Schema(description = "The destination the report covers (ISO 3166-1 alpha-2); null: every one", maxLength = 2)
        String country,

        @Schema(description = "The programme the report covers; null: every one", maxLength = 20)
        String programme,

        @Schema(description = "The donor whose funded requests the report covers; null: every one", maxLength = 100)
        String donor,

        @Schema(description = "The day (UTC) checks are counted to: due on or before it, overdue before it")
        LocalDate asOf,

        @Schema(description = "Every unit the report covers")
        EndUseFigures totals,

        @Schema(description = "Per destination", maxItems = 250)
        List<CountryRow> countries,

        @Schema(
                description = "Checks overdue, earliest due first (at most 1000; the totals count them all)",
                maxItems = EndUseMonitoring.MAX_ROWS)
        List<OverdueCheck> overdue,

        @Schema(
                description = "Checks with a result other than IN_USE, latest first (at most 1000)",
                maxItems = EndUseMonitoring.MAX_ROWS)
        List<Finding> findings) {

    /** The figures of one destination. */
    @Schema(name = "EndUseCountry")
    public record CountryRow(
            @Schema(description = "ISO 3166-1 alpha-2", maxLength = 2)
            String country,

            EndUseFigures figures) {}

    /** A check due before today that no check met. */
    @Schema(name = "EndUseOverdueCheck")
    public record OverdueCheck(
            @Schema(maxLength = 100) String serialNumber,
            @Schema(maxLength = 60) String itemCode,

            @Schema(description = "The item's name as shipments planned it (its code when unknown)", maxLength = 200)
            String item,

            @Schema(maxLength = 2) String country,
            UUID requestId,
            UUID shipmentId,
            LocalDate dueOn,

            @Schema(description = "Whole days from the due date to asOf", minimum = "1", maximum = "3650000")
            long daysOverdue) {}

    /** A check whose result was not IN_USE. */
    @Schema(name = "EndUseFinding")
    public record Finding(
            @Schema(maxLength = 100) String serialNumber,
            @Schema(maxLength = 60) String itemCode,

            @Schema(description = "The item's name as shipments planned it (its code when unknown)", maxLength = 200)
            String item,

            @Schema(maxLength = 2) String country,
            UUID requestId,

            @Schema(
                    maxLength = 20,
                    enumeration = {"NOT_IN_USE", "NOT_FOUND", "TRANSFERRED", "DAMAGED"})
            String result,

            LocalDate checkedAt) {}
}
