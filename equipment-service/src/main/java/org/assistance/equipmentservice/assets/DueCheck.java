package org.assistance.equipmentservice.assets;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A day an end-use check of a unit falls due, and whether a check met it (the k-th by the unit's k-th check). */
@Schema(name = "DueCheck")
public record DueCheck(
        @Schema(example = "2027-08-09") LocalDate dueOn,

        @Schema(description = "true when the unit has as many checks as this is the k-th due date")
        boolean met) {}
