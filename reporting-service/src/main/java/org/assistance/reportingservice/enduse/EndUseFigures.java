package org.assistance.reportingservice.enduse;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.Collection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What end-use monitoring of some units adds up to on a day (see {@link MonitoredUnit} for the rules). */
@Schema(description = "End-use monitoring of equipment after delivery, as of a day")
public record EndUseFigures(
        @Schema(description = "Units monitored (units rejected at receipt are not)", minimum = "0", maximum = MAX)
        long unitsMonitored,

        @Schema(description = "Checks due on or before the day", minimum = "0", maximum = MAX)
        long checksDue,

        @Schema(
                description = "Of the checks due, those met (a unit's k-th due date by its k-th check)",
                minimum = "0",
                maximum = MAX)
        long checksMet,

        @Schema(description = "Checks due before the day and not met", minimum = "0", maximum = MAX)
        long checksOverdue,

        @Schema(description = "Checks with a result other than IN_USE, per result")
        Findings findings,

        @Schema(description = "Units whose latest check found them in use", minimum = "0", maximum = MAX)
        long unitsFoundInUse) {

    static final String MAX = "9223372036854775807";

    /** Checks per result other than IN_USE. */
    @Schema(name = "EndUseFindings")
    public record Findings(
            @JsonProperty("NOT_IN_USE") @Schema(minimum = "0", maximum = MAX)
            long notInUse,

            @JsonProperty("NOT_FOUND") @Schema(minimum = "0", maximum = MAX)
            long notFound,

            @JsonProperty("TRANSFERRED") @Schema(minimum = "0", maximum = MAX)
            long transferred,

            @JsonProperty("DAMAGED") @Schema(minimum = "0", maximum = MAX)
            long damaged) {}

    /** The figures of {@code units} on {@code today}. */
    public static EndUseFigures of(Collection<MonitoredUnit> units, LocalDate today) {
        long due = 0;
        long met = 0;
        long overdue = 0;
        long inUse = 0;
        long notInUse = 0;
        long notFound = 0;
        long transferred = 0;
        long damaged = 0;
        for (MonitoredUnit unit : units) {
            due += unit.checksDue(today);
            met += unit.checksMet(today);
            overdue += unit.overdue(today).size();
            inUse += unit.foundInUse() ? 1 : 0;
            for (MonitoredUnit.Check finding : unit.findings()) {
                switch (finding.result()) {
                    case "NOT_IN_USE" -> notInUse++;
                    case "NOT_FOUND" -> notFound++;
                    case "TRANSFERRED" -> transferred++;
                    case "DAMAGED" -> damaged++;
                    default -> {} // a result this version does not know: not counted as any of them
                }
            }
        }
        return new EndUseFigures(
                units.size(), due, met, overdue, new Findings(notInUse, notFound, transferred, damaged), inUse);
    }
}
